package ai.behavior.metric;

import java.util.Arrays;

/**
 * Cumulative true- and false-positive weight at every distinct score threshold, highest threshold first:
 * the common ground of the ROC curve, the precision-recall curve, average precision and threshold search.
 * At {@code thresholds[i]} an example is predicted positive when its score is {@code >= thresholds[i]}.
 */
final class BinaryCurve {
    final double[] thresholds;
    final double[] tps;
    final double[] fps;

    private BinaryCurve(double[] thresholds, double[] tps, double[] fps) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
    }

    /** Builds the curve from validated inputs; {@code weights} may be null (every example weighs 1). */
    static BinaryCurve of(int[] truth, double[] scores, double[] weights) {
        ScoreOrder order = ScoreOrder.descending(scores);
        int n = scores.length;
        long[] keys = order.keys;
        int[] index = order.index;
        double[] thresholds = new double[n];
        double[] tps = new double[n];
        double[] fps = new double[n];
        double tp = 0.0;
        double fp = 0.0;
        int size = 0;
        for (int r = 0; r < n; r++) {
            int i = index[r];
            double w = weights == null ? 1.0 : weights[i];
            if (truth[i] == 1) {
                tp += w;
            } else {
                fp += w;
            }
            if (r == n - 1 || keys[r + 1] != keys[r]) {
                thresholds[size] = scores[i] + 0.0;
                tps[size] = tp;
                fps[size] = fp;
                size++;
            }
        }
        if (size < n) {
            thresholds = Arrays.copyOf(thresholds, size);
            tps = Arrays.copyOf(tps, size);
            fps = Arrays.copyOf(fps, size);
        }
        return new BinaryCurve(thresholds, tps, fps);
    }

    int size() {
        return thresholds.length;
    }

    double positives() {
        return tps[tps.length - 1];
    }

    double negatives() {
        return fps[fps.length - 1];
    }
}
