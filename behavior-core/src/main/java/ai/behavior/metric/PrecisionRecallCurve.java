package ai.behavior.metric;

/**
 * The precision-recall curve: one point (recall, precision) per distinct score threshold, ready to plot.
 *
 * <pre>{@code
 * PrecisionRecallCurve pr = PrecisionRecallCurve.of(truth, scores);
 * for (int i = 0; i < pr.size(); i++) plot(pr.recall(i), pr.precision(i));
 * }</pre>
 *
 * <p>Point {@code i} predicts positive every score {@code >= threshold(i)}; thresholds strictly decrease, so
 * recall rises from the first point to 1 at the last. Differences from scikit-learn's
 * {@code precision_recall_curve}: points run from the highest threshold down (scikit-learn reverses them) and
 * no artificial (recall 0, precision 1) end point is appended, so the three arrays have equal length; prepend
 * that point yourself for a closed plot. A threshold whose predicted positives all weigh zero has precision 0
 * (as in scikit-learn). Recall needs at least one positive; negatives may be absent. Truth, score and weight
 * conventions are those of {@link RocAuc}.
 */
public final class PrecisionRecallCurve {
    private final double[] thresholds;
    private final double[] precision;
    private final double[] recall;

    private PrecisionRecallCurve(double[] thresholds, double[] precision, double[] recall) {
        this.thresholds = thresholds;
        this.precision = precision;
        this.recall = recall;
    }

    /** The precision-recall curve of 0/1 {@code truth} against {@code scores}. */
    public static PrecisionRecallCurve of(int[] truth, double[] scores) {
        return of(truth, scores, null);
    }

    /** The weighted precision-recall curve; {@code weights} may be null. */
    public static PrecisionRecallCurve of(int[] truth, double[] scores, double[] weights) {
        Checks.binary(truth, scores, weights);
        return of(BinaryCurve.of(truth, scores, weights));
    }

    /** The precision-recall curve of boolean {@code truth}. */
    public static PrecisionRecallCurve of(boolean[] truth, double[] scores) {
        return of(Checks.toInts(truth), scores, null);
    }

    static PrecisionRecallCurve of(BinaryCurve c) {
        double p = c.positives();
        if (p == 0.0) {
            throw new IllegalArgumentException(
                    "precision-recall curve is undefined without positives (total positive weight is 0)");
        }
        int size = c.size();
        double[] precision = new double[size];
        double[] recall = new double[size];
        for (int i = 0; i < size; i++) {
            double predicted = c.tps[i] + c.fps[i];
            precision[i] = predicted == 0.0 ? 0.0 : c.tps[i] / predicted;
            recall[i] = c.tps[i] / p;
        }
        return new PrecisionRecallCurve(c.thresholds.clone(), precision, recall);
    }

    /** Number of points (distinct scores). */
    public int size() {
        return thresholds.length;
    }

    /** Threshold of point {@code i}: scores {@code >=} it are predicted positive. */
    public double threshold(int i) {
        return thresholds[i];
    }

    /** Precision of point {@code i}. */
    public double precision(int i) {
        return precision[i];
    }

    /** Recall of point {@code i}. */
    public double recall(int i) {
        return recall[i];
    }

    /** A copy of all thresholds, decreasing. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** A copy of all precisions. */
    public double[] precision() {
        return precision.clone();
    }

    /** A copy of all recalls, non-decreasing. */
    public double[] recall() {
        return recall.clone();
    }

    /** Step-wise area {@code sum (R_i - R_{i-1}) * P_i} with {@code R_{-1} = 0}: the average precision. */
    public double averagePrecision() {
        double ap = 0.0;
        double previous = 0.0;
        for (int i = 0; i < recall.length; i++) {
            ap += (recall[i] - previous) * precision[i];
            previous = recall[i];
        }
        return ap;
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[" + size() + " points, AP=" + averagePrecision() + ", precision="
                + RocCurve.preview(precision) + ", recall=" + RocCurve.preview(recall) + "]";
    }
}
