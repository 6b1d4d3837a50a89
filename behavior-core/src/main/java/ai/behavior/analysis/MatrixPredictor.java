package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;

/**
 * Any model seen as a function from a feature matrix to one prediction per row: a probability, a score or a
 * value. A method reference fits: {@code logisticModel::predict}; a model that scores one row at a time fits
 * through {@link #perRow}.
 *
 * <pre>{@code
 * MatrixPredictor p = model::predict;
 * MatrixPredictor q = MatrixPredictor.perRow((x, row) -> x.dense(row, 0) * 2);
 * }</pre>
 */
@FunctionalInterface
public interface MatrixPredictor {
    /**
     * One prediction per row of {@code x}. The predictor must not keep {@code x}: callers such as
     * {@link PermutationImportance} change it between calls.
     */
    double[] predict(FeatureMatrix x);

    /** A model that predicts row {@code row} of a matrix. */
    @FunctionalInterface
    interface RowPredictor {
        /** The prediction for row {@code row} of {@code x}. */
        double predict(FeatureMatrix x, int row);
    }

    /** A matrix predictor that calls {@code model} for each row in order. */
    static MatrixPredictor perRow(RowPredictor model) {
        return x -> {
            double[] out = new double[x.rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] = model.predict(x, r);
            }
            return out;
        };
    }
}
