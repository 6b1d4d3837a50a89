package ai.behavior.metric;

/**
 * How per-class precision, recall and F1 are combined into one number, with scikit-learn's meanings of
 * {@code average=}.
 *
 * <pre>{@code
 * MultiClassConfusion c = MultiClassConfusion.of(truth, predicted);
 * double macroF1 = c.f1(Average.MACRO, ZeroDivision.ZERO);
 * }</pre>
 */
public enum Average {
    /** Pool the true/false positives and false negatives of all classes, then take the ratio. */
    MICRO,
    /** Unweighted mean of the per-class values: every class counts the same. */
    MACRO,
    /** Mean of the per-class values weighted by each class's support (its count in truth). */
    WEIGHTED
}
