package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.text.HashedTfIdf;
import ai.behavior.feature.text.TextKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every categorical and text kind saved in one pipeline, loaded back, and checked to transform identically. */
class EncoderRoundTripTest {
    @TempDir
    Path tmp;

    private static final String[] BRANDS = {"acme", "zeta", "acme", null, "beta", "acme", "zeta", "", "beta", "acme"};
    private static final String[] QUERIES = {"red shoes", "Red hat", null, "blue shoes size 42", "straße schuhe",
        "hat", "", "red red red", "boots", "Shoes!"};
    private static final double[] CLICKED = {1, 0, 1, 0, 1, 1, 0, 0, 1, 0};

    /** One step per categorical and text kind, with non-default options where they exist. */
    static Pipeline everyKind() {
        return Pipeline.builder()
                .add("index", IndexEncoder.of("brand").minCount(2))
                .add("onehot", OneHot.of("brand").maxCategories(2).withOther())
                .add("freq", FrequencyEncoder.of("brand"))
                .add("hash", HashingEncoder.of("brand", 16).seed(3))
                .add("target", TargetEncoder.of("brand").smoothing(3))
                .add("tfidf", HashedTfIdf.of("query").buckets(32).withSublinearTf().withSignedHash().seed(5)
                        .minTokenLength(2))
                .build();
    }

    private static FeatureFrame frame(String[] brands, String[] queries) {
        return FeatureFrame.builder(brands.length).categorical("brand", brands).text("query", queries).build();
    }

    private static FittedPipeline fitted() {
        return everyKind().fit(frame(BRANDS, QUERIES), FitContext.withLabels(CLICKED).seed(9).folds(3));
    }

    @Test
    void saveLoadGivesIdenticalOutputs() throws IOException {
        FittedPipeline p = fitted();
        p.save(tmp.resolve("pipe"));
        FittedPipeline again = FittedPipeline.load(tmp.resolve("pipe"));
        FeatureFrame test = frame(new String[] {"acme", "unseen", null, "beta", ""},
                new String[] {"red shoes", "never seen words", null, "HAT hat", "!!"});
        FeatureMatrix a = p.transform(test);
        FeatureMatrix b = again.transform(test);
        assertEquals(p.schema().features(), again.schema().features());
        assertArrayEquals(a.denseBlock(), b.denseBlock());
        assertArrayEquals(a.categoricalBlock(), b.categoricalBlock());
        for (int j = 0; j < p.schema().categoricalWidth(); j++) {
            assertEquals(a.unknownCount(j), b.unknownCount(j));
        }
        // minCount 2 keeps acme (4), beta (2), zeta (2): "unseen", missing and "" (1 training row) are unknown
        assertEquals(3, a.unknownCount(p.schema().categoricalIndex("index")));
        assertEquals(p.describe(), again.describe());
        assertEquals(((IndexEncoder.Fitted) p.step("index")).vocabulary(),
                ((IndexEncoder.Fitted) again.step("index")).vocabulary());
    }

    @Test
    void everyRegisteredCategoricalAndTextKindIsInTheRoundTrip() {
        Set<String> registered = new TreeSet<>(new CategoricalKinds().transforms().keySet());
        registered.addAll(new TextKinds().transforms().keySet());
        FittedPipeline p = fitted();
        Set<String> covered = new TreeSet<>();
        p.stepNames().forEach(s -> covered.add(p.step(s).kind()));
        registered.removeAll(covered);
        assertTrue(registered.isEmpty(), "kinds missing from everyKind(): " + registered);
        assertTrue(new CategoricalKinds().reducers().isEmpty() && new TextKinds().reducers().isEmpty(),
                "reducers were registered: add them to the round trip");
    }

    /** The bound transforms allocate nothing per row (HotSpot counts this thread's allocated bytes). */
    @Test
    void rowTransformsAllocateNothing() {
        FittedPipeline p = fitted();
        String[] brand = {"acme"};
        String[] query = {"Red shoes, size 42 straße"};
        FeatureFrame one = frame(brand, query);
        FeatureMatrix out = new FeatureMatrix(p.schema(), 1);
        FittedPipeline.Bound bound = p.bind(one, out);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) {   // warm up, so measuring itself is compiled
            bound.transform(0, 0);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            bound.transform(0, 0);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1_000, allocated + " bytes allocated by 10,000 row transforms");
    }
}
