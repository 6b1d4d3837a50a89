package ai.behavior.metric;

/**
 * A binary confusion matrix (true/false positives and negatives) and the ratios read from it: accuracy,
 * precision, recall, F1. Counts are doubles so the same record holds sample-weighted totals; unweighted
 * counts are exact whole numbers.
 *
 * <pre>{@code
 * BinaryConfusion c = BinaryConfusion.atThreshold(truth, scores, 0.5);   // score >= 0.5 is positive
 * double f1 = c.f1(ZeroDivision.ZERO);
 * }</pre>
 *
 * <p>At a threshold, a score {@code >=} the threshold is predicted positive (so 0.5 at threshold 0.5 is
 * positive; scikit-learn users often write {@code score > 0.5}, which differs on exact ties). Ratios follow
 * scikit-learn's {@code precision_score}, {@code recall_score}, {@code f1_score} for the binary average:
 * precision {@code tp/(tp+fp)}, recall {@code tp/(tp+fn)}, F1 {@code 2tp/(2tp+fp+fn)}; a zero denominator
 * gives the {@link ZeroDivision} value.
 *
 * @param tp true positives: truth positive, predicted positive
 * @param fp false positives: truth negative, predicted positive
 * @param tn true negatives: truth negative, predicted negative
 * @param fn false negatives: truth positive, predicted negative
 */
public record BinaryConfusion(double tp, double fp, double tn, double fn) {
    /** Validates that every count is finite and non-negative. */
    public BinaryConfusion {
        if (!(tp >= 0 && fp >= 0 && tn >= 0 && fn >= 0)
                || Double.isInfinite(tp + fp + tn + fn)) {
            throw new IllegalArgumentException("confusion counts must be finite and >= 0: tp=" + tp + ", fp="
                    + fp + ", tn=" + tn + ", fn=" + fn);
        }
    }

    /** The confusion of 0/1 {@code truth} and scores thresholded at {@code score >= threshold}. */
    public static BinaryConfusion atThreshold(int[] truth, double[] scores, double threshold) {
        return atThreshold(truth, scores, null, threshold);
    }

    /** The weighted confusion at {@code score >= threshold}; {@code weights} may be null. */
    public static BinaryConfusion atThreshold(int[] truth, double[] scores, double[] weights, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        Checks.binary(truth, scores, weights);
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < truth.length; i++) {
            double w = weights == null ? 1.0 : weights[i];
            boolean predicted = scores[i] >= threshold;
            if (truth[i] == 1) {
                if (predicted) {
                    tp += w;
                } else {
                    fn += w;
                }
            } else if (predicted) {
                fp += w;
            } else {
                tn += w;
            }
        }
        return new BinaryConfusion(tp, fp, tn, fn);
    }

    /** The confusion of boolean truth and scores thresholded at {@code score >= threshold}. */
    public static BinaryConfusion atThreshold(boolean[] truth, double[] scores, double threshold) {
        return atThreshold(Checks.toInts(truth), scores, null, threshold);
    }

    /** The confusion of 0/1 truth and 0/1 predicted labels, label 1 positive. */
    public static BinaryConfusion ofLabels(int[] truth, int[] predicted) {
        return ofLabels(truth, predicted, 1);
    }

    /**
     * The confusion of 0/1 truth and 0/1 predicted labels, with {@code positiveLabel} (0 or 1) as the
     * positive class, like scikit-learn's {@code pos_label}.
     */
    public static BinaryConfusion ofLabels(int[] truth, int[] predicted, int positiveLabel) {
        if (truth == null || predicted == null) {
            throw new IllegalArgumentException("truth and predicted must not be null");
        }
        if (positiveLabel != 0 && positiveLabel != 1) {
            throw new IllegalArgumentException("positiveLabel must be 0 or 1, got " + positiveLabel);
        }
        Checks.sameLength("truth", truth.length, "predicted", predicted.length);
        Checks.nonEmpty("truth", truth.length);
        Checks.binaryTruth(truth);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            int p = predicted[i];
            if (p != 0 && p != 1) {
                throw new IllegalArgumentException(
                        "predicted[" + i + "] = " + p + ": binary predicted labels must be 0 or 1");
            }
            boolean actual = truth[i] == positiveLabel;
            boolean guessed = p == positiveLabel;
            if (actual) {
                if (guessed) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (guessed) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryConfusion(tp, fp, tn, fn);
    }

    /** {@code tp + fp + tn + fn}. */
    public double total() {
        return tp + fp + tn + fn;
    }

    /** Truth positives, {@code tp + fn}. */
    public double positives() {
        return tp + fn;
    }

    /** Truth negatives, {@code fp + tn}. */
    public double negatives() {
        return fp + tn;
    }

    /** {@code (tp + tn) / total}; NaN for an empty matrix. */
    public double accuracy() {
        return (tp + tn) / total();
    }

    /** {@code tp / (tp + fp)}, or {@code zeroDivision} when nothing is predicted positive. */
    public double precision(ZeroDivision zeroDivision) {
        return zeroDivision.divide(tp, tp + fp);
    }

    /** {@code tp / (tp + fn)}, or {@code zeroDivision} when truth has no positive. */
    public double recall(ZeroDivision zeroDivision) {
        return zeroDivision.divide(tp, tp + fn);
    }

    /**
     * {@code 2tp / (2tp + fp + fn)} (the harmonic mean of precision and recall), or {@code zeroDivision} when
     * there is neither a true nor a predicted positive.
     */
    public double f1(ZeroDivision zeroDivision) {
        return zeroDivision.divide(2.0 * tp, 2.0 * tp + fp + fn);
    }

    /** False-positive rate {@code fp / (fp + tn)}, or {@code zeroDivision} without negatives. */
    public double falsePositiveRate(ZeroDivision zeroDivision) {
        return zeroDivision.divide(fp, fp + tn);
    }
}
