package ai.behavior.models.twotower;

/** Where the shared negatives of {@link TwoTowerObjective#SAMPLED} are drawn from. */
public enum NegativeSampling {
    /** Every item of the catalogue equally likely. */
    UNIFORM,
    /** Proportional to {@code (1 + training positives)^0.75} (the word2vec smoothing). */
    POPULARITY
}
