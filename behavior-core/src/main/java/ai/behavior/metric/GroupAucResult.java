package ai.behavior.metric;

/**
 * The outcome of {@link GroupAuc}: the impression-weighted mean AUC and how many groups it covers.
 *
 * <pre>{@code
 * GroupAucResult g = GroupAuc.of(groups, truth, scores);
 * double gauc = g.auc(); // NaN when groupsUsed() == 0
 * }</pre>
 *
 * @param auc mean per-group AUC weighted by group size (impressions); NaN when no group was usable
 * @param unweightedAuc plain mean of the per-group AUCs (every group counts once); NaN when none was usable
 * @param groupsUsed groups with both classes, which enter the mean
 * @param groupsSkipped groups with a single class, which are left out
 * @param impressionsUsed impressions in the used groups
 */
public record GroupAucResult(double auc, double unweightedAuc, int groupsUsed, int groupsSkipped,
                             long impressionsUsed) {
    /** Validates the counts. */
    public GroupAucResult {
        if (groupsUsed < 0 || groupsSkipped < 0 || impressionsUsed < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
