package ai.behavior.recsys.als;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingMetric;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Test data with planted low-rank structure: each user picks items with probability proportional to
 * {@code popularity * exp(beta * taste . item)} with rank-{@code rank} tastes, so a factor model can beat
 * popularity by a wide margin; plus the held-out NDCG@K the recommender tests compare.
 *
 * <pre>{@code
 * Interactions log = PlantedLog.generate(500, 300, 4, 20, 7);
 * double ndcg = PlantedLog.ndcg(model, trainMatrix, test, popularity, 10);
 * }</pre>
 */
public final class PlantedLog {
    private PlantedLog() {
    }

    /**
     * A log of {@code RATING} events (values 1..5) of {@code users} users ({@code "u" + u}) over {@code items}
     * items ({@code "i" + i}), each user with 10 to {@code 10 + 2 * (perUser - 10)} distinct items.
     */
    public static Interactions generate(int users, int items, int rank, int perUser, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] taste = new double[users][rank];
        double[][] vec = new double[items][rank];
        for (double[] t : taste) {
            for (int k = 0; k < rank; k++) {
                t[k] = rnd.nextGaussian();
            }
        }
        for (double[] v : vec) {
            for (int k = 0; k < rank; k++) {
                v[k] = rnd.nextGaussian() / Math.sqrt(rank);
            }
        }
        double[] pop = new double[items];
        for (int i = 0; i < items; i++) {
            pop[i] = 1.0 / (10 + rnd.nextInt(items));
        }
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < users; u++) {
            b.users().intern("u" + u);
        }
        for (int i = 0; i < items; i++) {
            b.items().intern("i" + i);
        }
        long t = 1_700_000_000_000L;
        long[] keys = new long[items];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double a = 0;
                for (int k = 0; k < rank; k++) {
                    a += taste[u][k] * vec[i][k];
                }
                double key = -Math.log(1 - rnd.nextDouble()) / (pop[i] * Math.exp(2.0 * a));
                keys[i] = (Double.doubleToRawLongBits(key) & ~0xFFFFL) | i;
            }
            Arrays.sort(keys);
            int n = Math.min(items - 1, 10 + rnd.nextInt(Math.max(1, 2 * (perUser - 10) + 1)));
            for (int q = 0; q < n; q++) {
                b.add(u, (int) (keys[q] & 0xFFFF), EventType.RATING.ordinal(), t++, 1 + rnd.nextInt(5),
                        Interactions.NO_SESSION);
            }
        }
        return b.build();
    }

    /** Mean NDCG@k of {@code model}'s seen-filtered top-k against each test user's items. */
    public static double ndcg(ItemScorer model, UserItemMatrix train, Interactions test, Popularity fallback, int k) {
        Recommender rec = new Recommender(model, train, fallback);
        int[][] top = rec.recommendAll(k, RecommendOptions.defaults(), 2);
        UserItemMatrix truth = UserItemMatrix.of(test, Weighting.counts());
        RankingAccumulator acc = new RankingAccumulator(train.numCols(), k);
        for (int u = 0; u < truth.numRows(); u++) {
            int n = truth.rowLength(u);
            if (n == 0) {
                continue;
            }
            int[] items = new int[n];
            for (int p = 0; p < n; p++) {
                items[p] = truth.col(truth.rowStart(u) + p);
            }
            acc.add(top[u], items);
        }
        return acc.result().mean(RankingMetric.NDCG, k);
    }
}
