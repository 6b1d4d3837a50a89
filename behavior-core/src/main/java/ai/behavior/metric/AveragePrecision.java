package ai.behavior.metric;

/**
 * Average precision (area under the precision-recall curve, step-wise), equal to scikit-learn's
 * {@code average_precision_score}.
 *
 * <pre>{@code
 * double ap = AveragePrecision.of(truth, scores);
 * double weighted = AveragePrecision.of(truth, scores, weights);
 * }</pre>
 *
 * <p>{@code AP = sum_i (R_i - R_{i-1}) * P_i} over the distinct score thresholds from the highest down,
 * with {@code R_{-1} = 0}: no interpolation (so it is not the trapezoidal PR-AUC, which is optimistic), and
 * tied scores form one step, whatever their order. Needs at least one positive (it is undefined otherwise
 * and throws); all-positive truth gives 1. Truth, score and weight conventions are those of {@link RocAuc}.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /** Average precision of 0/1 {@code truth} against {@code scores}. */
    public static double of(int[] truth, double[] scores) {
        return of(truth, scores, null);
    }

    /** Weighted average precision; {@code weights} may be null. */
    public static double of(int[] truth, double[] scores, double[] weights) {
        Checks.binary(truth, scores, weights);
        return PrecisionRecallCurve.of(BinaryCurve.of(truth, scores, weights)).averagePrecision();
    }

    /** Average precision of boolean {@code truth}. */
    public static double of(boolean[] truth, double[] scores) {
        return of(Checks.toInts(truth), scores, null);
    }
}
