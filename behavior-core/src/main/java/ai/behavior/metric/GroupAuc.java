package ai.behavior.metric;

/**
 * Group AUC (gAUC): the ROC AUC of each group (typically a user or a session), averaged with each group
 * weighted by its number of impressions, as in industrial CTR evaluation.
 *
 * <pre>{@code
 * GroupAucResult g = GroupAuc.of(userOfImpression, clicked, scores);
 * System.out.println(g.auc() + " over " + g.groupsUsed() + " users, " + g.groupsSkipped() + " skipped");
 * }</pre>
 *
 * <p>A group whose impressions are all positive or all negative has no AUC: it is skipped and counted in
 * {@link GroupAucResult#groupsSkipped()}. If every group is skipped the gAUC is NaN (with
 * {@code groupsUsed() == 0}) rather than an exception, because skipping is the documented behaviour here.
 * Group ids are arbitrary ints and need not be contiguous or sorted. Truth and score conventions are those of
 * {@link RocAuc}. Runs in O(n log n): one radix sort by group, then the Mann-Whitney sweep per group.
 */
public final class GroupAuc {
    private GroupAuc() {
    }

    /**
     * Group AUC.
     *
     * @param groups group id of each impression
     * @param truth 0/1 label of each impression
     * @param scores score of each impression
     */
    public static GroupAucResult of(int[] groups, int[] truth, double[] scores) {
        Checks.binary(truth, scores, null);
        if (groups == null) {
            throw new IllegalArgumentException("groups must not be null");
        }
        Checks.sameLength("groups", groups.length, "truth", truth.length);
        int n = groups.length;
        long[] keys = new long[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (groups[i] ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL;
            index[i] = i;
        }
        ScoreOrder.sort(keys, index);
        int largest = 0;
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            largest = Math.max(largest, end - start);
        }
        long[] pos = new long[largest]; // scratch, reused by every group
        long[] neg = new long[largest];
        double weightedSum = 0.0;
        double plainSum = 0.0;
        long impressionsUsed = 0;
        int used = 0;
        int skipped = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            int np = 0;
            int nn = 0;
            for (int r = start; r < end; r++) {
                int i = index[r];
                long s = ScoreOrder.ascendingKey(scores[i]);
                if (truth[i] == 1) {
                    pos[np++] = s;
                } else {
                    neg[nn++] = s;
                }
            }
            if (np == 0 || nn == 0) {
                skipped++;
            } else {
                double auc = RocAuc.pairProbability(pos, np, neg, nn);
                int size = end - start;
                weightedSum += auc * size;
                plainSum += auc;
                impressionsUsed += size;
                used++;
            }
            start = end;
        }
        double auc = used == 0 ? Double.NaN : weightedSum / impressionsUsed;
        double mean = used == 0 ? Double.NaN : plainSum / used;
        return new GroupAucResult(auc, mean, used, skipped, impressionsUsed);
    }

    /** Group AUC with boolean truth. */
    public static GroupAucResult of(int[] groups, boolean[] truth, double[] scores) {
        return of(groups, Checks.toInts(truth), scores);
    }
}
