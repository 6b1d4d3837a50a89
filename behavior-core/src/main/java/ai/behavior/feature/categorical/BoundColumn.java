package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;

/**
 * A categorical input column bound to one frame: its codes and, per frame code, the encoder's category
 * (computed once at bind time), so a row costs one array read. Codes are checked on every read because a
 * serving frame's arrays may be overwritten after it was built.
 */
final class BoundColumn {
    /** {@link #category(int)} of a missing value. */
    static final int MISSING = -2;
    /** {@link #category(int)} of a label the encoder did not keep. */
    static final int UNSEEN = -1;

    private final String column;
    private final int[] codes;
    private final int[] byCode;

    private BoundColumn(String column, int[] codes, int[] byCode) {
        this.column = column;
        this.codes = codes;
        this.byCode = byCode;
    }

    static BoundColumn bind(FeatureFrame in, String column, Vocabulary vocabulary) {
        return new BoundColumn(column, in.codes(column), vocabulary.byFrameCode(in.vocabulary(column)));
    }

    /** Binds with an explicit per-frame-code mapping (for encoders whose categories are not a vocabulary). */
    static BoundColumn bind(FeatureFrame in, String column, int[] byCode) {
        return new BoundColumn(column, in.codes(column), byCode);
    }

    /** The category of {@code row}: an index, {@link #UNSEEN} or {@link #MISSING}. */
    int category(int row) {
        int code = codes[row];
        if (code < 0) {
            if (code != -1) {
                throw badCode(row, code);
            }
            return MISSING;
        }
        if (code >= byCode.length) {
            throw badCode(row, code);
        }
        return byCode[code];
    }

    private IllegalArgumentException badCode(int row, int code) {
        return new IllegalArgumentException("column '" + column + "' row " + row + ": code " + code
                + " is outside its vocabulary of " + byCode.length + " (-1 means missing)");
    }
}
