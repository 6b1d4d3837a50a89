package ai.behavior.models.tasks;

import ai.behavior.metric.F1Threshold;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RocAuc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The binary metrics of the purchase task on pooled test predictions: ROC AUC, log-loss, F1 at thresholds chosen
 * on validation, and a percentile bootstrap interval of the AUC that resamples users (all of a user's rows
 * together, since one user's pairs are not independent).
 */
final class BinaryScores {
    private BinaryScores() {
    }

    /** ROC AUC. */
    static double auc(int[] truth, double[] p) {
        return RocAuc.of(truth, p);
    }

    /** Mean log-loss. */
    static double logLoss(int[] truth, double[] p) {
        return LogLoss.of(truth, p);
    }

    /** The F1-maximising threshold of validation predictions. */
    static double bestThreshold(int[] truth, double[] p) {
        return F1Threshold.search(truth, p).threshold();
    }

    /** F1 of {@code p[i] >= threshold[i]} (a per-row threshold: each fold's own). */
    static double f1(int[] truth, double[] p, double[] threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean predicted = p[i] >= threshold[i];
            if (predicted && truth[i] == 1) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truth[i] == 1) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /**
     * The 2.5 % and 97.5 % percentiles of the AUC over {@code resamples} bootstrap samples of the users
     * ({@code user[i]} is row i's user); samples with one class only are drawn again.
     */
    static double[] aucInterval(int[] truth, double[] p, int[] user, int resamples, long seed) {
        int maxUser = Arrays.stream(user).max().orElse(-1);
        int[] count = new int[maxUser + 1];
        for (int u : user) {
            count[u]++;
        }
        int[] users = java.util.stream.IntStream.range(0, count.length).filter(u -> count[u] > 0).toArray();
        int[] start = new int[count.length + 1];
        for (int u = 0; u < count.length; u++) {
            start[u + 1] = start[u] + count[u];
        }
        int[] rows = new int[truth.length];
        int[] fill = start.clone();
        for (int i = 0; i < truth.length; i++) {
            rows[fill[user[i]]++] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] aucs = new double[resamples];
        int[] t = new int[truth.length * 2];
        double[] s = new double[truth.length * 2];
        for (int b = 0; b < resamples; b++) {
            int n;
            boolean zero;
            boolean one;
            do {
                n = 0;
                zero = false;
                one = false;
                for (int k = 0; k < users.length; k++) {
                    int u = users[r.nextInt(users.length)];
                    for (int q = start[u]; q < start[u + 1]; q++) {
                        if (n == t.length) {
                            t = Arrays.copyOf(t, 2 * n);
                            s = Arrays.copyOf(s, 2 * n);
                        }
                        t[n] = truth[rows[q]];
                        s[n] = p[rows[q]];
                        zero |= t[n] == 0;
                        one |= t[n] == 1;
                        n++;
                    }
                }
            } while (!zero || !one);
            aucs[b] = RocAuc.of(Arrays.copyOf(t, n), Arrays.copyOf(s, n));
        }
        Arrays.sort(aucs);
        return new double[] {aucs[(int) Math.floor(0.025 * (resamples - 1))],
            aucs[(int) Math.ceil(0.975 * (resamples - 1))]};
    }
}
