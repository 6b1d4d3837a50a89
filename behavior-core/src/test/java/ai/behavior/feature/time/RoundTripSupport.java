package ai.behavior.feature.time;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.Transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helper shared by the time and sequence packages: save/load round trips and registry coverage. */
public final class RoundTripSupport {
    private RoundTripSupport() {
    }

    /** One transformer with the frames to fit it on and to compare outputs on. */
    public record Case(String name, Transformer transformer, FeatureFrame train, FeatureFrame test) {
    }

    /**
     * Fits the case, saves the pipeline to {@code dir}, loads it back and checks every output block, unknown
     * count, the schema and the description are identical; returns the step's kind.
     */
    public static String roundTrip(Case c, Path dir) throws IOException {
        FittedPipeline p = Pipeline.builder().add("step", c.transformer()).build().fit(c.train());
        p.save(dir);
        FittedPipeline again = FittedPipeline.load(dir);
        FeatureSchema s = p.schema();
        assertEquals(s.features(), again.schema().features(), c.name());
        assertEquals(p.describe(), again.describe(), c.name());
        FeatureMatrix a = p.transform(c.test());
        FeatureMatrix b = again.transform(c.test());
        assertArrayEquals(a.denseBlock(), b.denseBlock(), c.name());
        assertArrayEquals(a.categoricalBlock(), b.categoricalBlock(), c.name());
        for (int j = 0; j < s.categoricalWidth(); j++) {
            assertEquals(a.unknownCount(j), b.unknownCount(j), c.name());
        }
        for (int q = 0; q < s.sequences().size(); q++) {
            assertArrayEquals(a.sequenceIds(q), b.sequenceIds(q), c.name());
            assertArrayEquals(a.sequenceMask(q), b.sequenceMask(q), c.name());
            assertEquals(a.unknownInSequence(q), b.unknownInSequence(q), c.name());
        }
        return p.step("step").kind();
    }

    /** Fails naming every kind of {@code registry} (transform or reducer) that {@code covered} lacks. */
    public static void assertCovered(KindRegistry registry, Set<String> covered) {
        Set<String> missing = new TreeSet<>(registry.transforms().keySet());
        missing.addAll(registry.reducers().keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "kinds without a round-trip case: " + missing);
    }
}
