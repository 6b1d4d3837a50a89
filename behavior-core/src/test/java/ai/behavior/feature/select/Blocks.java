package ai.behavior.feature.select;

import ai.behavior.feature.FittedReducer;

/** Row-major float blocks for reducer tests. */
final class Blocks {
    private Blocks() {
    }

    static float[] of(double[][] rows) {
        int w = rows[0].length;
        float[] out = new float[rows.length * w];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < w; j++) {
                out[r * w + j] = (float) rows[r][j];
            }
        }
        return out;
    }

    /** The reducer's outputs for one input row. */
    static float[] apply(FittedReducer f, double... row) {
        float[] in = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            in[j] = (float) row[j];
        }
        float[] out = new float[f.outputNames().size()];
        f.apply(in, 0, out, 0);
        return out;
    }
}
