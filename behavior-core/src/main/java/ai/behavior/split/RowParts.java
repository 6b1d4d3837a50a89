package ai.behavior.split;

import ai.behavior.data.Interactions;

/**
 * The part each row of a log goes to while a split is being made; turns into a {@link SplitResult} whose parts
 * keep the log's row order.
 */
final class RowParts {
    static final byte TRAIN = 0;
    static final byte VALIDATION = 1;
    static final byte TEST = 2;
    static final byte DROPPED = 3;

    private final byte[] part;

    /** All rows start in train. */
    RowParts(int rows) {
        this.part = new byte[rows];
    }

    void set(int row, byte p) {
        part[row] = p;
    }

    byte get(int row) {
        return part[row];
    }

    /** The parts, described as {@code how} followed by the part sizes. */
    SplitResult toResult(Interactions log, String how) {
        int[] counts = new int[4];
        for (byte p : part) {
            counts[p]++;
        }
        int[][] rows = {new int[counts[0]], new int[counts[1]], new int[counts[2]], new int[counts[3]]};
        int[] fill = new int[4];
        for (int r = 0; r < part.length; r++) {
            rows[part[r]][fill[part[r]]++] = r;
        }
        String sizes = " (train " + counts[TRAIN] + ", validation " + counts[VALIDATION] + ", test " + counts[TEST]
                + (counts[DROPPED] > 0 ? ", dropped " + counts[DROPPED] : "") + " events)";
        return new SplitResult(log.select(rows[TRAIN]), log.select(rows[VALIDATION]), log.select(rows[TEST]),
                how + sizes);
    }
}
