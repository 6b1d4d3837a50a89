package ai.behavior.feature.numeric;

/** Quantiles of sorted data by linear interpolation between closest ranks (NumPy's default, "type 7"). */
public final class Quantiles {
    private Quantiles() {
    }

    /** The {@code q}-quantile ({@code 0 <= q <= 1}) of {@code sorted} (ascending, not empty). */
    public static double of(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
