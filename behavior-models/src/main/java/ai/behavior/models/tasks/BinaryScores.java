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
        return percentiles(bootstrapAucs(truth, new double[][] {p}, user, resamples, seed)[0]);
    }

    /**
     * A paired bootstrap over users: in each of {@code resamples} draws, {@code n} users are drawn with
     * replacement (a user drawn k times counts each of its rows k times) and the AUC of every model
     * {@code p[m]} is computed on the same draw. Draws with one class only are drawn again. Returns
     * {@code [model][draw]}, so differences between models are paired.
     */
    static double[][] bootstrapAucs(int[] truth, double[][] p, int[] user, int resamples, long seed) {
        int n = truth.length;
        java.util.Map<Integer, Integer> dense = new java.util.HashMap<>();
        int[] rowUser = new int[n];
        for (int i = 0; i < n; i++) {
            rowUser[i] = dense.computeIfAbsent(user[i], k -> dense.size());
        }
        int users = dense.size();
        int[][] order = new int[p.length][];
        for (int m = 0; m < p.length; m++) {
            order[m] = ascending(p[m]);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[][] aucs = new double[p.length][resamples];
        double[] drawn = new double[users];
        double[] w = new double[n];
        for (int b = 0; b < resamples; b++) {
            double pos;
            double neg;
            do {
                Arrays.fill(drawn, 0);
                for (int k = 0; k < users; k++) {
                    drawn[r.nextInt(users)]++;
                }
                pos = 0;
                neg = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = drawn[rowUser[i]];
                    pos += truth[i] == 1 ? w[i] : 0;
                    neg += truth[i] == 1 ? 0 : w[i];
                }
            } while (pos == 0 || neg == 0);
            for (int m = 0; m < p.length; m++) {
                aucs[m][b] = weightedAuc(truth, p[m], w, order[m]);
            }
        }
        return aucs;
    }

    /** The weighted ROC AUC (ties count half): row i counts {@code w[i]} times. */
    static double weightedAuc(int[] truth, double[] p, double[] w) {
        return weightedAuc(truth, p, w, ascending(p));
    }

    /** The 2.5 % and 97.5 % percentiles of {@code values} (sorted in place). */
    static double[] percentiles(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return new double[] {values[(int) Math.floor(0.025 * (n - 1))], values[(int) Math.ceil(0.975 * (n - 1))]};
    }

    /** One pass over rows sorted by score: each positive scores the weight of the negatives below it. */
    private static double weightedAuc(int[] truth, double[] p, double[] w, int[] order) {
        double below = 0;
        double sum = 0;
        double pos = 0;
        int k = 0;
        while (k < order.length) {
            int end = k;
            double groupPos = 0;
            double groupNeg = 0;
            while (end < order.length && p[order[end]] == p[order[k]]) {
                int i = order[end++];
                if (truth[i] == 1) {
                    groupPos += w[i];
                } else {
                    groupNeg += w[i];
                }
            }
            sum += groupPos * (below + 0.5 * groupNeg);
            below += groupNeg;
            pos += groupPos;
            k = end;
        }
        if (pos == 0 || below == 0) {
            throw new IllegalArgumentException("AUC needs weight on both classes, got positives " + pos
                    + " and negatives " + below);
        }
        return sum / (pos * below);
    }

    private static int[] ascending(double[] p) {
        return java.util.stream.IntStream.range(0, p.length).boxed().sorted((a, b) -> Double.compare(p[a], p[b]))
                .mapToInt(Integer::intValue).toArray();
    }
}
