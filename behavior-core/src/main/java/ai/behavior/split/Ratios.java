package ai.behavior.split;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Train, validation and test fractions of a split: each finite and {@code >= 0}, train {@code > 0}, summing to
 * 1 within {@code 1e-9}.
 *
 * <pre>{@code
 * Ratios r = Ratios.of(0.8, 0.1, 0.1);       // "80/10/10 train/validation/test"
 * Ratios noValidation = Ratios.trainTest(0.8, 0.2);
 * }</pre>
 *
 * <p>Counts are derived from ratios by the largest-remainder rule of {@link #counts(int)}.
 *
 * @param train      fraction for training ({@code > 0})
 * @param validation fraction for validation ({@code >= 0}; 0 means no validation part)
 * @param test       fraction for testing ({@code >= 0})
 */
public record Ratios(double train, double validation, double test) {
    /** Tolerance on the sum of the three fractions. */
    public static final double SUM_TOLERANCE = 1e-9;

    /**
     * Checks the fractions.
     *
     * @throws IllegalArgumentException if a fraction is negative or not finite, train is 0, or the sum is not 1
     */
    public Ratios {
        if (!(Double.isFinite(train) && Double.isFinite(validation) && Double.isFinite(test))
                || train < 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("split ratios must be finite and >= 0, got " + raw(train, validation,
                    test));
        }
        if (train == 0) {
            throw new IllegalArgumentException("the train ratio must be > 0, got " + raw(train, validation, test));
        }
        double sum = train + validation + test;
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("split ratios must sum to 1 (within " + SUM_TOLERANCE + "), got "
                    + raw(train, validation, test) + " summing to " + sum);
        }
    }

    /** The fractions {@code train / validation / test}. */
    public static Ratios of(double train, double validation, double test) {
        return new Ratios(train, validation, test);
    }

    /** Train and test fractions with no validation part. */
    public static Ratios trainTest(double train, double test) {
        return new Ratios(train, 0, test);
    }

    /** Whether the validation fraction is positive. */
    public boolean hasValidation() {
        return validation > 0;
    }

    /**
     * Splits {@code n} items into exactly {@code n} train, validation and test counts by the largest-remainder
     * (Hamilton) rule: each part gets {@code floor(n * fraction)}, then the items left over go one each to the
     * parts with the largest fractional remainders, ties to train, then validation, then test. A part with
     * fraction 0 always gets 0; each count is within 1 of {@code n * fraction}.
     *
     * <pre>{@code
     * Ratios.of(0.8, 0.1, 0.1).counts(5);   // [4, 1, 0]: remainders .0/.5/.5, the tie goes to validation
     * Ratios.of(0.8, 0.1, 0.1).counts(1);   // [1, 0, 0]
     * }</pre>
     *
     * @return {@code {train, validation, test}}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public int[] counts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + n);
        }
        double[] f = {train, validation, test};
        double sum = train + validation + test;
        int[] out = new int[3];
        double[] remainder = new double[3];
        int assigned = 0;
        for (int i = 0; i < 3; i++) {
            double quota = n * (f[i] / sum);
            out[i] = (int) Math.floor(quota + 1e-9); // 1e-9 absorbs 100 * 0.29 = 28.999999999999996
            remainder[i] = quota - out[i];
            assigned += out[i];
        }
        for (int left = n - assigned; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < 3; i++) {
                if (f[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] -= 1;
        }
        for (int over = assigned - n; over > 0; over--) { // defensive: cannot happen with normalised fractions
            int worst = out[2] > 0 ? 2 : out[1] > 0 ? 1 : 0;
            out[worst]--;
        }
        return out;
    }

    /** A compact label such as {@code "80/10/10 train/validation/test"} or {@code "80/20 train/test"}. */
    public String label() {
        return hasValidation()
                ? percent(train) + "/" + percent(validation) + "/" + percent(test) + " train/validation/test"
                : percent(train) + "/" + percent(test) + " train/test";
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String raw(double train, double validation, double test) {
        return "train=" + train + ", validation=" + validation + ", test=" + test;
    }
}
