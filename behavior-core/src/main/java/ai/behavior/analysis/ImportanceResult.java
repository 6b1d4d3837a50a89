package ai.behavior.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Permutation importances of every feature, most important first.
 *
 * <pre>{@code
 * ImportanceResult r = PermutationImportance.of(ImportanceMetric.auc()).compute(model::predict, x, y);
 * System.out.println(r.toTable());
 * }</pre>
 *
 * @param metric   the metric's name
 * @param baseline the metric on the unshuffled data
 * @param repeats  shuffles per feature
 * @param seed     seed of the shuffles
 * @param features one entry per feature or group, by decreasing mean drop (ties by name)
 */
public record ImportanceResult(String metric, double baseline, int repeats, long seed,
                               List<FeatureImportance> features) {
    /** Copies the list. */
    public ImportanceResult {
        features = List.copyOf(features);
    }

    /** The entry of {@code feature}. */
    public FeatureImportance get(String feature) {
        for (FeatureImportance f : features) {
            if (f.feature().equals(feature)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no feature '" + feature + "'; features are "
                + features.stream().map(FeatureImportance::feature).toList());
    }

    /** A text table: a header line with the metric and baseline, then one line per feature. */
    public String toTable() {
        int width = "feature".length();
        for (FeatureImportance f : features) {
            width = Math.max(width, f.feature().length());
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "permutation importance: %s drop, baseline %.4f, %d repeats, seed %d%n", metric, baseline, repeats,
                seed));
        sb.append(String.format(Locale.ROOT, "%-" + width + "s | %10s | %10s%n", "feature", "mean", "sd"));
        for (FeatureImportance f : features) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s | %10.4f | %10.4f%n", f.feature(), f.mean(),
                    f.sd()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toTable();
    }
}
