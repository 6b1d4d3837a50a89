package ai.behavior.analysis;

/**
 * The permutation importance of one feature (or group of features shuffled together).
 *
 * <pre>{@code
 * FeatureImportance top = result.features().get(0);
 * System.out.println(top.feature() + " " + top.mean() + " +- " + top.sd());
 * }</pre>
 *
 * @param feature the feature or group name
 * @param mean    mean metric drop over the repeats (positive: the model needs the feature)
 * @param sd      population standard deviation of the drops (as scikit-learn's {@code importances_std})
 * @param drops   the drop of each repeat (a copy)
 */
public record FeatureImportance(String feature, double mean, double sd, double[] drops) {
    /** Copies the drops. */
    public FeatureImportance {
        drops = drops.clone();
    }

    /** The drop of each repeat (a copy). */
    @Override
    public double[] drops() {
        return drops.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureImportance f && feature.equals(f.feature) && java.util.Arrays.equals(drops, f.drops);
    }

    @Override
    public int hashCode() {
        return 31 * feature.hashCode() + java.util.Arrays.hashCode(drops);
    }

    @Override
    public String toString() {
        return "FeatureImportance[" + feature + ", mean=" + mean + ", sd=" + sd + "]";
    }
}
