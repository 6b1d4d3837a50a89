package ai.behavior.metric;

/**
 * Area under the ROC curve for binary truth and real-valued scores, equal to scikit-learn's
 * {@code roc_auc_score}.
 *
 * <pre>{@code
 * double auc = RocAuc.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}); // 0.75
 * double pauc = RocAuc.partial(truth, scores, 0.1);  // McClish-standardised, max FPR 10%
 * }</pre>
 *
 * <p>The AUC is the probability that a random positive scores above a random negative, a tied pair counting
 * 1/2 (Mann-Whitney U with average ranks), which equals the trapezoidal area under the ROC curve. It runs in
 * O(n log n) without boxing: unweighted, the positive and negative scores are radix-sorted apart and merged
 * (about 0.3 s for 10 million scores on one core); weighted, one radix sort carries the weights (about 0.7 s).
 *
 * <p>Conventions, shared by every binary metric in this package:
 * <ul>
 *   <li>truth is 0 or 1 ({@code int[]}) or a {@code boolean[]}; any other label is an error;</li>
 *   <li>a higher score means more likely positive; -0.0 equals 0.0; NaN scores are an error naming the index;
 *       infinite scores are accepted (they are ordered), unlike scikit-learn, which rejects them;</li>
 *   <li>sample weights are finite and {@code >= 0};</li>
 *   <li>with only one class in truth (or zero total weight on one class) the AUC is undefined and an
 *       {@link IllegalArgumentException} is thrown, as scikit-learn raises {@code ValueError}: a NaN would
 *       slip silently into averages. Use {@link GroupAuc} to skip such groups on purpose.</li>
 * </ul>
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** ROC AUC of 0/1 {@code truth} against {@code scores}. */
    public static double of(int[] truth, double[] scores) {
        Checks.binary(truth, scores, null);
        int n = truth.length;
        int positives = 0;
        for (int t : truth) {
            positives += t;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw Checks.oneClass("ROC AUC", positives, negatives);
        }
        long[] pos = new long[positives];
        long[] neg = new long[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            long key = ScoreOrder.ascendingKey(scores[i]);
            if (truth[i] == 1) {
                pos[p++] = key;
            } else {
                neg[q++] = key;
            }
        }
        return pairProbability(pos, positives, neg, negatives);
    }

    /** ROC AUC of boolean {@code truth} ({@code true} = positive) against {@code scores}. */
    public static double of(boolean[] truth, double[] scores) {
        return of(Checks.toInts(truth), scores);
    }

    /**
     * Weighted ROC AUC: each (positive, negative) pair counts with the product of their weights, which is
     * scikit-learn's {@code roc_auc_score(..., sample_weight=weights)}.
     */
    public static double of(int[] truth, double[] scores, double[] weights) {
        if (weights == null) {
            return of(truth, scores);
        }
        Checks.binary(truth, scores, weights);
        ScoreOrder order = ScoreOrder.descending(scores);
        long[] keys = order.keys;
        int[] index = order.index;
        int n = truth.length;
        double positiveAbove = 0.0; // positive weight with a strictly higher score than the current block
        double area = 0.0;
        double blockPositive = 0.0;
        double blockNegative = 0.0;
        for (int r = 0; r < n; r++) {
            int i = index[r];
            if (truth[i] == 1) {
                blockPositive += weights[i];
            } else {
                blockNegative += weights[i];
            }
            if (r == n - 1 || keys[r + 1] != keys[r]) {
                area += blockNegative * (positiveAbove + 0.5 * blockPositive);
                positiveAbove += blockPositive;
                blockPositive = 0.0;
                blockNegative = 0.0;
            }
        }
        double totalPositive = positiveAbove;
        double totalNegative = 0.0;
        for (int i = 0; i < n; i++) {
            if (truth[i] == 0) {
                totalNegative += weights[i];
            }
        }
        if (totalPositive == 0.0 || totalNegative == 0.0) {
            throw new IllegalArgumentException("ROC AUC is undefined: total weight of positives is "
                    + totalPositive + " and of negatives " + totalNegative + "; both must be > 0");
        }
        return area / (totalPositive * totalNegative);
    }

    /** Weighted ROC AUC of boolean {@code truth}. */
    public static double of(boolean[] truth, double[] scores, double[] weights) {
        return of(Checks.toInts(truth), scores, weights);
    }

    /**
     * Partial ROC AUC up to false-positive rate {@code maxFpr}, McClish-standardised exactly as scikit-learn's
     * {@code roc_auc_score(max_fpr=maxFpr)}: the TPR is interpolated linearly at {@code maxFpr}, the area
     * {@code a} up to it is rescaled to {@code 0.5 * (1 + (a - min) / (max - min))} with
     * {@code min = maxFpr^2 / 2} (the diagonal) and {@code max = maxFpr} (a perfect ranking), so 0.5 is
     * random and 1 is perfect. {@code maxFpr = 1} gives the full AUC.
     *
     * @param maxFpr in (0, 1]
     */
    public static double partial(int[] truth, double[] scores, double maxFpr) {
        return partial(truth, scores, null, maxFpr);
    }

    /** Weighted partial ROC AUC; {@code weights} may be null. See {@link #partial(int[], double[], double)}. */
    public static double partial(int[] truth, double[] scores, double[] weights, double maxFpr) {
        if (!(maxFpr > 0.0 && maxFpr <= 1.0)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], got " + maxFpr);
        }
        if (maxFpr == 1.0) {
            return of(truth, scores, weights);
        }
        RocCurve roc = RocCurve.of(truth, scores, weights);
        int size = roc.size();
        // first point with fpr > maxFpr (numpy searchsorted side="right"); fpr(0) == 0 so stop >= 1
        int stop = 1;
        while (stop < size && roc.fpr(stop) <= maxFpr) {
            stop++;
        }
        double area = 0.0;
        for (int i = 1; i < stop; i++) {
            area += (roc.fpr(i) - roc.fpr(i - 1)) * (roc.tpr(i) + roc.tpr(i - 1)) / 2.0;
        }
        double x0 = roc.fpr(stop - 1);
        double y0 = roc.tpr(stop - 1);
        double x1 = roc.fpr(stop);
        double y1 = roc.tpr(stop);
        double yAtMax = (y1 - y0) / (x1 - x0) * (maxFpr - x0) + y0;
        area += (maxFpr - x0) * (yAtMax + y0) / 2.0;
        double minArea = 0.5 * maxFpr * maxFpr;
        double maxArea = maxFpr;
        return 0.5 * (1.0 + (area - minArea) / (maxArea - minArea));
    }

    /**
     * The Mann-Whitney probability P(pos > neg) + P(pos == neg) / 2 from the sort keys
     * ({@link ScoreOrder#ascendingKey}) of the positive and negative scores, both counts > 0. Sorts the first
     * {@code np} / {@code nn} keys of each array in place, then merges them in one pass.
     */
    static double pairProbability(long[] pos, int np, long[] neg, int nn) {
        ScoreOrder.sortSigned(pos, np);
        ScoreOrder.sortSigned(neg, nn);
        long twiceWins = 0L; // 2 * (pairs won) + (pairs tied): exact in a long for any array Java can hold
        int below = 0;
        int i = 0;
        while (i < np) {
            long v = pos[i];
            int end = i + 1;
            while (end < np && pos[end] == v) {
                end++;
            }
            while (below < nn && neg[below] < v) {
                below++;
            }
            int equalEnd = below;
            while (equalEnd < nn && neg[equalEnd] == v) {
                equalEnd++;
            }
            twiceWins += (long) (end - i) * (2L * below + (equalEnd - below));
            i = end;
        }
        return twiceWins / (2.0 * np * (double) nn);
    }
}
