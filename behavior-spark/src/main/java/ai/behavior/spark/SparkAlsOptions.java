package ai.behavior.spark;

import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.mf.AlsOptions;

import java.io.Serializable;

/**
 * Options of Spark MLlib's ALS, named after our own ALS options where they mean the same thing.
 *
 * <pre>{@code
 * SparkAlsOptions o = SparkAlsOptions.implicit(64, 15).withRegParam(0.05).withAlpha(2);
 * SparkAlsOptions same = SparkAlsOptions.mirror(ImplicitAls.Options.defaults(), meanPairsPerUser);
 * }</pre>
 *
 * <h2>Regularisation: the scale differs</h2>
 * Spark's {@code regParam} is ALS-WR: the user step solves {@code (YᵀCY + regParam · n_u · I) x = YᵀCp},
 * {@code n_u} being the user's number of rated pairs (items likewise). Our {@link ImplicitAls} uses a plain
 * lambda, the same for every row. A Spark {@code regParam = r} therefore equals our lambda {@code r · n_u} for
 * a user with {@code n_u} pairs: no single lambda matches all users. {@link #mirror(ImplicitAls.Options,
 * double)} divides our lambda by a typical count (the mean pairs per user), which matches the typical user;
 * compare tuned models, not raw values. Our explicit {@link AlsOptions} with {@code weightedRegularization}
 * (the default) uses Spark's convention, so its {@code regularization} is {@code regParam} exactly. Implicit
 * confidence is {@code 1 + alpha · r} on both sides.
 *
 * @param rank          factors per user and item, {@code >= 1}
 * @param maxIter       alternating iterations, {@code >= 1}
 * @param regParam      ALS-WR lambda (scaled by counts), finite, {@code >= 0}
 * @param alpha         implicit confidence slope, finite, {@code >= 0}
 * @param implicitPrefs implicit-feedback ALS (Hu, Koren, Volinsky) instead of explicit ratings
 * @param seed          seed of Spark's initial factors
 * @param userBlocks    Spark's {@code numUserBlocks}, {@code >= 1} (its default 10)
 * @param itemBlocks    Spark's {@code numItemBlocks}, {@code >= 1}
 * @param nonnegative   non-negative least squares
 */
public record SparkAlsOptions(int rank, int maxIter, double regParam, double alpha, boolean implicitPrefs, long seed,
                              int userBlocks, int itemBlocks, boolean nonnegative) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates the options, naming the first bad one. */
    public SparkAlsOptions {
        if (rank < 1 || maxIter < 1 || userBlocks < 1 || itemBlocks < 1) {
            throw new IllegalArgumentException("rank, maxIter, userBlocks and itemBlocks must be >= 1, got rank=" + rank
                    + " maxIter=" + maxIter + " userBlocks=" + userBlocks + " itemBlocks=" + itemBlocks);
        }
        if (!Double.isFinite(regParam) || regParam < 0) {
            throw new IllegalArgumentException("regParam must be finite and >= 0, got " + regParam);
        }
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
    }

    /** Implicit ALS with Spark's defaults: regParam 0.1, alpha 1, 10 x 10 blocks, seed 42. */
    public static SparkAlsOptions implicit(int rank, int maxIter) {
        return new SparkAlsOptions(rank, maxIter, 0.1, 1.0, true, 42L, 10, 10, false);
    }

    /** Explicit ALS with Spark's defaults: regParam 0.1, 10 x 10 blocks, seed 42. */
    public static SparkAlsOptions explicit(int rank, int maxIter) {
        return new SparkAlsOptions(rank, maxIter, 0.1, 1.0, false, 42L, 10, 10, false);
    }

    /**
     * Our implicit options in Spark's terms: same factors, iterations, alpha and seed; {@code regParam =
     * regularization / pairsPerUser} (see the class comment).
     *
     * @param pairsPerUser the typical number of (user, item) pairs per user, {@code > 0} (e.g. the mean)
     */
    public static SparkAlsOptions mirror(ImplicitAls.Options o, double pairsPerUser) {
        if (!(pairsPerUser > 0) || Double.isInfinite(pairsPerUser)) {
            throw new IllegalArgumentException("pairsPerUser must be finite and > 0, got " + pairsPerUser);
        }
        return new SparkAlsOptions(o.factors(), o.iterations(), o.regularization() / pairsPerUser, o.alpha(), true,
                o.seed(), 10, 10, false);
    }

    /**
     * Our explicit ALS options in Spark's terms: same factors, epochs, regularization and seed (Spark has no
     * biases, so {@code biasRegularization} has no counterpart).
     *
     * @throws IllegalArgumentException if {@code o} does not weight regularisation by counts (Spark always does)
     */
    public static SparkAlsOptions mirror(AlsOptions o) {
        if (!o.weightedRegularization()) {
            throw new IllegalArgumentException("Spark's ALS always scales regParam by rating counts; "
                    + "use AlsOptions with weightedRegularization = true");
        }
        return new SparkAlsOptions(Math.max(1, o.factors()), o.epochs(), o.regularization(), 1.0, false, o.seed(), 10,
                10, false);
    }

    /** A copy with another regParam. */
    public SparkAlsOptions withRegParam(double value) {
        return new SparkAlsOptions(rank, maxIter, value, alpha, implicitPrefs, seed,
                userBlocks, itemBlocks, nonnegative);
    }

    /** A copy with another alpha. */
    public SparkAlsOptions withAlpha(double value) {
        return new SparkAlsOptions(rank, maxIter, regParam, value, implicitPrefs, seed,
                userBlocks, itemBlocks, nonnegative);
    }

    /** A copy with another number of iterations. */
    public SparkAlsOptions withMaxIter(int value) {
        return new SparkAlsOptions(rank, value, regParam, alpha, implicitPrefs, seed,
                userBlocks, itemBlocks, nonnegative);
    }

    /** A copy with another seed. */
    public SparkAlsOptions withSeed(long value) {
        return new SparkAlsOptions(rank, maxIter, regParam, alpha, implicitPrefs, value,
                userBlocks, itemBlocks, nonnegative);
    }

    /** A copy with other block counts. */
    public SparkAlsOptions withBlocks(int users, int items) {
        return new SparkAlsOptions(rank, maxIter, regParam, alpha, implicitPrefs, seed, users, items, nonnegative);
    }

    /** One line for logs and reports. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "spark-als %s rank=%d maxIter=%d regParam=%s%s blocks=%dx%d seed=%d",
                implicitPrefs ? "implicit" : "explicit", rank, maxIter, regParam,
                implicitPrefs ? " alpha=" + alpha : "",
                userBlocks, itemBlocks, seed);
    }
}
