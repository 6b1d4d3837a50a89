package ai.behavior.cli.model;

import ai.behavior.feature.FeatureFrame;

/**
 * A loaded purchase model: the probability that each user of a raw feature frame buys within the horizon (the
 * model's own feature pipeline turns the frame into model inputs). Close it to free native memory (the MLP).
 *
 * <pre>{@code
 * try (PurchasePredictor p = PurchaseModels.load(ModelKind.PURCHASE_MLP, dir)) { double[] prob = p.predict(test); }
 * }</pre>
 */
public interface PurchasePredictor extends AutoCloseable {
    /** Purchase probabilities, one per row of {@code frame}. */
    double[] predict(FeatureFrame frame);

    /** Frees what the model holds; no checked exception. */
    @Override
    void close();
}
