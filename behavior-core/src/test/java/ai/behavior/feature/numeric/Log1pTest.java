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

class Log1pTest {
    private static final double NAN = Double.NaN;
    private static final double E = Math.E;

    @Test
    void logsOnePlusX() {
        // log(1 + (e^k - 1)) = k
        FittedPipeline p = fit(Log1p.of("x"), 0, E - 1, E * E - 1);
        assertArrayEquals(new float[] {0f, 1f, 3f}, dense(p, 0, E - 1, Math.exp(3) - 1), 1e-6f);
    }

    @Test
    void thenStandardizeUsesTheTrainingLogStatistics() {
        // training logs 0, 1, 2: mean 1, population sd sqrt(2/3) = 0.816497;
        // e^3 - 1 -> (3 - 1) / 0.816497 = 2.449490, 0 -> -1.224745, e - 1 -> 0
        FittedPipeline p = fit(Log1p.of("x").thenStandardize(), 0, E - 1, E * E - 1);
        assertArrayEquals(new float[] {2.449490f, -1.224745f, 0f}, dense(p, Math.exp(3) - 1, 0, E - 1), 1e-6f);
        // a constant column has sd 0 and is only centred: log1p(3) - log1p(3) = 0, log1p(7) - log1p(3) = log 2
        assertArrayEquals(new float[] {0f, (float) Math.log(2)},
                dense(fit(Log1p.of("x").thenStandardize(), 3, 3), 3, 7), 1e-6f);
    }

    @Test
    void negativeInputsFailUnlessClamped() {
        assertFails(() -> fit(Log1p.of("x"), 1, -2), "column 'x' row 1", "-2.0", "negative", "clampNegatives");
        FittedPipeline strict = fit(Log1p.of("x"), 0, 1);
        assertFails(() -> dense(strict, 1, 2, -0.5), "column 'x' row 2", "-0.5");

        FittedPipeline clamped = fit(Log1p.of("x").clampNegatives(), 0, 1);
        assertArrayEquals(new float[] {0f, 1f}, dense(clamped, -5, E - 1), 1e-6f);
        // training [-3, 0, e - 1] clamp to logs [0, 0, 1]: mean 1/3, sd sqrt(2/9) = 0.471405;
        // e - 1 -> (1 - 1/3) / 0.471405 = sqrt 2 = 1.414214, -8 -> (0 - 1/3) / 0.471405 = -0.707107
        FittedPipeline both = fit(Log1p.of("x").clampNegatives().thenStandardize(), -3, 0, E - 1);
        assertArrayEquals(new float[] {1.414214f, -0.707107f}, dense(both, E - 1, -8), 1e-6f);
    }

    @Test
    void missingValuesAreRejectedOrImputedOnTheRawScaleThenLogged() {
        assertFails(() -> fit(Log1p.of("x"), NAN, 1), "column 'x' row 0", "NaN");
        // present [0, e^2 - 1]: mean (e^2 - 1) / 2, logged: ln((e^2 + 1) / 2) = 1.433781
        FittedPipeline p = fit(Log1p.of("x").missing(MissingValues.mean().withIndicator()), 0, NAN, E * E - 1);
        assertEquals(List.of("s", "s.missing"), p.schema().denseNames());
        assertArrayEquals(new float[] {1.433781f, 1f, 0f, 0f}, dense(p, Double.NEGATIVE_INFINITY, 0), 1e-6f);
        // a negative constant would feed log1p a negative value on every missing row: refused at fit time
        assertFails(() -> fit(Log1p.of("x").missing(MissingValues.constant(-1)), 0, NAN), "imputed value -1.0");
        // ... unless negatives are clamped, where it becomes log1p(0) = 0
        FittedPipeline c = fit(Log1p.of("x").clampNegatives().missing(MissingValues.constant(-1)), 0, NAN);
        assertArrayEquals(new float[] {0f}, dense(c, NAN));
    }

    @Test
    void badInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(Log1p.of("x"));
        Fixtures.assertRejectsEmptyAndNonNumeric(Log1p.of("x").thenStandardize());
    }

    @Test
    void describeSaysWhatItDoes() {
        String d = fit(Log1p.of("x").thenStandardize(), 0, E - 1, E * E - 1).describe();
        assertTrue(d.contains("log1p then standardised (mean 1.00000, sd 0.816497), negatives -> error"), d);
    }
}
