package ai.behavior.metric;

/**
 * Error of real-valued predictions (e.g. ratings): root mean squared error and mean absolute error, as
 * scikit-learn's {@code mean_squared_error(squared=False)} and {@code mean_absolute_error}.
 *
 * <pre>{@code
 * double rmse = RegressionMetrics.rmse(actualRatings, predictedRatings);
 * double mae = RegressionMetrics.mae(actualRatings, predictedRatings);
 * }</pre>
 *
 * <p>Both arrays must have the same, non-zero length and hold finite values (NaN or infinity is an error
 * naming the index).
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    /** {@code sqrt(mean((truth - predicted)^2))}. */
    public static double rmse(double[] truth, double[] predicted) {
        check(truth, predicted);
        double sum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            double d = truth[i] - predicted[i];
            sum += d * d;
        }
        return Math.sqrt(sum / truth.length);
    }

    /** {@code mean(|truth - predicted|)}. */
    public static double mae(double[] truth, double[] predicted) {
        check(truth, predicted);
        double sum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(truth[i] - predicted[i]);
        }
        return sum / truth.length;
    }

    private static void check(double[] truth, double[] predicted) {
        if (truth == null || predicted == null) {
            throw new IllegalArgumentException("truth and predicted must not be null");
        }
        Checks.sameLength("truth", truth.length, "predicted", predicted.length);
        Checks.nonEmpty("truth", truth.length);
        Checks.finite("truth", truth);
        Checks.finite("predicted", predicted);
    }
}
