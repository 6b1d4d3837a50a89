package ai.behavior.feature;

import java.util.List;

/**
 * An unfitted step over the whole dense block after the column transforms: dimension reduction (PCA) or
 * feature selection (variance threshold, correlation filter, mutual information). Categorical and sequence
 * outputs pass through untouched.
 */
public interface DenseReducer {
    /**
     * Learns from the training dense block ({@code rows x names.size()}, row-major) and returns the fitted
     * reducer. Labels, when a reducer needs them, come from {@code context}.
     */
    FittedReducer fit(float[] dense, int rows, List<String> names, FitContext context);
}
