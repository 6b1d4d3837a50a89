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

class ClipTest {
    private static final double NAN = Double.NaN;

    @Test
    void fixedBoundsClipAndKeepTheRawScale() {
        FittedPipeline p = fit(Clip.between("x", 0, 10), 1, 2);
        assertArrayEquals(new float[] {0f, 3.5f, 10f, 0f, 10f}, dense(p, -5, 3.5, 15, 0, 10));
    }

    @Test
    void quantileBoundsAreLearnedFromTraining() {
        // training 0, 10, ..., 100 (11 values): type 7 at positions 0.05*10=0.5 -> 5 and 0.95*10=9.5 -> 95
        double[] train = new double[11];
        for (int i = 0; i < train.length; i++) {
            train[i] = 10 * i;
        }
        FittedPipeline p = fit(Clip.quantiles("x", 0.05, 0.95), train);
        assertArrayEquals(new float[] {5f, 50f, 95f, 7f}, dense(p, -1, 50, 1000, 7));
        assertTrue(p.describe().contains("clip to [5.00000, 95.0000] (training quantiles 0.0500000 and 0.950000)"),
                p.describe());
        // sorted [1, 2, 3, 4, 5]: q25 at position 1 -> 2, q75 at 3 -> 4
        assertArrayEquals(new float[] {2f, 3f, 4f}, dense(fit(Clip.quantiles("x", 0.25, 0.75), 5, 4, 3, 2, 1),
                0, 3, 9));
    }

    @Test
    void constantColumnGivesEqualLearnedBounds() {
        assertArrayEquals(new float[] {7f, 7f}, dense(fit(Clip.quantiles("x", 0.01, 0.99), 7, 7, 7), -100, 100));
    }

    @Test
    void missingValuesAreRejectedOrImputedThenClipped() {
        assertFails(() -> fit(Clip.between("x", 0, 1), 0.5, NAN), "column 'x' row 1", "NaN");
        FittedPipeline strict = fit(Clip.quantiles("x", 0.1, 0.9), 0, 1);
        assertFails(() -> dense(strict, Double.POSITIVE_INFINITY), "column 'x' row 0", "Infinity");
        // the constant 100 is clipped to 10 like any value; indicator 1 for the missing row
        FittedPipeline p = fit(Clip.between("x", 0, 10).missing(MissingValues.constant(100).withIndicator()), 1, NAN);
        assertEquals(List.of("s", "s.missing"), p.schema().denseNames());
        assertArrayEquals(new float[] {10f, 1f, 4f, 0f}, dense(p, NAN, 4));
        // the learned bounds and the median come from the present values [1, 2, 3]: median 2
        FittedPipeline m = fit(Clip.quantiles("x", 0, 1).missing(MissingValues.median()), 1, NAN, 3, 2);
        assertArrayEquals(new float[] {2f, 1f, 3f}, dense(m, NAN, -4, 9));
    }

    @Test
    void badBoundsAndInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(Clip.between("x", 0, 1));
        Fixtures.assertRejectsEmptyAndNonNumeric(Clip.quantiles("x", 0.01, 0.99));
        assertFails(() -> Clip.between("x", 5, 5), "low < high");
        assertFails(() -> Clip.between("x", NAN, 5), "finite");
        assertFails(() -> Clip.quantiles("x", 0.9, 0.1), "0 <= low < high <= 1");
        assertFails(() -> Clip.quantiles("x", -0.1, 0.5), "0 <= low < high <= 1");
        assertFails(() -> Clip.quantiles("x", 0.5, 1.5), "0 <= low < high <= 1");
        FittedPipeline wide = fit(Clip.between("x", -1e300, 1e300), 0);
        assertFails(() -> dense(wide, 1e100), "column 'x' row 0", "1.0E100");
    }
}
