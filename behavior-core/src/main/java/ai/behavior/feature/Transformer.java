package ai.behavior.feature;

import java.util.List;

/**
 * An unfitted transform: an immutable specification (which input columns, which options) that learns its
 * statistics from training data only. Fitting never sees validation or test rows, because the pipeline only
 * ever hands it the frame it was fitted on.
 *
 * <pre>{@code
 * Transformer t = Standardize.of("price");
 * Transform fitted = t.fit(trainFrame, FitContext.unsupervised());
 * }</pre>
 */
public interface Transformer {
    /** The input columns this transformer reads. */
    List<String> inputs();

    /**
     * Learns from {@code train} and returns the fitted transform. Throws {@link IllegalArgumentException}
     * with a clear message when {@code train} is empty or a column is missing or of the wrong type.
     */
    Transform fit(FeatureFrame train, FitContext context);
}
