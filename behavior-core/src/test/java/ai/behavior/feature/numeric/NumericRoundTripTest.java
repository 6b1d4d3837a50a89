package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
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

/** Every numeric kind saved and loaded in one pipeline, and a guard that no registered kind is left out. */
class NumericRoundTripTest {
    private static final double NAN = Double.NaN;

    @TempDir
    Path tmp;

    /** One step per option set worth saving; every kind in {@link NumericKinds} must appear at least once. */
    private static Pipeline everyKind() {
        return Pipeline.builder()
                .add("std", Standardize.of("a").missing(MissingValues.mean().withIndicator()))
                .add("minmax", MinMaxScale.of("a").range(-1, 1).clip().missing(MissingValues.median()))
                .add("minmax_plain", MinMaxScale.of("b"))
                .add("robust", RobustScale.of("a").missing(MissingValues.constant(2.5).withIndicator()))
                .add("log", Log1p.of("b").thenStandardize())
                .add("log_clamped", Log1p.of("c").clampNegatives().missing(MissingValues.mean().withIndicator()))
                .add("winsor", Clip.quantiles("a", 0.1, 0.9).missing(MissingValues.median()))
                .add("clip", Clip.between("c", -1, 4).missing(MissingValues.constant(9)))
                .add("bucket", Bucketize.quantiles("a", 4).missingAsUnknown())
                .add("bucket_hot", Bucketize.edges("b", 0, 2.5).oneHot())
                .add("bucket_hot_missing", Bucketize.edges("a", 3).oneHot().missingAsUnknown())
                .add("impute", Impute.of("c", MissingValues.median().withIndicator()))
                .build();
    }

    private static FeatureFrame frame(double[] a, double[] b, double[] c) {
        return FeatureFrame.builder(a.length).numeric("a", a).numeric("b", b).numeric("c", c).build();
    }

    private static FeatureFrame train() {
        return frame(new double[] {1, 2, NAN, 4, 8, 3, 5, Double.POSITIVE_INFINITY},
                new double[] {0, 1, 3, 7, 15, 2, 9, 4},
                new double[] {-2, 0, 1, NAN, 3, 2.5, 6, 0.5});
    }

    private static FeatureFrame test() {
        return frame(new double[] {NAN, 0, 2.5, 100, -7, 3},
                new double[] {0, 50, 3, 1, 2, 1e6},
                new double[] {-9, NAN, 2.5, 0, 7, Double.NEGATIVE_INFINITY});
    }

    @Test
    void everyNumericKindLoadsWithIdenticalOutputs() throws IOException {
        FittedPipeline p = everyKind().fit(train());
        p.save(tmp.resolve("pipe"));
        FittedPipeline again = FittedPipeline.load(tmp.resolve("pipe"));

        assertEquals(p.schema().features(), again.schema().features());
        assertEquals(p.describe(), again.describe());
        FeatureMatrix before = p.transform(test());
        FeatureMatrix after = again.transform(test());
        assertArrayEquals(before.denseBlock(), after.denseBlock());
        assertArrayEquals(before.categoricalBlock(), after.categoricalBlock());
        assertEquals(before.unknownCount(0), after.unknownCount(0));
        // the test frame's one missing "a" is counted by the quantile bucketing
        assertEquals(1, after.unknownCount(after.schema().categoricalIndex("bucket")));
        // spot checks that the loaded pipeline still computes the hand-computable steps:
        // clip c to [-1, 4] with constant 9 for missing: -9 -> -1, NaN -> 9 -> 4, 2.5, 0, 7 -> 4, -inf -> 4
        int clip = after.schema().denseIndex("clip");
        float[] expected = {-1, 4, 2.5f, 0, 4, 4};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], after.dense(r, clip), "row " + r);
        }
        // training "a" present values sorted [1, 2, 3, 4, 5, 8]: type 7 quartiles at positions 1.25, 2.5, 3.75:
        // 2.25, 3.5, 4.75; so 0 -> 1, 2.5 -> 2, 100 -> 4, -7 -> 1, 3 -> 2, missing -> 0
        int bucket = after.schema().categoricalIndex("bucket");
        int[] buckets = {0, 1, 2, 4, 1, 2};
        for (int r = 0; r < buckets.length; r++) {
            assertEquals(buckets[r], after.categorical(r, bucket), "row " + r);
        }
    }

    @Test
    void roundTripCoversEveryRegisteredNumericKind() {
        FittedPipeline p = everyKind().fit(train());
        Set<String> covered = new TreeSet<>();
        for (String step : p.stepNames()) {
            covered.add(p.step(step).kind());
        }
        Set<String> registered = new TreeSet<>(new NumericKinds().transforms().keySet());
        assertEquals(registered, covered, "add a step of each new numeric kind to everyKind()");
        assertTrue(new NumericKinds().reducers().isEmpty(), "numeric reducers need a round-trip test too");
    }

    @Test
    void boundRowTransformAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) {
            return;   // a JVM without allocation counters: nothing to measure
        }
        FittedPipeline p = everyKind().fit(train());
        FeatureFrame test = test();
        FeatureMatrix out = new FeatureMatrix(p.schema(), test.rows());
        FittedPipeline.Bound bound = p.bind(test, out);
        for (int i = 0; i < 200; i++) {   // warm up, so class loading is not counted
            bound.transform(i % test.rows(), i % test.rows());
        }
        long tid = Thread.currentThread().getId();
        long start = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 20_000; i++) {
            bound.transform(i % test.rows(), i % test.rows());
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - start;
        // a single allocation per row would be at least 16 bytes x 20,000 rows = 320,000 bytes
        assertTrue(allocated < 20_000, "20,000 row transforms allocated " + allocated + " bytes");
    }
}
