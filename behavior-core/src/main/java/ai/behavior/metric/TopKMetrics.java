package ai.behavior.metric;

import java.util.Arrays;

/**
 * Metrics of one user's recommendation list against the set of items that user actually chose:
 * Precision@K, Recall@K, NDCG@K, HR@K, MRR@K and MAP@K, as used by RecBole and most recommender papers.
 *
 * <pre>{@code
 * int[] ranked = {42, 7, 13, 99};   // item ids, best first
 * double ndcg = TopKMetrics.ndcg(ranked, new int[] {7, 500}, 10);
 * }</pre>
 *
 * <p>Conventions (see {@link RankingMetric} for each formula):
 * <ul>
 *   <li>The list may be shorter than K (missing ranks are misses; precision still divides by K) and K may
 *       exceed the catalogue. K must be {@code > 0}.</li>
 *   <li>The truth is a set: duplicate ids in it count once. A list item repeated in the list keeps its rank
 *       but earns no gain the second time, so a list of one relevant item repeated K times has one hit.</li>
 *   <li>NDCG uses binary gains and discount {@code 1/log2(rank+1)}; its ideal DCG puts
 *       {@code min(K, |truth|)} hits first.</li>
 *   <li>MAP@K divides the summed precision@i over hit ranks by {@code min(K, |truth|)} (RecBole's
 *       convention; some libraries divide by {@code |truth|} or by the number of hits).</li>
 *   <li>With an empty truth set the user is undefined for every metric here: the functions return NaN, and
 *       {@link RankingAccumulator} leaves such users out of its means and counts them as skipped.</li>
 * </ul>
 */
public final class TopKMetrics {
    private TopKMetrics() {
    }

    /** Precision@K: hits in the top K / K; NaN when {@code truth} is empty. */
    public static double precision(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.PRECISION, ranked, truth, k);
    }

    /** Recall@K: hits in the top K / |truth|; NaN when {@code truth} is empty. */
    public static double recall(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.RECALL, ranked, truth, k);
    }

    /** Binary-gain NDCG@K; NaN when {@code truth} is empty. */
    public static double ndcg(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.NDCG, ranked, truth, k);
    }

    /** HR@K: 1 if a relevant item is in the top K, else 0; NaN when {@code truth} is empty. */
    public static double hitRate(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.HIT_RATE, ranked, truth, k);
    }

    /** Reciprocal rank of the first hit within the top K (0 if none); NaN when {@code truth} is empty. */
    public static double mrr(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.MRR, ranked, truth, k);
    }

    /** Average precision@K, normalised by min(K, |truth|); NaN when {@code truth} is empty. */
    public static double averagePrecision(int[] ranked, int[] truth, int k) {
        return of(RankingMetric.MAP, ranked, truth, k);
    }

    /** Any {@link RankingMetric} at cut-off {@code k}; NaN when {@code truth} is empty. */
    public static double of(RankingMetric metric, int[] ranked, int[] truth, int k) {
        if (metric == null) {
            throw new IllegalArgumentException("metric must not be null");
        }
        int[] ks = {k};
        checkKs(ks);
        double[][] out = new double[RankingMetric.values().length][1];
        if (!evaluate(ranked, truth, ks, idealPrefix(k), out)) {
            return Double.NaN;
        }
        return out[metric.ordinal()][0];
    }

    /** Fails unless every K is {@code > 0}. */
    static void checkKs(int[] ks) {
        if (ks == null || ks.length == 0) {
            throw new IllegalArgumentException("at least one K is needed");
        }
        for (int k : ks) {
            if (k <= 0) {
                throw new IllegalArgumentException("K must be > 0, got " + k);
            }
        }
    }

    /** {@code prefix[i]} = sum of the discounts of ranks 1..i, for i = 0..maxK. */
    static double[] idealPrefix(int maxK) {
        double[] prefix = new double[maxK + 1];
        for (int i = 1; i <= maxK; i++) {
            prefix[i] = prefix[i - 1] + Ndcg.discount(i);
        }
        return prefix;
    }

    /**
     * Fills {@code out[metric.ordinal()][j]} with each metric at {@code sortedKs[j]} (ascending, each > 0).
     *
     * @return false (leaving {@code out} untouched) when the truth set is empty
     */
    static boolean evaluate(int[] ranked, int[] truth, int[] sortedKs, double[] idealPrefix, double[][] out) {
        if (ranked == null || truth == null) {
            throw new IllegalArgumentException("ranked list and truth must not be null");
        }
        int[] relevant = distinctSorted(truth);
        if (relevant.length == 0) {
            return false;
        }
        boolean[] credited = new boolean[relevant.length];
        int maxK = sortedKs[sortedKs.length - 1];
        int depth = Math.min(maxK, ranked.length);
        int hits = 0;
        double dcg = 0.0;
        double precisionSum = 0.0;
        int firstHit = 0; // 1-based rank, 0 = none yet
        int j = 0;
        for (int r = 0; r < depth && j < sortedKs.length; r++) {
            int at = Arrays.binarySearch(relevant, ranked[r]);
            if (at >= 0 && !credited[at]) {
                credited[at] = true;
                hits++;
                dcg += Ndcg.discount(r + 1);
                precisionSum += hits / (double) (r + 1);
                if (firstHit == 0) {
                    firstHit = r + 1;
                }
            }
            while (j < sortedKs.length && sortedKs[j] == r + 1) {
                record(out, j, sortedKs[j], relevant.length, hits, dcg, precisionSum, firstHit, idealPrefix);
                j++;
            }
        }
        for (; j < sortedKs.length; j++) { // K beyond the list: nothing more to gain
            record(out, j, sortedKs[j], relevant.length, hits, dcg, precisionSum, firstHit, idealPrefix);
        }
        return true;
    }

    private static void record(double[][] out, int j, int k, int relevant, int hits, double dcg,
                               double precisionSum, int firstHit, double[] idealPrefix) {
        int idealHits = Math.min(k, relevant);
        out[RankingMetric.PRECISION.ordinal()][j] = hits / (double) k;
        out[RankingMetric.RECALL.ordinal()][j] = hits / (double) relevant;
        out[RankingMetric.NDCG.ordinal()][j] = dcg / idealPrefix[idealHits];
        out[RankingMetric.HIT_RATE.ordinal()][j] = hits > 0 ? 1.0 : 0.0;
        out[RankingMetric.MRR.ordinal()][j] = firstHit == 0 ? 0.0 : 1.0 / firstHit;
        out[RankingMetric.MAP.ordinal()][j] = precisionSum / idealHits;
    }

    private static int[] distinctSorted(int[] ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }
}
