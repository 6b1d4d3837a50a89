package ai.behavior.bench.peers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic rating matrix shaped like MovieLens-1M (6,040 users, 3,706 items, 1,000,209 ratings from 1 to
 * 5), made deterministically from a seed, as primitive columns. It stands in for ML-1M (not shipped here)
 * when timing matrix factorisation: our ALS and the Spark peer fit exactly the same arrays.
 *
 * <pre>{@code
 * Ml1mShapedRatings m = Ml1mShapedRatings.generate(42);
 * Ml1mShapedRatings.Split s = m.split(0.2, 7);
 * }</pre>
 *
 * <p>How it is made:
 * <ul>
 *   <li>every user rates at least 20 items (as in ML-1M); the rest of the budget is spread log-normally
 *       (sigma 1.15, so mean / median near ML-1M's 166 / 96), capped at 2,314 (ML-1M's most active user);</li>
 *   <li>items have a Zipf-like popularity {@code 1 / (rank + 10)^0.85} over a shuffled item order;</li>
 *   <li>each user and item has a hidden 8-dimensional taste vector; a user picks items without replacement
 *       with weight {@code popularity * exp(0.8 * affinity)} (Efraimidis–Spirakis keys), so what a user
 *       rates carries signal for implicit models, not only popularity;</li>
 *   <li>the rating is {@code round(3.25 + userBias + itemBias + 0.7 * affinity + noise)} clamped to 1..5,
 *       with N(0, 0.45), N(0, 0.45) biases, popular items a little better rated, and N(0, 0.8) noise.</li>
 * </ul>
 * Rows come grouped by user. Users and items are dense indices {@code 0..users-1}, {@code 0..items-1}.
 *
 * @param users  number of users (ids are {@code 0..users-1})
 * @param items  number of items (ids are {@code 0..items-1})
 * @param user   user index of each rating
 * @param item   item index of each rating
 * @param rating the rating, an integer value from 1 to 5 stored as float
 */
public record Ml1mShapedRatings(int users, int items, int[] user, int[] item, float[] rating) {
    /** Users in MovieLens-1M. */
    public static final int ML1M_USERS = 6_040;
    /** Items (movies with at least one rating) in MovieLens-1M. */
    public static final int ML1M_ITEMS = 3_706;
    /** Ratings in MovieLens-1M. */
    public static final int ML1M_RATINGS = 1_000_209;

    private static final int MIN_PER_USER = 20;
    private static final int MAX_PER_USER = 2_314;
    private static final int TASTE_DIM = 8;

    /** A train / test partition of the rows. */
    public record Split(Ml1mShapedRatings train, Ml1mShapedRatings test) {
    }

    /** Checks the columns line up and the indices are in range. */
    public Ml1mShapedRatings {
        if (user.length != item.length || user.length != rating.length) {
            throw new IllegalArgumentException("columns differ in length: " + user.length + ", " + item.length
                    + ", " + rating.length);
        }
    }

    /** The ML-1M shape (6,040 × 3,706, 1,000,209 ratings) from {@code seed}. */
    public static Ml1mShapedRatings generate(long seed) {
        return generate(ML1M_USERS, ML1M_ITEMS, ML1M_RATINGS, seed);
    }

