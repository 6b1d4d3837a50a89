package ai.behavior.bench.peers;

import ai.behavior.data.Interactions;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ratings as three primitive columns (user index, item index, value), the form every peer takes
 * (Spark builds its DataFrame from them), with a seeded random train / test split of the rows.
 *
 * <pre>{@code
 * RatingColumns all = RatingColumns.of(Ml1mShapedMatrix.generate(42));
 * RatingColumns.Split split = all.split(0.2, 43);
 * }</pre>
 *
 * @param users  number of users (indices {@code 0..users-1})
 * @param items  number of items (indices {@code 0..items-1})
 * @param user   user index of each row
 * @param item   item index of each row
 * @param rating value of each row
 */
public record RatingColumns(int users, int items, int[] user, int[] item, float[] rating) {
    /** A train / test partition of the rows. */
    public record Split(RatingColumns train, RatingColumns test) {
    }

    /** Checks the columns line up. */
    public RatingColumns {
        if (user.length != item.length || user.length != rating.length) {
            throw new IllegalArgumentException("columns differ in length: " + user.length + ", " + item.length
                    + ", " + rating.length);
        }
    }

    /** The user, item and value columns of {@code log}, with its user and item counts. */
    public static RatingColumns of(Interactions log) {
        return new RatingColumns(log.numUsers(), log.numItems(), log.userColumn().clone(),
                log.itemColumn().clone(), log.valueColumn().clone());
    }

    /** Number of rows. */
    public int size() {
        return user.length;
    }

    /**
     * Splits the rows at random: exactly {@code round(testFraction * size())} rows go to test, the same
     * rows for the same seed. Some test users or items may be missing from train (rare at ML-1M density).
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
        }
        int n = size();
        int nTest = (int) Math.round(testFraction * n);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        boolean[] isTest = new boolean[n];
        for (int j = 0; j < nTest; j++) {
            isTest[order[j]] = true;
        }
        return new Split(select(isTest, false, n - nTest), select(isTest, true, nTest));
    }

    private RatingColumns select(boolean[] isTest, boolean want, int count) {
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
        return new RatingColumns(users, items, u, i, r);
    }

    /** One line of shape statistics, printed beside the timings. */
    public String describe() {
        int[] perUser = new int[users];
        int[] perItem = new int[items];
        double sum = 0;
        double sumSq = 0;
        for (int row = 0; row < size(); row++) {
            perUser[user[row]]++;
            perItem[item[row]]++;
            sum += rating[row];
            sumSq += (double) rating[row] * rating[row];
        }
        int[] u = perUser.clone();
        int[] i = perItem.clone();
        Arrays.sort(u);
        Arrays.sort(i);
        double mean = sum / size();
        return String.format("%,d users x %,d items, %,d ratings; per user min %d median %d max %,d;"
                        + " per item min %d median %d max %,d; value mean %.2f sd %.2f",
                users, items, size(), u[0], u[users / 2], u[users - 1], i[0], i[items / 2], i[items - 1], mean,
                Math.sqrt(Math.max(0, sumSq / size() - mean * mean)));
    }
}
