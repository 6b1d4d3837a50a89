package ai.behavior.synth;

/**
 * Everything a synthetic shop planted: users' latent state, items' latent state and the outcome model of
 * every view, so that tests and models can check that the signal in the log is recoverable.
 *
 * <pre>{@code
 * GroundTruth truth = SyntheticShop.generate(SyntheticShop.Options.defaults()).truth();
 * double a = truth.affinity(3, 17); double p = truth.views().purchaseProbability()[0];
 * }</pre>
 *
 * @param users per-user tastes, activity, propensity, price sensitivity and churn
 * @param items per-item embeddings, popularity, category and price
 * @param views per-VIEW-row true cart and purchase probabilities and outcomes
 */
public record GroundTruth(UserTruth users, ItemTruth items, ViewTruth views) {

    /**
     * Checks the parts fit together.
     *
     * @throws IllegalArgumentException if users and items have different dimensions
     */
    public GroundTruth {
        if (users.dimension() != items.dimension()) {
            throw new IllegalArgumentException("users have dimension " + users.dimension() + ", items "
                    + items.dimension());
        }
    }

    /** Dimension of tastes and embeddings. */
    public int dimension() {
        return users.dimension();
    }

    /**
     * The planted affinity of user {@code u} for item {@code i}: {@code taste . embedding / sqrt(dimension)},
     * of about unit variance over random pairs. It drives item choice, dwell, cart, purchase and rating.
     */
    public double affinity(int u, int i) {
        return Affinity.of(users.tastes(), u, items.embeddings(), i, dimension());
    }
}
