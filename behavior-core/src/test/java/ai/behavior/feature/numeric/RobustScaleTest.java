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

class RobustScaleTest {
    private static final double NAN = Double.NaN;

    @Test
    void centresOnTheMedianAndDividesByTheIqr() {
        // sorted [1, 2, 3, 4, 100], type 7 at positions 0.25*4=1, 2, 3: q25 2, median 3, q75 4, IQR 2;
        // the outlier 100 moves neither: 3:0, 5:1, 100:48.5, 1:-1
        FittedPipeline p = fit(RobustScale.of("x"), 4, 100, 1, 3, 2);
        assertArrayEquals(new float[] {0f, 1f, 48.5f, -1f}, dense(p, 3, 5, 100, 1), 1e-6f);
    }

    @Test
    void quartilesInterpolateAsType7() {
        // sorted [1, 2, 3, 4]: q25 at position 0.75 -> 1.75, q75 at 2.25 -> 3.25, IQR 1.5, median 2.5;
        // 4 -> (4 - 2.5) / 1.5 = 1, 1 -> -1
        assertArrayEquals(new float[] {1f, -1f}, dense(fit(RobustScale.of("x"), 1, 2, 3, 4), 4, 1), 1e-6f);
    }

    @Test
    void zeroIqrScalesByOne() {
        // sorted [5, 5, 5, 5, 9]: q25 = q75 = 5, so scale 1 and median 5: 9 -> 4, 3 -> -2
        assertArrayEquals(new float[] {4f, -2f}, dense(fit(RobustScale.of("x"), 5, 9, 5, 5, 5), 9, 3));
        assertArrayEquals(new float[] {0f, 1f}, dense(fit(RobustScale.of("x"), 7, 7), 7, 8));
    }

    @Test
    void missingValuesAreRejectedOrImputed() {
        assertFails(() -> fit(RobustScale.of("x"), 1, Double.POSITIVE_INFINITY), "column 'x' row 1", "Infinity");
        FittedPipeline strict = fit(RobustScale.of("x"), 1, 3);
        assertFails(() -> dense(strict, NAN), "column 'x' row 0", "NaN");

        // present [1, 2, 3, 4, 100]: median 3, IQR 2; the imputed 3 scales to 0, indicator 1
        FittedPipeline p = fit(RobustScale.of("x").missing(MissingValues.median().withIndicator()),
                1, NAN, 2, 3, 4, 100);
        assertEquals(List.of("s", "s.missing"), p.schema().denseNames());
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, dense(p, NAN, 5), 1e-7f);
        // constant 7 is imputed on the raw scale: (7 - 3) / 2 = 2
        FittedPipeline c = fit(RobustScale.of("x").missing(MissingValues.constant(7)), 1, NAN, 2, 3, 4, 100);
        assertArrayEquals(new float[] {2f}, dense(c, NAN), 1e-7f);
    }

    @Test
    void badInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(RobustScale.of("x"));
        assertFails(() -> fit(RobustScale.of("x").missing(MissingValues.mean()), NAN, NAN), "no present value");
        assertFails(() -> fit(RobustScale.of("x"), -1e308, -1e308, 1e308, 1e308), "overflows");
        FittedPipeline p = fit(RobustScale.of("x"), 0, 1, 2);   // median 1, IQR 1
        assertFails(() -> dense(p, 1e39), "column 'x' row 0");
    }

    @Test
    void describeNamesTheStatistics() {
        String d = fit(RobustScale.of("x").missing(MissingValues.median()), 1, 2, 3, 4, 100, NAN).describe();
        assertTrue(d.contains("median 3.00000, IQR scale 2.00000"), d);
        assertTrue(d.contains("missing -> 3.00000 (median)"), d);
    }
}
