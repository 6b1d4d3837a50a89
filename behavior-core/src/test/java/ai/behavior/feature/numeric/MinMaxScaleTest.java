package ai.behavior.feature.numeric;

import ai.behavior.feature.FittedPipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.behavior.feature.numeric.Fixtures.assertFails;
import static ai.behavior.feature.numeric.Fixtures.dense;
import static ai.behavior.feature.numeric.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinMaxScaleTest {
    private static final double NAN = Double.NaN;

    @Test
    void scalesToUnitRangeWithoutClippingByDefault() {
        // min 2, max 10: (x - 2) / 8 -> 2:0, 6:0.5, 10:1, 12:1.25, 0:-0.25 (outside the training range, kept)
        FittedPipeline p = fit(MinMaxScale.of("x"), 2, 4, 10);
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1.25f, -0.25f}, dense(p, 2, 6, 10, 12, 0), 1e-7f);
    }

    @Test
    void clipSaturatesAtTheTargetRange() {
        // min 2, max 10: 12 -> 1.25 clipped to 1, 0 -> -0.25 clipped to 0
        FittedPipeline p = fit(MinMaxScale.of("x").clip(), 2, 4, 10);
        assertArrayEquals(new float[] {1f, 0f, 0.5f}, dense(p, 12, 0, 6), 1e-7f);
    }

    @Test
    void targetRangeMapsMinToLowAndMaxToHigh() {
        // -1 + (x - 2) / 8 * 2: 2:-1, 6:0, 10:1, 12:1.5, 0:-1.5; clipped: 12:1, 0:-1
        assertArrayEquals(new float[] {-1f, 0f, 1f, 1.5f, -1.5f},
                dense(fit(MinMaxScale.of("x").range(-1, 1), 2, 4, 10), 2, 6, 10, 12, 0), 1e-7f);
        assertArrayEquals(new float[] {1f, -1f},
                dense(fit(MinMaxScale.of("x").range(-1, 1).clip(), 2, 4, 10), 12, 0), 1e-7f);
    }

    @Test
    void constantColumnMapsEverythingToLow() {
        assertArrayEquals(new float[] {0f, 0f, 0f}, dense(fit(MinMaxScale.of("x"), 5, 5, 5), 5, 7, -3));
        assertArrayEquals(new float[] {-1f, -1f}, dense(fit(MinMaxScale.of("x").range(-1, 1), 5, 5), 5, 9));
    }

    @Test
    void missingValuesAreRejectedOrImputedOnTheRawScale() {
        assertFails(() -> fit(MinMaxScale.of("x"), 1, NAN, 3), "column 'x' row 1", "NaN");
        FittedPipeline strict = fit(MinMaxScale.of("x"), 1, 3);
        assertFails(() -> dense(strict, 2, Double.NEGATIVE_INFINITY), "column 'x' row 1", "-Infinity");

        // present [2, 4, 10]: mean 16/3, scaled (16/3 - 2) / 8 = 0.416667; indicator 1 for NaN and +inf
        FittedPipeline p = fit(MinMaxScale.of("x").missing(MissingValues.mean().withIndicator()), 2, NAN, 10, 4);
        assertEquals(List.of("s", "s.missing"), p.schema().denseNames());
        assertArrayEquals(new float[] {0.416667f, 1f, 0.5f, 0f, 0.416667f, 1f},
                dense(p, NAN, 6, Double.POSITIVE_INFINITY), 1e-6f);
    }

    @Test
    void badOptionsAndInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(MinMaxScale.of("x"));
        assertFails(() -> MinMaxScale.of("x").range(1, 1), "low < high");
        assertFails(() -> MinMaxScale.of("x").range(0, NAN), "finite");
        assertFails(() -> fit(MinMaxScale.of("x"), -1e308, 1e308), "column 'x'", "overflows");
        // 1e300 / 1 does not fit a float
        FittedPipeline p = fit(MinMaxScale.of("x"), 0, 1);
        assertFails(() -> dense(p, 0.5, 1e300), "column 'x' row 1", "1.0E300");
    }

    @Test
    void describeNamesTheStatistics() {
        String d = fit(MinMaxScale.of("x").clip(), 2, 10).describe();
        assertTrue(d.contains("min 2.00000, max 10.0000 -> [0.00000, 1.00000] clipped"), d);
        assertTrue(d.contains("missing -> error"), d);
    }
}