    /**
     * A matrix of the given shape from {@code seed}; same seed and shape, same arrays.
     *
     * @param users   number of users, at least 1
     * @param items   number of items, at least {@value #MIN_PER_USER}
     * @param ratings total ratings, between {@code 20 * users} and {@code users * min(items, 2314)}
     * @param seed    random seed
     */
    public static Ml1mShapedRatings generate(int users, int items, int ratings, long seed) {
        int cap = Math.min(items, MAX_PER_USER);
        if (users < 1 || items < MIN_PER_USER || ratings < (long) MIN_PER_USER * users
                || ratings > (long) cap * users) {
            throw new IllegalArgumentException("cannot place " + ratings + " ratings on " + users + " x "
                    + items + " with 20.." + cap + " per user");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perUser = ratingsPerUser(users, ratings, cap, rnd.split());

        float[] userTaste = gaussians(users * TASTE_DIM, 1.0, rnd.split());
        float[] itemTaste = gaussians(items * TASTE_DIM, 1.0, rnd.split());
        float[] userBias = gaussians(users, 0.45, rnd.split());
        float[] itemBias = gaussians(items, 0.45, rnd.split());
        double[] logPopularity = new double[items];
        int[] popularityRank = permutation(items, rnd.split());
        for (int i = 0; i < items; i++) {
            logPopularity[i] = -0.85 * Math.log(popularityRank[i] + 10.0);
            // popular items are rated a little higher, as in MovieLens
            itemBias[i] += (float) (0.25 * (1.0 - popularityRank[i] / (double) items) - 0.125);
        }

        int[] userCol = new int[ratings];
        int[] itemCol = new int[ratings];
        float[] ratingCol = new float[ratings];
        long[] keys = new long[items];
        double[] affinity = new double[items];
        double scale = 1.0 / Math.sqrt(TASTE_DIM);
        SplittableRandom pick = rnd.split();
        SplittableRandom noise = rnd.split();
        int row = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                double dot = 0;
                for (int f = 0; f < TASTE_DIM; f++) {
                    dot += userTaste[u * TASTE_DIM + f] * itemTaste[i * TASTE_DIM + f];
                }
                affinity[i] = dot * scale;
                // Efraimidis–Spirakis: the k smallest Exp(1) / weight are a weighted sample without replacement
                double logKey = Math.log(-Math.log(1.0 - pick.nextDouble())) - logPopularity[i] - 0.8 * affinity[i];
                keys[i] = ((long) sortableBits((float) logKey) << 32) | i;
            }
            Arrays.sort(keys);
            for (int j = 0; j < perUser[u]; j++) {
                int i = (int) keys[j];
                double r = 3.25 + userBias[u] + itemBias[i] + 0.7 * affinity[i] + 0.8 * noise.nextGaussian();
                userCol[row] = u;
                itemCol[row] = i;
                ratingCol[row] = (float) Math.max(1, Math.min(5, Math.rint(r)));
                row++;
            }
        }
        return new Ml1mShapedRatings(users, items, userCol, itemCol, ratingCol);
    }

    /** Number of ratings. */
    public int size() {
        return user.length;
    }

    /**
     * Splits the rows at random: exactly {@code round(testFraction * size())} rows go to test.
     * Same seed, same split. Some test users or items may be missing from train (few, at this density).
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
        }
        int n = size();
        int nTest = (int) Math.round(testFraction * n);
        int[] order = permutation(n, new SplittableRandom(seed));
        boolean[] isTest = new boolean[n];
        for (int j = 0; j < nTest; j++) {
            isTest[order[j]] = true;
        }
        return new Split(select(isTest, false, n - nTest), select(isTest, true, nTest));
    }

    private Ml1mShapedRatings select(boolean[] isTest, boolean want, int count) {
        int[] u = new int[count];
        int[] i = new int[count];
        float[] r = new float[count];
        int k = 0;
        for (int row = 0; row < isTest.length; row++) {
            if (isTest[row] == want) {
                u[k] = user[row];
                i[k] = item[row];
                r[k] = rating[row];
                k++;
            }
        }
        return new Ml1mShapedRatings(users, items, u, i, r);
    }

    /** One line of shape statistics, to print beside every timing. */
    public String describe() {
        int[] perUser = new int[users];
        int[] perItem = new int[items];
        double sum = 0;
        double sumSq = 0;
        int[] histogram = new int[6];
        for (int row = 0; row < size(); row++) {
            perUser[user[row]]++;
            perItem[item[row]]++;
            sum += rating[row];
            sumSq += rating[row] * rating[row];
            histogram[(int) rating[row]]++;
        }
        int[] sortedUsers = perUser.clone();
        int[] sortedItems = perItem.clone();
        Arrays.sort(sortedUsers);
        Arrays.sort(sortedItems);
        long itemsUsed = Arrays.stream(perItem).filter(c -> c > 0).count();
        double mean = sum / size();
        StringBuilder share = new StringBuilder();
        for (int r = 1; r <= 5; r++) {
            share.append(String.format("%s%d:%.1f%%", r == 1 ? "" : " ", r, 100.0 * histogram[r] / size()));
        }
        return String.format("%,d users x %,d items (%,d rated), %,d ratings; per user min %d median %d max %d;"
                        + " per item median %d max %,d; rating mean %.2f sd %.2f [%s]",
                users, items, itemsUsed, size(), sortedUsers[0], sortedUsers[users / 2], sortedUsers[users - 1],
                sortedItems[items / 2], sortedItems[items - 1], mean, Math.sqrt(sumSq / size() - mean * mean),
                share);
    }

    /** Ratings per user: 20 each, plus a log-normal share of the rest, capped, summing exactly. */
    private static int[] ratingsPerUser(int users, int ratings, int cap, SplittableRandom rnd) {
        double[] weight = new double[users];
        double total = 0;
        for (int u = 0; u < users; u++) {
            weight[u] = Math.exp(1.15 * rnd.nextGaussian());
            total += weight[u];
        }
        int[] count = new int[users];
        Arrays.fill(count, MIN_PER_USER);
        long placed = (long) MIN_PER_USER * users;
        // spread what is left by weight over the users under the cap; repeat while the cap cuts some off
        while (ratings - placed >= users) {
            double open = 0;
            for (int u = 0; u < users; u++) {
                open += count[u] < cap ? weight[u] : 0;
            }
            long left = ratings - placed;
            for (int u = 0; u < users; u++) {
                if (count[u] < cap) {
                    int add = (int) Math.min(cap - count[u], Math.floor(left * weight[u] / open));
                    count[u] += add;
                    placed += add;
                }
            }
        }
        // hand out the rounding remainder, one each, to users under the cap
        for (int u = 0; placed < ratings; u = (u + 1) % users) {
            if (count[u] < cap) {
                count[u]++;
                placed++;
            }
        }
        return count;
    }

    private static float[] gaussians(int n, double sd, SplittableRandom rnd) {
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (float) (sd * rnd.nextGaussian());
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Float bits that sort as signed ints in the same order as the floats. */
    private static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
