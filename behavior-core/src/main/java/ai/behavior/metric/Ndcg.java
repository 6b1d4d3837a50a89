package ai.behavior.metric;

import java.util.Arrays;

/**
 * Graded DCG and NDCG over score matrices (one row per query), equal to scikit-learn's {@code dcg_score}
 * and {@code ndcg_score}.
 *
 * <pre>{@code
 * double ndcg = Ndcg.ndcg(new double[][] {{3, 2, 3, 0, 1, 2}}, new double[][] {{.9, .8, .1, .2, .7, .3}}); // 0.937
 * double ndcgAt3 = Ndcg.ndcg(relevance, scores, 3, false);
 * }</pre>
 *
 * <p>Definitions (scikit-learn's): the gain of an item is its relevance as is (linear, <em>not</em>
 * {@code 2^rel - 1}); the item at rank {@code r} (1-based) is discounted by {@code 1 / log2(r + 1)}; only the
 * first {@code k} ranks count ({@code k = 0} means all, {@code k} beyond the row length is the same as all).
 * Items with equal scores are a tied block: unless {@code ignoreTies}, each position of the block gets the
 * block's mean gain, so the result does not depend on the order of ties. With {@code ignoreTies} the items are
 * taken in descending score order, ties broken by higher index first; this reproduces scikit-learn for rows
 * of up to 16 items (where numpy's argsort is stable and scikit-learn reverses it), but for longer rows numpy
 * orders ties arbitrarily, so scikit-learn's tie order is not guaranteed: prefer averaged ties.
 *
 * <p>NDCG divides a query's DCG by its ideal DCG (relevances sorted descending); a query whose relevances are
 * all zero scores 0 and still counts in the mean. The result is the mean over queries. Differences from
 * scikit-learn: a one-item query is defined (NDCG 1 if its relevance is positive, else 0; scikit-learn raises
 * because it sees a 1x1 input as binary), and rows may have different lengths (relevance and score rows of
 * one query must match). Relevance and scores must not be NaN; NDCG rejects negative relevance (as
 * scikit-learn does); DCG accepts it.
 */
public final class Ndcg {
    private static final double LN2 = Math.log(2.0);

    private Ndcg() {
    }

    /** Mean NDCG over all ranks, ties averaged. */
    public static double ndcg(double[][] relevance, double[][] scores) {
        return ndcg(relevance, scores, 0, false);
    }

    /**
     * Mean NDCG@k over queries.
     *
     * @param k ranks that count; 0 means all
     * @param ignoreTies true to take tied items in index-descending order instead of averaging them
     */
    public static double ndcg(double[][] relevance, double[][] scores, int k, boolean ignoreTies) {
        checkMatrices(relevance, scores, k);
        double sum = 0.0;
        for (int q = 0; q < relevance.length; q++) {
            sum += ofQuery(relevance[q], scores[q], k, ignoreTies, true, q);
        }
        return sum / relevance.length;
    }

    /** Mean DCG over all ranks, ties averaged. */
    public static double dcg(double[][] relevance, double[][] scores) {
        return dcg(relevance, scores, 0, false);
    }

    /** Mean DCG@k over queries; arguments as for {@link #ndcg(double[][], double[][], int, boolean)}. */
    public static double dcg(double[][] relevance, double[][] scores, int k, boolean ignoreTies) {
        checkMatrices(relevance, scores, k);
        double sum = 0.0;
        for (int q = 0; q < relevance.length; q++) {
            sum += ofQuery(relevance[q], scores[q], k, ignoreTies, false, q);
        }
        return sum / relevance.length;
    }

    /** NDCG@k of a single query ({@code k = 0} for all ranks). */
    public static double ndcgOfQuery(double[] relevance, double[] scores, int k, boolean ignoreTies) {
        checkK(k);
        return ofQuery(relevance, scores, k, ignoreTies, true, 0);
    }

