package ai.behavior.bench.peers;

import ai.behavior.metric.RegressionMetrics;
import ai.behavior.metric.TopKMetrics;

import java.util.Arrays;

/**
 * Quality of a fitted recommender on held-out ratings, computed the same way for our models and for peers:
 * RMSE of predicted ratings, and Recall@K of full-catalogue ranking with each user's training items removed.
 *
 * <pre>{@code
 * HeldOutQuality.Rmse e = HeldOutQuality.rmse(fit.factors(), split.test());
 * double recall = HeldOutQuality.recallAtK(fit.factors()::scoreAll, split.train(), split.test(), 10);
 * }</pre>
 *
 * <p>Protocol: every held-out row is relevant regardless of its rating value; recall is
 * {@code hits / |held-out items|} per user (RecBole's convention), averaged over users with at least one
 * held-out item; predictions are not clamped to the rating scale.
 */
public final class HeldOutQuality {
    /** Scores every item for one user into {@code out}, higher is better (negative infinity: never pick). */
    @FunctionalInterface
    public interface UserScorer {
        /** Fills {@code out}, one score per item. */
        void scoreAll(int user, float[] out);
    }

    /**
     * RMSE over the rows that could be scored.
     *
     * @param rmse    root mean squared error of the raw (unclamped) predictions
     * @param scored  rows that had both user and item factors
     * @param skipped rows without factors for the user or the item (not counted)
     */
    public record Rmse(double rmse, int scored, int skipped) {
    }

    private HeldOutQuality() {
    }

    /** RMSE of {@code factors} on the {@code test} ratings. */
    public static Rmse rmse(LatentFactors factors, RatingColumns test) {
        double[] truth = new double[test.size()];
        double[] predicted = new double[test.size()];
        int n = 0;
        for (int row = 0; row < test.size(); row++) {
            double p = factors.score(test.user()[row], test.item()[row]);
            if (!Double.isNaN(p)) {
                truth[n] = test.rating()[row];
                predicted[n] = p;
                n++;
            }
        }
        double rmse = n == 0 ? Double.NaN
                : RegressionMetrics.rmse(Arrays.copyOf(truth, n), Arrays.copyOf(predicted, n));
        return new Rmse(rmse, n, test.size() - n);
    }

    /** Mean Recall@{@code k} over users with held-out items, ranking all items the user has not rated in train. */
    public static double recallAtK(UserScorer scorer, RatingColumns train, RatingColumns test, int k) {
        int[][] seen = byUser(train);
        int[][] truth = byUser(test);
        float[] scores = new float[train.items()];
        double sum = 0;
        int users = 0;
        for (int u = 0; u < truth.length; u++) {
            if (truth[u].length == 0) {
                continue;
            }
            scorer.scoreAll(u, scores);
            for (int item : seen[u]) {
                scores[item] = Float.NEGATIVE_INFINITY;
            }
            sum += TopKMetrics.recall(topK(scores, k), truth[u], k);
            users++;
        }
        return sum / users;
    }

    /** The popularity baseline's scorer: the number of training ratings of each item, the same for every user. */
    public static UserScorer popularity(RatingColumns train) {
        float[] counts = new float[train.items()];
        for (int item : train.item()) {
            counts[item]++;
        }
        return (user, out) -> System.arraycopy(counts, 0, out, 0, out.length);
    }

    /** Items of each user, in row order. */
    private static int[][] byUser(RatingColumns r) {
        int[] count = new int[r.users()];
        for (int u : r.user()) {
            count[u]++;
        }
        int[][] out = new int[r.users()][];
        for (int u = 0; u < out.length; u++) {
            out[u] = new int[count[u]];
        }
        int[] fill = new int[r.users()];
        for (int row = 0; row < r.size(); row++) {
            int u = r.user()[row];
            out[u][fill[u]++] = r.item()[row];
        }
        return out;
    }

    /** The {@code k} best item indices, best first, skipping negative infinity; ties go to the lower index. */
    static int[] topK(float[] scores, int k) {
        int[] best = new int[k];
        float[] bestScore = new float[k];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            float s = scores[item];
            if (s == Float.NEGATIVE_INFINITY || (size == k && s <= bestScore[k - 1])) {
                continue;
            }
            int pos = size == k ? k - 1 : size++;
            while (pos > 0 && bestScore[pos - 1] < s) {
                best[pos] = best[pos - 1];
                bestScore[pos] = bestScore[pos - 1];
                pos--;
            }
            best[pos] = item;
            bestScore[pos] = s;
        }
        return Arrays.copyOf(best, size);
    }
}
