package ai.behavior.metric;

/**
 * What a ratio metric returns when its denominator is zero, after scikit-learn's {@code zero_division}:
 * precision with no predicted positives, recall with no actual positives, F1 with neither.
 *
 * <pre>{@code
 * BinaryConfusion c = BinaryConfusion.ofLabels(truth, predicted);
 * double f1 = c.f1(ZeroDivision.ONE);
 * }</pre>
 *
 * <p>scikit-learn's default {@code "warn"} behaves like {@link #ZERO} (plus a warning, which we do not emit).
 */
public enum ZeroDivision {
    /** An undefined ratio is 0 (scikit-learn's {@code zero_division=0} and its default). */
    ZERO(0.0),
    /** An undefined ratio is 1 (scikit-learn's {@code zero_division=1}). */
    ONE(1.0),
    /** An undefined ratio is NaN, so it cannot be mistaken for a measured value. */
    NAN(Double.NaN);

    private final double value;

    ZeroDivision(double value) {
        this.value = value;
    }

    /** The value given to an undefined ratio. */
    public double value() {
        return value;
    }

    /** {@code numerator / denominator}, or {@link #value()} when the denominator is zero. */
    public double divide(double numerator, double denominator) {
        return denominator == 0.0 ? value : numerator / denominator;
    }
}
