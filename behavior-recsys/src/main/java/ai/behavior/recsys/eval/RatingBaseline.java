package ai.behavior.recsys.eval;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

/**
 * The biases-only rating baseline {@code r̂(u, i) = μ + b_u + b_i}, fitted like Surprise's {@code BaselineOnly}
 * with its default ALS settings: the row every rating comparison should beat.
 *
 * <pre>{@code
 * RatingBaseline base = RatingBaseline.fit(train, RatingBaseline.Options.defaults());
 * double stars = base.predict(user, item);
 * }</pre>
 *
 * <p>{@code μ} is the mean training rating; biases start at 0 and each epoch sets, in this order (Surprise's),
 * every item's {@code b_i = Σ_u (r_ui − μ − b_u) / (itemRegularization + n_i)} and then every user's
 * {@code b_u = Σ_i (r_ui − μ − b_i) / (userRegularization + n_u)}. Only RATING events count, the latest of a
 * repeated pair. Predictions are clipped to the lowest and highest training rating; a user or item without
 * training ratings has bias 0.
 */
public final class RatingBaseline implements RatingPredictor {
    private final double mean;
    private final double[] bu;
    private final double[] bi;
    private final double min;
    private final double max;

    private RatingBaseline(double mean, double[] bu, double[] bi, double min, double max) {
        this.mean = mean;
        this.bu = bu;
        this.bi = bi;
        this.min = min;
        this.max = max;
    }

    /**
     * Options of the baseline.
     *
     * @param userRegularization additive shrinkage of user biases (finite, {@code >= 0}); default 15
     * @param itemRegularization additive shrinkage of item biases (finite, {@code >= 0}); default 10
     * @param epochs             alternating sweeps ({@code >= 1}); default 10
     */
    public record Options(double userRegularization, double itemRegularization, int epochs) {
        /** Validates the options. */
        public Options {
            if (!Double.isFinite(userRegularization) || userRegularization < 0
                    || !Double.isFinite(itemRegularization) || itemRegularization < 0) {
                throw new IllegalArgumentException("regularisation must be finite and >= 0, got user "
                        + userRegularization + ", item " + itemRegularization);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
        }

        /** Surprise's {@code BaselineOnly} ALS defaults: {@code reg_u} 15, {@code reg_i} 10, 10 epochs. */
        public static Options defaults() {
            return new Options(15, 10, 10);
        }
    }

    /**
     * Fits the baseline on the RATING events of {@code train}.
     *
     * @throws IllegalArgumentException if {@code train} holds no rating
     */
    public static RatingBaseline fit(Interactions train, Options options) {
        UserItemMatrix byUser = UserItemMatrix.of(train, Weighting.ratings());
        if (byUser.nnz() == 0) {
            throw new IllegalArgumentException("no ratings to fit the baseline on: the training log has "
                    + train.size() + " events and none is a rating");
        }
        UserItemMatrix byItem = byUser.transpose();
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < byUser.nnz(); p++) {
            sum += byUser.value(p);
            lo = Math.min(lo, byUser.value(p));
            hi = Math.max(hi, byUser.value(p));
        }
        double mean = sum / byUser.nnz();
        double[] bu = new double[byUser.numRows()];
        double[] bi = new double[byUser.numCols()];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            sweep(byItem, bi, bu, mean, options.itemRegularization());
            sweep(byUser, bu, bi, mean, options.userRegularization());
        }
        return new RatingBaseline(mean, bu, bi, lo, hi);
    }

    /** The clipped prediction {@code μ + b_u + b_i}. */
    @Override
    public double predict(int user, int item) {
        double s = mean + bu[user] + bi[item];
        return s < min ? min : s > max ? max : s;
    }

    /** The global mean. */
    public double globalMean() {
        return mean;
    }

    /** The bias of user index {@code user}. */
    public double userBias(int user) {
        return bu[user];
    }

    /** The bias of item index {@code item}. */
    public double itemBias(int item) {
        return bi[item];
    }

    private static void sweep(UserItemMatrix rows, double[] own, double[] other, double mean, double reg) {
        for (int r = 0; r < rows.numRows(); r++) {
            int n = rows.rowLength(r);
            if (n == 0) {
                continue;
            }
            double dev = 0;
            for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                dev += rows.value(p) - mean - other[rows.col(p)];
            }
            own[r] = dev / (reg + n);
        }
    }
}
