package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import static ai.behavior.feature.categorical.Frames.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashingEncoderTest {
    /*
     * Expected buckets from the reference MurmurHash3 x86_32 (StableHashTest's vectors), low 31 bits mod 10:
     * "hello" 613153351 -> 1, "a" 1009084850 -> 0, "abc" -1277324294 -> 870159354 -> 4; seed 42: "hello"
     * 0xe2dbd2e1 -> 0x62dbd2e1 = 1658573537 -> 7. The output index is the bucket + 1.
     */
    @Test
    void indexIsOnePlusTheMurmurBucket() {
        FittedPipeline p = Pipeline.builder().add("c", HashingEncoder.of("c", 10)).build().fit(labels("x"));
        assertEquals(11, p.schema().categorical("c").cardinality());
        FeatureMatrix m = p.transform(labels("hello", "a", "abc", null, "never seen"));
        int[] idx = m.categoricalBlock();
        assertArrayEquals(new int[] {2, 1, 5, 0}, java.util.Arrays.copyOf(idx, 4));
        assertEquals(HashingEncoder.of("c", 10).index("never seen"), idx[4]);
        assertEquals(1, m.unknownCount(0));   // only the missing value
        assertEquals(8, HashingEncoder.of("c", 10).seed(42).index("hello"));
    }

    @Test
    void oneBucketPutsEveryLabelAtIndexOne() {
        FittedPipeline p = Pipeline.builder().add("c", HashingEncoder.of("c", 1)).build().fit(labels("x", "x"));
        assertArrayEquals(new int[] {1, 1, 0}, p.transform(labels("x", "y", null)).categoricalBlock());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> HashingEncoder.of("c", 8).fit(labels(), FitContext.unsupervised()));
        assertThrows(IllegalArgumentException.class, () -> HashingEncoder.of("c", 0));
        assertThrows(IllegalArgumentException.class, () -> HashingEncoder.of("c", Integer.MAX_VALUE));
    }
}
