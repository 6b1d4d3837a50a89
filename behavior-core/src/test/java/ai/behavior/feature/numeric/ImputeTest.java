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

class ImputeTest {
    private static final double NAN = Double.NaN;

    @Test
    void meanImputationWithIndicatorPassesPresentValuesThrough() {
        // present [1, 5]: mean 3; rows NaN, 7, -inf -> 3 (missing), 7, 3 (missing)
        FittedPipeline p = fit(Impute.of("x", MissingValues.mean().withIndicator()), 1, NAN, 5);
        assertEquals(List.of("s", "s.missing"), p.schema().denseNames());
        assertArrayEquals(new float[] {3f, 1f, 7f, 0f, 3f, 1f}, dense(p, NAN, 7, Double.NEGATIVE_INFINITY));
    }

    @Test
    void medianAndConstantImputation() {
        // present [1, 2, 10]: median 2 (the mean would be 13/3)
        assertArrayEquals(new float[] {2f, -8.25f}, dense(fit(Impute.of("x", MissingValues.median()), 10, NAN, 1, 2),
                NAN, -8.25));
        assertArrayEquals(new float[] {-1f}, dense(fit(Impute.of("x", MissingValues.constant(-1)), 4), NAN));
        assertEquals(List.of("s"), fit(Impute.of("x", MissingValues.constant(-1)), 4).schema().denseNames());
    }

    @Test
    void rejectMakesACheckedPassThrough() {
        assertFails(() -> fit(Impute.of("x", MissingValues.reject()), 1, NAN), "column 'x' row 1", "NaN");
        FittedPipeline p = fit(Impute.of("x", MissingValues.reject()), 1, 2);
        assertArrayEquals(new float[] {-3f, 1e6f}, dense(p, -3, 1e6));
        assertFails(() -> dense(p, 0, Double.POSITIVE_INFINITY), "column 'x' row 1", "Infinity");
        assertFails(() -> dense(p, 1e300), "column 'x' row 0", "does not fit a float");
    }

    @Test
    void badInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(Impute.of("x", MissingValues.mean()));
        assertFails(() -> fit(Impute.of("x", MissingValues.mean()), NAN, Double.POSITIVE_INFINITY),
                "column 'x' has no present value in 2 training rows");
        assertFails(() -> MissingValues.constant(NAN), "finite");
    }

    @Test
    void describeNamesTheFill() {
        String d = fit(Impute.of("x", MissingValues.mean().withIndicator()), 1, NAN, 5).describe();
        assertTrue(d.contains("pass-through, missing -> 3.00000 (mean) + indicator"), d);
    }
}
