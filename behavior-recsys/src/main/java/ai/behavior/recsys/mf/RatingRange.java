package ai.behavior.recsys.mf;

/**
 * A closed interval of ratings, {@code [min, max]}: the scale ratings are declared on, or the range
 * predictions are clipped to.
 *
 * <pre>{@code
 * RatingRange stars = new RatingRange(1, 5);
 * double shown = stars.clip(5.7);   // 5.0
 * }</pre>
 *
 * @param min lowest rating (finite)
 * @param max highest rating (finite, {@code >= min})
 */
public record RatingRange(double min, double max) {
    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is NaN or infinite, or {@code min > max}
     */
    public RatingRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("a rating range needs finite min <= max, got [" + min + ", " + max + "]");
        }
    }

    /** Whether {@code rating} lies in {@code [min, max]}. */
    public boolean contains(double rating) {
        return rating >= min && rating <= max;
    }

    /** {@code rating} moved into {@code [min, max]} (NaN stays NaN). */
    public double clip(double rating) {
        return rating < min ? min : rating > max ? max : rating;
    }

    /** The range as {@code [min, max]}. */
    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
