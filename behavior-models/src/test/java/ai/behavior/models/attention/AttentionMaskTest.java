package ai.behavior.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AttentionMaskTest {
    private static final float B = AttentionMask.BLOCKED;

    @Test
    void blocksTheFutureAndPaddingKeysButLetsEveryQuerySeeItself() {
        try (NDManager m = NDManager.newBaseManager()) {
            // row 0: one padding slot then two events (left padding); row 1: three events
            NDArray mask = m.create(new float[] {0, 1, 1, 1, 1, 1}, new Shape(2, 3));
            NDArray additive = AttentionMask.causal(mask);
            assertEquals(new Shape(2, 3, 3), additive.getShape());
            // by hand: query i may see key j when j <= i and (key j is an event or j == i)
            float[] expected = {
                0, B, B,    // padding query 0 sees only itself
                B, 0, B,    // query 1: key 0 is padding, key 2 is in the future
                B, 0, 0,    // query 2: keys 1 and 2
                0, B, B,    // row 1 is the plain lower triangle
                0, 0, B,
                0, 0, 0};
            assertArrayEquals(expected, additive.toFloatArray());
        }
    }
}
