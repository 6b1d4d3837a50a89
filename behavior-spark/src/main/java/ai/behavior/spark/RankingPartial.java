package ai.behavior.spark;

import ai.behavior.metric.RankingMetric;
import ai.behavior.metric.TopKMetrics;

import java.io.Serializable;

/**
 * One partition's share of a ranking evaluation: per metric and K the sum over its evaluated users, the users
 * evaluated and skipped, and per item the best rank it was recommended at (for coverage). Partials add up on
 * the driver; the means and coverage are then what {@code RankingAccumulator} gives for all users at once.
 */
final class RankingPartial implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final RankingMetric[] METRICS = RankingMetric.values();

    final int[] ks;
    final double[] sums; // metric-major: sums[m * ks.length + j]
    final int[] bestRank;
    long evaluated;
    long skipped;

    RankingPartial(int[] ks, int catalogueSize) {
        this.ks = ks;
        this.sums = new double[METRICS.length * ks.length];
        this.bestRank = new int[catalogueSize];
        java.util.Arrays.fill(bestRank, Integer.MAX_VALUE);
    }

    /** Adds one user, exactly as {@code RankingAccumulator.add} does; {@code where} names the row in errors. */
    void add(int[] ranked, int[] truth, String where) {
        int depth = Math.min(ranked.length, ks[ks.length - 1]);
        for (int r = 0; r < depth; r++) {
            int item = ranked[r];
            if (item < 0 || item >= bestRank.length) {
                throw new IllegalArgumentException(where + ": ranked[" + r + "] = " + item
                        + " is outside the catalogue [0, " + bestRank.length + ")");
            }
        }
        for (int r = 0; r < depth; r++) {
            bestRank[ranked[r]] = Math.min(bestRank[ranked[r]], r);
        }
        if (truth.length == 0) {
            skipped++;
            return;
        }
        for (int m = 0; m < METRICS.length; m++) {
            for (int j = 0; j < ks.length; j++) {
                sums[m * ks.length + j] += TopKMetrics.of(METRICS[m], ranked, truth, ks[j]);
            }
        }
        evaluated++;
    }

    /** Adds {@code other} into this partial. */
    RankingPartial merge(RankingPartial other) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
        }
        for (int i = 0; i < bestRank.length; i++) {
            bestRank[i] = Math.min(bestRank[i], other.bestRank[i]);
        }
        evaluated += other.evaluated;
        skipped += other.skipped;
        return this;
    }
}
