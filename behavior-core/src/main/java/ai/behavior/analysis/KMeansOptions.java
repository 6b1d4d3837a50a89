package ai.behavior.analysis;

/**
 * Settings of a {@link KMeans} run. Immutable; {@link #of(int)} gives the defaults and the {@code with...}
 * methods make variants.
 *
 * <pre>{@code
 * KMeansOptions o = KMeansOptions.of(5).withSeed(7).withRestarts(10);
 * KMeansResult r = KMeans.fit(rows, o);
 * }</pre>
 *
 * @param k             number of clusters, {@code >= 1}
 * @param seed          seed of the k-means++ initialisations: the same seed and data give the same result
 * @param maxIterations cap on Lloyd iterations per restart, {@code >= 1} (default {@value #DEFAULT_MAX_ITERATIONS})
 * @param restarts      independent k-means++ initialisations; the run with the lowest inertia wins, the
 *                      earliest on a tie, {@code >= 1} (default {@value #DEFAULT_RESTARTS})
 */
public record KMeansOptions(int k, long seed, int maxIterations, int restarts) {
    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Default iteration cap, as scikit-learn's. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    /** Default number of initialisations. */
    public static final int DEFAULT_RESTARTS = 3;

    /** Validates the options. */
    public KMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
    }

    /** {@code k} clusters with the default seed, iteration cap and restarts. */
    public static KMeansOptions of(int k) {
        return new KMeansOptions(k, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS, DEFAULT_RESTARTS);
    }

    /** A copy with another number of clusters. */
    public KMeansOptions withK(int value) {
        return new KMeansOptions(value, seed, maxIterations, restarts);
    }

    /** A copy with another seed. */
    public KMeansOptions withSeed(long value) {
        return new KMeansOptions(k, value, maxIterations, restarts);
    }

    /** A copy with another iteration cap. */
    public KMeansOptions withMaxIterations(int value) {
        return new KMeansOptions(k, seed, value, restarts);
    }

    /** A copy with another number of restarts. */
    public KMeansOptions withRestarts(int value) {
        return new KMeansOptions(k, seed, maxIterations, value);
    }
}
