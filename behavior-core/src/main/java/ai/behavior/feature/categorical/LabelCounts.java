package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.data.IdIndex;

/**
 * A categorical training column as an encoder sees it at fit time: the labels that occur (in frame-code
 * order), how often each occurs, how many rows are missing, and per row the position of its label in
 * {@link #labels()} (-1 when missing). Fitting on an empty frame is a clear error.
 */
record LabelCounts(String column, String[] labels, int[] counts, int missing, int rows, int[] rowLabel) {

    static LabelCounts of(FeatureFrame train, String column) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit on column '" + column + "': the training set is empty");
        }
        int[] codes = train.codes(column);
        IdIndex vocabulary = train.vocabulary(column);
        int[] perCode = new int[vocabulary.size()];
        int missing = 0;
        for (int code : codes) {
            if (code < 0) {
                missing++;
            } else {
                perCode[code]++;
            }
        }
        // Frame vocabularies may hold labels no row uses (a selected frame shares its parent's); skip those.
        int[] position = new int[perCode.length];
        int present = 0;
        for (int c = 0; c < perCode.length; c++) {
            position[c] = perCode[c] > 0 ? present++ : -1;
        }
        String[] labels = new String[present];
        int[] counts = new int[present];
        for (int c = 0; c < perCode.length; c++) {
            if (position[c] >= 0) {
                labels[position[c]] = vocabulary.id(c);
                counts[position[c]] = perCode[c];
            }
        }
        int[] rowLabel = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            rowLabel[r] = codes[r] < 0 ? -1 : position[codes[r]];
        }
        return new LabelCounts(column, labels, counts, missing, codes.length, rowLabel);
    }
}
