package ai.behavior.feature.numeric;

import java.util.Locale;

/**
 * Narrows a transformed value to the float a dense output holds, failing clearly when it does not fit: a raw
 * value beyond about 3.4e38 would otherwise become an infinity that only the pipeline's final check sees,
 * without the input column, row and value that explain it.
 */
final class FloatOutput {
    private FloatOutput() {
    }

    /** {@code y} as a float, or an error naming the column, row and the input {@code x} it came from. */
    static float of(double y, String column, int row, double x) {
        float f = (float) y;
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: %s transforms to %s, "
                    + "which does not fit a float output; clip or rescale the input", column, row, x, y));
        }
        return f;
    }
}
