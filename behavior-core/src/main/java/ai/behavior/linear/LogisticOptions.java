package ai.behavior.linear;

/**
 * Options of {@link LogisticRegression}: L2 strength on the weights (the intercept is not penalised),
 * iteration cap, and gradient tolerance. The objective is mean log-loss + {@code l2 / 2 * |w|^2}.
 *
 * <pre>{@code
 * LogisticOptions o = LogisticOptions.defaults().l2(1e-3);
 * }</pre>
 */
public record LogisticOptions(double l2, int maxIterations, double tolerance) {
    /** Checks the values. */
    public LogisticOptions {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }

    /** l2 = 1e-4, 500 iterations, tolerance 1e-6. */
    public static LogisticOptions defaults() {
        return new LogisticOptions(1e-4, 500, 1e-6);
    }

    /** The same with another L2 strength. */
    public LogisticOptions l2(double value) {
        return new LogisticOptions(value, maxIterations, tolerance);
    }

    /** The same with another iteration cap. */
    public LogisticOptions maxIterations(int value) {
        return new LogisticOptions(l2, value, tolerance);
    }
}
