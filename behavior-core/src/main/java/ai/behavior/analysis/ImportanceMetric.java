package ai.behavior.analysis;

import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RegressionMetrics;
import ai.behavior.metric.RocAuc;

import java.util.Objects;

/**
 * A metric for {@link PermutationImportance}: its name, whether higher is better, and how to score predictions
 * against truth. The importance of a feature is the metric's drop in quality when the feature is shuffled:
 * {@code baseline - shuffled} for a higher-is-better metric, {@code shuffled - baseline} otherwise, so a
 * positive importance always means the model needs the feature.
 *
 * <pre>{@code
 * ImportanceMetric auc = ImportanceMetric.auc();
 * ImportanceMetric mae = ImportanceMetric.of("MAE", false, RegressionMetrics::mae);
 * }</pre>
 *
 * @param name           short name for tables
 * @param higherIsBetter whether a larger value is a better model
 * @param function       the metric over (truth, predictions)
 */
public record ImportanceMetric(String name, boolean higherIsBetter, Scorer function) {
    /** A metric over truth and predictions of equal length. */
    @FunctionalInterface
    public interface Scorer {
        /** The metric of {@code predictions} against {@code truth}. */
        double score(double[] truth, double[] predictions);
    }

    /** Checks the fields. */
    public ImportanceMetric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
        Objects.requireNonNull(function, "function");
    }

    /** A custom metric. */
    public static ImportanceMetric of(String name, boolean higherIsBetter, Scorer function) {
        return new ImportanceMetric(name, higherIsBetter, function);
    }

    /** ROC AUC ({@link RocAuc}) of 0/1 truth against scores; higher is better. */
    public static ImportanceMetric auc() {
        return new ImportanceMetric("AUC", true, (truth, p) -> RocAuc.of(binary(truth), p));
    }

    /** Log-loss ({@link LogLoss}) of 0/1 truth against probabilities; lower is better. */
    public static ImportanceMetric logLoss() {
        return new ImportanceMetric("log-loss", false, (truth, p) -> LogLoss.of(binary(truth), p));
    }

    /** Root mean squared error ({@link RegressionMetrics#rmse}); lower is better. */
    public static ImportanceMetric rmse() {
        return new ImportanceMetric("RMSE", false, RegressionMetrics::rmse);
    }

    /** The metric of {@code predictions} against {@code truth}. */
    public double score(double[] truth, double[] predictions) {
        return function.score(truth, predictions);
    }

    /** The loss of quality from {@code baseline} to {@code value}: positive when {@code value} is worse. */
    public double drop(double baseline, double value) {
        return higherIsBetter ? baseline - value : value - baseline;
    }

    private static int[] binary(double[] truth) {
        int[] out = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("truth[" + i + "] = " + truth[i] + "; this metric needs 0 or 1");
            }
            out[i] = (int) truth[i];
        }
        return out;
    }
}
