package ai.behavior.metric;

/**
 * Binary cross-entropy (log-loss) of predicted probabilities, equal to scikit-learn's {@code log_loss}
 * (1.2+, {@code eps="auto"}).
 *
 * <pre>{@code
 * double loss = LogLoss.of(new int[] {0, 1, 1, 0}, new double[] {0.1, 0.8, 0.6, 0.35}); // 0.3175...
 * double weighted = LogLoss.of(truth, probabilities, weights);
 * }</pre>
 *
 * <p>{@code loss = -mean(t * ln p + (1 - t) * ln(1 - p))}, natural log, weighted mean when weights are
 * given. Probabilities are clipped to {@code [eps, 1 - eps]} with {@link #DEFAULT_EPS} = 2.22e-16 (machine
 * epsilon of double, scikit-learn's {@code eps="auto"} for float64; older scikit-learn used 1e-15, pass it to
 * {@link #of(int[], double[], double[], double)} to reproduce), so a confident mistake costs at most
 * {@code -ln(eps)} ~ 36.04 instead of infinity. A probability outside [0, 1] or NaN is an error naming its
 * index. Unlike scikit-learn, truth with a single class is accepted: the loss is still well defined.
 */
public final class LogLoss {
    /** Default clipping: {@code Math.ulp(1.0)}, the machine epsilon of double (2.220446049250313e-16). */
    public static final double DEFAULT_EPS = Math.ulp(1.0);

    private LogLoss() {
    }

    /** Mean log-loss of 0/1 {@code truth} against probabilities of the positive class. */
    public static double of(int[] truth, double[] probabilities) {
        return of(truth, probabilities, null, DEFAULT_EPS);
    }

    /** Mean log-loss of boolean {@code truth}. */
    public static double of(boolean[] truth, double[] probabilities) {
        return of(Checks.toInts(truth), probabilities, null, DEFAULT_EPS);
    }

    /** Weighted mean log-loss; {@code weights} may be null. */
    public static double of(int[] truth, double[] probabilities, double[] weights) {
        return of(truth, probabilities, weights, DEFAULT_EPS);
    }

    /**
     * Weighted mean log-loss with explicit clipping.
     *
     * @param weights null for equal weights; otherwise finite, {@code >= 0}, with a positive sum
     * @param eps clipping in [0, 0.5): probabilities are clipped to {@code [eps, 1 - eps]}
     */
    public static double of(int[] truth, double[] probabilities, double[] weights, double eps) {
        if (!(eps >= 0.0 && eps < 0.5)) {
            throw new IllegalArgumentException("eps must be in [0, 0.5), got " + eps);
        }
        Checks.binary(truth, probabilities, weights);
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException(
                        "probabilities[" + i + "] = " + p + " is not a probability in [0, 1]");
            }
        }
        double sum = 0.0;
        double weightSum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            double p = Math.min(Math.max(probabilities[i], eps), 1.0 - eps);
            double loss = truth[i] == 1 ? -Math.log(p) : -Math.log(1.0 - p);
            double w = weights == null ? 1.0 : weights[i];
            sum += w * loss;
            weightSum += w;
        }
        if (weightSum == 0.0) {
            throw new IllegalArgumentException("log-loss is undefined: the weights sum to 0");
        }
        return sum / weightSum;
    }
}
