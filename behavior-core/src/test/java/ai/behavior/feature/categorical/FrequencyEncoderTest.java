package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import static ai.behavior.feature.categorical.Frames.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrequencyEncoderTest {
    private static FittedPipeline fit(FeatureFrame train) {
        return Pipeline.builder().add("c", FrequencyEncoder.of("c")).build().fit(train);
    }

    @Test
    void shareOfTrainingRowsWithMissingAsItsOwnLevel() {
        // 5 rows: a 3 -> 0.6, b 1 -> 0.2, missing 1 -> 0.2; unseen -> 0
        FittedPipeline p = fit(labels("a", "b", "a", null, "a"));
        assertArrayEquals(new float[] {0.6f, 0.2f, 0.2f, 0f}, p.transform(labels("a", "b", null, "z")).denseBlock());
        FrequencyEncoder.Fitted f = (FrequencyEncoder.Fitted) p.step("c");
        assertEquals(0.6, f.share("a"), 1e-12);
        assertEquals(0.2, f.share(null), 1e-12);
        assertEquals(0.0, f.share("z"));
    }

    @Test
    void missingNeverSeenInTrainingGetsZeroAndConstantColumnGetsOne() {
        FittedPipeline p = fit(labels("a", "a"));
        assertArrayEquals(new float[] {1f, 0f, 0f}, p.transform(labels("a", null, "b")).denseBlock());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> FrequencyEncoder.of("c").fit(labels(), FitContext.unsupervised()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(labels(null, null)));
        assertTrue(e.getMessage().contains("of 2 training rows 2 are missing"), e.getMessage());
        FeatureFrame text = FeatureFrame.builder(1).text("c", new String[] {"a"}).build();
        e = assertThrows(IllegalArgumentException.class, () -> fit(text));
        assertTrue(e.getMessage().contains("column 'c' is TEXT"), e.getMessage());
    }
}
