package ai.behavior.recsys.als;

import ai.behavior.data.Interactions;

/**
 * Stops training when NDCG@K on held-out validation interactions has not improved for {@code patience}
 * iterations (epochs), and keeps the factors of the best iteration. Used by {@link ImplicitAls} and
 * {@code ai.behavior.recsys.bpr.Bpr}; see {@link ValidationNdcg} for how NDCG is measured.
 *
 * <pre>{@code
 * SplitResult parts = new RandomSplit(Ratios.of(0.8, 0.1, 0.1), RandomSplit.Scope.PER_USER, 7).apply(log);
 * ImplicitAls.fit(parts.train(), ImplicitAls.Options.defaults().withEarlyStopping(EarlyStopping.of(parts.validation(), 10)));
 * }</pre>
 *
 * <p>Each evaluation scores every validation user against the whole catalogue, about as costly as one
 * training iteration on a small catalogue; it is off unless asked for.
 *
 * @param validation held-out interactions sharing the training log's user and item indices (a split part)
 * @param k          the cut-off of NDCG, {@code > 0}
 * @param patience   iterations without improvement before stopping, {@code >= 1}
 */
public record EarlyStopping(Interactions validation, int k, int patience) {
    /** Default patience: stop after this many iterations without a better NDCG. */
    public static final int DEFAULT_PATIENCE = 3;

    /** Validates the settings. */
    public EarlyStopping {
        if (validation == null) {
            throw new IllegalArgumentException("validation interactions must not be null");
        }
        if (validation.isEmpty()) {
            throw new IllegalArgumentException("validation interactions are empty: nothing to stop on");
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
    }

    /** NDCG@{@code k} on {@code validation} with the default patience of {@value #DEFAULT_PATIENCE}. */
    public static EarlyStopping of(Interactions validation, int k) {
        return new EarlyStopping(validation, k, DEFAULT_PATIENCE);
    }

    /** A copy with another patience. */
    public EarlyStopping withPatience(int value) {
        return new EarlyStopping(validation, k, value);
    }
}
