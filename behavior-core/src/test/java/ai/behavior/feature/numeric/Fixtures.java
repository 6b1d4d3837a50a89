package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.Transformer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-column frames and one-step pipelines for the numeric transform tests (column "x", step "s"). */
final class Fixtures {
    private Fixtures() {
    }

    static FeatureFrame frame(double... x) {
        return FeatureFrame.builder(x.length).numeric("x", x).build();
    }

    static FittedPipeline fit(Transformer t, double... train) {
        return Pipeline.builder().add("s", t).build().fit(frame(train));
    }

    /** The dense block of {@code p} on a frame of {@code test} values. */
    static float[] dense(FittedPipeline p, double... test) {
        return p.transform(frame(test)).denseBlock();
    }

    /** The categorical block of {@code p} on a frame of {@code test} values. */
    static int[] categorical(FittedPipeline p, double... test) {
        return p.transform(frame(test)).categoricalBlock();
    }

    /** Asserts that {@code run} throws an IllegalArgumentException whose message contains every fragment. */
    static void assertFails(Runnable run, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run::run);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
        }
    }

    /** Fitting {@code t} on an empty frame, and on a categorical column "x", are clear errors. */
    static void assertRejectsEmptyAndNonNumeric(Transformer t) {
        assertFails(() -> fit(t), "empty");
        FeatureFrame labels = FeatureFrame.builder(2).categorical("x", new String[] {"a", "b"}).build();
        assertFails(() -> Pipeline.builder().add("s", t).build().fit(labels), "'x'", "CATEGORICAL");
    }
}