    /** DCG@k of a single query ({@code k = 0} for all ranks). */
    public static double dcgOfQuery(double[] relevance, double[] scores, int k, boolean ignoreTies) {
        checkK(k);
        return ofQuery(relevance, scores, k, ignoreTies, false, 0);
    }

    /** The discount of 1-based rank {@code rank}: {@code 1 / log2(rank + 1)}. */
    public static double discount(int rank) {
        return LN2 / Math.log(rank + 1.0);
    }

    private static double ofQuery(double[] relevance, double[] scores, int k, boolean ignoreTies,
                                  boolean normalise, int query) {
        checkQuery(relevance, scores, normalise, query);
        int n = relevance.length;
        int cut = k == 0 ? n : Math.min(k, n);
        double dcg = ignoreTies ? dcgInOrder(relevance, scores, cut) : dcgTiesAveraged(relevance, scores, cut);
        if (!normalise) {
            return dcg;
        }
        double ideal = idealDcg(relevance, cut);
        return ideal == 0.0 ? 0.0 : dcg / ideal;
    }

    private static double dcgTiesAveraged(double[] relevance, double[] scores, int cut) {
        ScoreOrder order = ScoreOrder.descending(scores);
        long[] keys = order.keys;
        int[] index = order.index;
        int n = relevance.length;
        double dcg = 0.0;
        int start = 0;
        while (start < cut) {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            double gain = 0.0;
            for (int r = start; r < end; r++) {
                gain += relevance[index[r]];
            }
            double discounts = 0.0;
            for (int r = start; r < Math.min(end, cut); r++) {
                discounts += discount(r + 1);
            }
            dcg += gain / (end - start) * discounts;
            start = end;
        }
        return dcg;
    }

    private static double dcgInOrder(double[] relevance, double[] scores, int cut) {
        int n = scores.length;
        double[] reversed = new double[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = scores[n - 1 - i];
        }
        int[] index = ScoreOrder.descending(reversed).index; // stable: ties by reversed index, i.e. higher first
        double dcg = 0.0;
        for (int r = 0; r < cut; r++) {
            dcg += relevance[n - 1 - index[r]] * discount(r + 1);
        }
        return dcg;
    }

    private static double idealDcg(double[] relevance, int cut) {
        double[] sorted = relevance.clone();
        Arrays.sort(sorted);
        double dcg = 0.0;
        for (int r = 0; r < cut; r++) {
            dcg += sorted[sorted.length - 1 - r] * discount(r + 1);
        }
        return dcg;
    }

    private static void checkMatrices(double[][] relevance, double[][] scores, int k) {
        checkK(k);
        if (relevance == null || scores == null) {
            throw new IllegalArgumentException("relevance and scores must not be null");
        }
        Checks.sameLength("relevance", relevance.length, "scores", scores.length);
        if (relevance.length == 0) {
            throw new IllegalArgumentException("no queries: relevance has no rows");
        }
    }

    private static void checkK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0 (0 means all ranks), got " + k);
        }
    }

    private static void checkQuery(double[] relevance, double[] scores, boolean normalise, int query) {
        if (relevance == null || scores == null) {
            throw new IllegalArgumentException("query " + query + ": relevance and scores must not be null");
        }
        if (relevance.length != scores.length) {
            throw new IllegalArgumentException("query " + query + ": length mismatch: relevance has "
                    + relevance.length + " items but scores has " + scores.length);
        }
        if (relevance.length == 0) {
            throw new IllegalArgumentException("query " + query + " has no items");
        }
        for (int i = 0; i < relevance.length; i++) {
            double r = relevance[i];
            if (Double.isNaN(r) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("query " + query + ": relevance[" + i + "] = " + r
                        + " is not finite");
            }
            if (normalise && r < 0) {
                throw new IllegalArgumentException("query " + query + ": relevance[" + i + "] = " + r
                        + " is negative; NDCG needs relevance >= 0");
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("query " + query + ": scores[" + i + "] is NaN");
            }
        }
    }
}
