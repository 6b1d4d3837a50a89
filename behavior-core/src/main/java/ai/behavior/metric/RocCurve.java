package ai.behavior.metric;

import java.util.Arrays;

/**
 * The receiver operating characteristic curve: one point (false-positive rate, true-positive rate) per
 * distinct score threshold, ready to plot.
 *
 * <pre>{@code
 * RocCurve roc = RocCurve.of(truth, scores);
 * for (int i = 0; i < roc.size(); i++) plot(roc.fpr(i), roc.tpr(i));
 * }</pre>
 *
 * <p>Point 0 is (0, 0) with threshold {@code +Infinity} (nothing predicted positive; scikit-learn 1.3+ uses
 * the same, 1.2 used {@code max + 1}); point {@code i > 0} predicts positive every score
 * {@code >= threshold(i)}, thresholds strictly decreasing, and the last point is (1, 1). Unlike scikit-learn's
 * default {@code drop_intermediate=True}, collinear points are kept (use {@code fpr}/{@code tpr} as is for
 * areas; they are identical). Truth, score and weight conventions are those of {@link RocAuc}; a curve needs
 * both classes.
 */
public final class RocCurve {
    private final double[] thresholds;
    private final double[] fpr;
    private final double[] tpr;

    private RocCurve(double[] thresholds, double[] fpr, double[] tpr) {
        this.thresholds = thresholds;
        this.fpr = fpr;
        this.tpr = tpr;
    }

    /** The ROC curve of 0/1 {@code truth} against {@code scores}. */
    public static RocCurve of(int[] truth, double[] scores) {
        return of(truth, scores, null);
    }

    /** The weighted ROC curve; {@code weights} may be null. */
    public static RocCurve of(int[] truth, double[] scores, double[] weights) {
        Checks.binary(truth, scores, weights);
        BinaryCurve c = BinaryCurve.of(truth, scores, weights);
        double p = c.positives();
        double n = c.negatives();
        if (p == 0.0 || n == 0.0) {
            throw new IllegalArgumentException("ROC curve is undefined: total weight of positives is "
                    + p + " and of negatives " + n + "; both must be > 0");
        }
        int size = c.size() + 1;
        double[] thresholds = new double[size];
        double[] fpr = new double[size];
        double[] tpr = new double[size];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int i = 1; i < size; i++) {
            thresholds[i] = c.thresholds[i - 1];
            fpr[i] = c.fps[i - 1] / n;
            tpr[i] = c.tps[i - 1] / p;
        }
        return new RocCurve(thresholds, fpr, tpr);
    }

    /** The ROC curve of boolean {@code truth}. */
    public static RocCurve of(boolean[] truth, double[] scores) {
        return of(Checks.toInts(truth), scores, null);
    }

    /** Number of points, including the (0, 0) start. */
    public int size() {
        return fpr.length;
    }

    /** Threshold of point {@code i}: scores {@code >=} it are predicted positive. */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** False-positive rate of point {@code i}. */
    public double fpr(int i) {
        return fpr[i];
    }

    /** True-positive rate of point {@code i}. */
    public double tpr(int i) {
        return tpr[i];
    }

    /** A copy of all thresholds, decreasing. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** A copy of all false-positive rates, non-decreasing. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** A copy of all true-positive rates, non-decreasing. */
    public double[] tpr() {
        return tpr.clone();
    }

    /** Trapezoidal area under this curve: the ROC AUC (equal to {@link RocAuc#of} up to rounding). */
    public double area() {
        double area = 0.0;
        for (int i = 1; i < fpr.length; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2.0;
        }
        return area;
    }

    @Override
    public String toString() {
        return "RocCurve[" + size() + " points, area=" + area() + ", fpr=" + preview(fpr) + ", tpr="
                + preview(tpr) + "]";
    }

    static String preview(double[] values) {
        return values.length <= 6 ? Arrays.toString(values)
                : Arrays.toString(Arrays.copyOf(values, 6)).replace("]", ", ...]");
    }
}
