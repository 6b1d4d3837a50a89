package ai.behavior.feature.aggregate;

/** Conversion rates with the optional pseudo-count smoothing of {@link AggregateOptions#rateSmoothing()}. */
final class Rates {
    private Rates() {
    }

    /**
     * {@code num / den}, NaN when {@code den == 0}; with {@code k > 0}, {@code (num + k * prior) / (den + k)},
     * NaN when the prior itself is undefined (no denominator event anywhere before the cut-off).
     */
    static double of(double num, double den, double k, double prior) {
        if (k == 0) {
            return den == 0 ? Double.NaN : num / den;
        }
        return (num + k * prior) / (den + k);
    }

    /** The pooled prior {@code sum(num) / sum(den)}, NaN when {@code sum(den) == 0}. */
    static double pooled(double[] num, double[] den) {
        double n = 0;
        double d = 0;
        for (int i = 0; i < num.length; i++) {
            n += num[i];
            d += den[i];
        }
        return d == 0 ? Double.NaN : n / d;
    }

    /** One rate per row. */
    static double[] of(double[] num, double[] den, double k) {
        double prior = pooled(num, den);
        double[] out = new double[num.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(num[i], den[i], k, prior);
        }
        return out;
    }
}
