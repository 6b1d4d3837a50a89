package ai.behavior.bench.jmh;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic rating log shaped like MovieLens-1M: 6,040 users, 3,706 items, exactly 1,000,209 distinct
 * (user, item) ratings of 1 to 5 stars, the same for the same seed. The benchmarks of the recommenders train
 * on it; no real data is needed.
 *
 * <pre>{@code
 * Interactions log = Ml1mShapedMatrix.generate(42);
 * UserItemMatrix m = UserItemMatrix.of(log, Weighting.ratings());
 * }</pre>
 *
 * <p>Shape: user activity is 20 plus a lognormal share (sigma 0.9) of the remaining ratings, capped at
 * 2,314 ratings (MovieLens-1M's minimum and maximum); item popularity is Zipf-like ({@code (rank + 10)^-1.0})
 * over a random permutation of the items, tilted per user by a planted rank-8 taste so the log has low-rank
 * structure; each user's items are drawn without replacement (exponential keys); stars follow
 * MovieLens-1M's marginal distribution (6 / 11 / 26 / 35 / 22 %). User {@code u} has id {@code "u" + u}
 * and index {@code u}, item {@code i} id {@code "i" + i} and index {@code i}; events are {@code RATING}s.
 */
public final class Ml1mShapedMatrix {
    /** Users of MovieLens-1M. */
    public static final int USERS = 6_040;
    /** Rated items of MovieLens-1M. */
    public static final int ITEMS = 3_706;
    /** Ratings of MovieLens-1M. */
    public static final int RATINGS = 1_000_209;
    private static final int MIN_PER_USER = 20;
    private static final int MAX_PER_USER = 2_314;
    private static final int TASTE_DIM = 8;
    private static final double[] STARS = {0.056, 0.108, 0.261, 0.349, 0.226};

    private Ml1mShapedMatrix() {
    }

    /** The log for {@code seed}. */
    public static Interactions generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perUser = activity(rnd);
        double[] pop = popularity(rnd);
        double[][] itemTaste = gaussians(rnd, ITEMS, TASTE_DIM, 1.0);
        double[][] userTaste = gaussians(rnd, USERS, TASTE_DIM, 1.0 / Math.sqrt(TASTE_DIM));
        InteractionsBuilder b = Interactions.builder(RATINGS);
        for (int u = 0; u < USERS; u++) {
            b.users().intern("u" + u);
        }
        for (int i = 0; i < ITEMS; i++) {
            b.items().intern("i" + i);
        }
        long[] packed = new long[ITEMS];
        long t = 946_684_800_000L; // 2000-01-01
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                double affinity = 0;
                for (int k = 0; k < TASTE_DIM; k++) {
                    affinity += userTaste[u][k] * itemTaste[i][k];
                }
                double w = pop[i] * Math.exp(1.5 * affinity);
                double key = -Math.log(1.0 - rnd.nextDouble()) / w; // exponential key: the n smallest are a
                packed[i] = (Double.doubleToRawLongBits(key) & ~0xFFFFL) | i; // weighted sample; keys > 0 sort as longs
            }
            Arrays.sort(packed);
            int n = perUser[u];
            int[] chosen = new int[n];
            for (int q = 0; q < n; q++) {
                chosen[q] = (int) (packed[q] & 0xFFFFL);
            }
            Arrays.sort(chosen);
            for (int item : chosen) {
                b.add(u, item, EventType.RATING.ordinal(), t, stars(rnd), Interactions.NO_SESSION);
                t += 1_000;
            }
        }
        return b.build();
    }

    private static int[] activity(SplittableRandom rnd) {
        double[] share = new double[USERS];
        double sum = 0;
        for (int u = 0; u < USERS; u++) {
            share[u] = Math.exp(0.9 * gaussian(rnd));
            sum += share[u];
        }
        int[] n = new int[USERS];
        int left = RATINGS;
        for (int u = 0; u < USERS; u++) {
            n[u] = MIN_PER_USER;
            left -= MIN_PER_USER;
        }
        double budget = left;
        for (int u = 0; u < USERS; u++) {
            int extra = (int) Math.min(MAX_PER_USER - MIN_PER_USER, Math.floor(share[u] / sum * budget));
            n[u] += extra;
            left -= extra;
        }
        for (int u = 0; left > 0; u = (u + 1) % USERS) { // hand out the rounding (and cap) remainder
            if (n[u] < MAX_PER_USER) {
                n[u]++;
                left--;
            }
        }
        return n;
    }

    private static double[] popularity(SplittableRandom rnd) {
        int[] rankOf = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            rankOf[i] = i;
        }
        for (int i = ITEMS - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = rankOf[i];
            rankOf[i] = rankOf[j];
            rankOf[j] = tmp;
        }
        double[] pop = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            pop[i] = Math.pow(rankOf[i] + 10, -1.0);
        }
        return pop;
    }

    private static double[][] gaussians(SplittableRandom rnd, int rows, int cols, double sd) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int k = 0; k < cols; k++) {
                row[k] = gaussian(rnd) * sd;
            }
        }
        return a;
    }

    private static double gaussian(SplittableRandom rnd) {
        return rnd.nextGaussian();
    }

    private static float stars(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        for (int s = 0; s < STARS.length - 1; s++) {
            x -= STARS[s];
            if (x < 0) {
                return s + 1;
            }
        }
        return STARS.length;
    }
}
