package ai.behavior.models.sequence;

import ai.behavior.metric.RankingMetric;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How sure a difference between two next-item models is: a paired bootstrap over the test users of the difference
 * in mean HR@K or NDCG@K. Both models ranked the same users' held-out items; each draw resamples users with
 * replacement and recomputes the difference of means, and the interval is the 2.5th to 97.5th percentile of the
 * draws. An interval that contains 0 means the data cannot tell the two models apart.
 *
 * <pre>{@code
 * PairedBootstrap.Interval d = PairedBootstrap.of(tf.fullRanks(), lstm.fullRanks(), RankingMetric.NDCG, 2000, 42);
 * PairedBootstrap.Interval e = PairedBootstrap.of(tfRun.perUser(false, RankingMetric.NDCG),
 *         lstmRun.perUser(false, RankingMetric.NDCG), 2000, 42);   // each user averaged over seeds
 * System.out.println(d);   // +0.0031 [-0.0042, +0.0105]
 * }</pre>
 *
 * <p>Ranks are per user, 0-based positions of the held-out item in the model's top K, or -1 when it is not in
 * them ({@link NextItemEvaluation.SeedRun#fullRanks()}): a hit counts 1, NDCG counts {@code 1 / log2(rank + 2)}
 * (one relevant item, so the ideal DCG is 1).
 */
public final class PairedBootstrap {
    private PairedBootstrap() {
    }

    /**
     * A difference of means with its bootstrap interval.
     *
     * @param difference mean of A minus mean of B over all users
     * @param low        2.5th percentile of the bootstrap differences
     * @param high       97.5th percentile
     * @param draws      bootstrap draws
     */
    public record Interval(double difference, double low, double high, int draws) {
        /** Whether the 95 % interval lies wholly above or wholly below 0. */
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }

        /** E.g. {@code "+0.0031 [-0.0042, +0.0105]"}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", difference, low, high);
        }
    }

    /** The per-user value of {@code metric} (HIT_RATE or NDCG) for a 0-based rank in the top K, or -1 for a miss. */
    public static double value(RankingMetric metric, int rank) {
        if (rank < 0) {
            return 0;
        }
        if (metric == RankingMetric.HIT_RATE) {
            return 1;
        }
        if (metric == RankingMetric.NDCG) {
            return 1.0 / (Math.log(rank + 2) / Math.log(2));
        }
        throw new IllegalArgumentException("the paired bootstrap supports HIT_RATE and NDCG, got " + metric);
    }

    /**
     * The difference mean(A) - mean(B) of {@code metric} over users, with a 95 % interval from {@code draws}
     * resamplings of the users (seeded).
     *
     * @param ranksA per user, model A's rank of the held-out item (-1 = not in the top K)
     * @param ranksB the same users, model B
     */
    public static Interval of(int[] ranksA, int[] ranksB, RankingMetric metric, int draws, long seed) {
        if (ranksB.length != ranksA.length) {
            throw new IllegalArgumentException("both models need ranks for the same users, got " + ranksA.length
                    + " and " + ranksB.length);
        }
        double[] a = new double[ranksA.length];
        double[] b = new double[ranksB.length];
        for (int u = 0; u < a.length; u++) {
            a[u] = value(metric, ranksA[u]);
            b[u] = value(metric, ranksB[u]);
        }
        return of(a, b, draws, seed);
    }

    /**
     * The difference mean(A) - mean(B) of per-user values (e.g. {@link #value} averaged over several seeds' models),
     * with a 95 % interval from {@code draws} resamplings of the users (seeded).
     *
     * @param valuesA per user, model A's value
     * @param valuesB the same users, model B's
     */
    public static Interval of(double[] valuesA, double[] valuesB, int draws, long seed) {
        int n = valuesA.length;
        if (n == 0 || valuesB.length != n) {
            throw new IllegalArgumentException("both models need values for the same non-empty users, got " + n
                    + " and " + valuesB.length);
        }
        if (draws < 100) {
            throw new IllegalArgumentException("draws must be >= 100 for a 95 % interval, got " + draws);
        }
        double[] d = new double[n];
        double total = 0;
        for (int u = 0; u < n; u++) {
            d[u] = valuesA[u] - valuesB[u];
            total += d[u];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[draws];
        for (int b = 0; b < draws; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[b] = s / n;
        }
        Arrays.sort(means);
        return new Interval(total / n, means[(int) Math.floor(0.025 * (draws - 1))],
                means[(int) Math.ceil(0.975 * (draws - 1))], draws);
    }
}
