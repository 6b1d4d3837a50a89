package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchArraysTest {
    @Test
    void gathersRowsForEverySizeFromOneFloatUpward() {
        // every size from 1 to 40 floats, growing one slot: the aligned buffers must always hold the batch
        float[] src = new float[40];
        for (int i = 0; i < src.length; i++) {
            src[i] = i + 0.5f;
        }
        BatchArrays a = new BatchArrays();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int n = 1; n <= 40; n++) {
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = a.floats(batch, 0, src, 1, null, 0, n);
                    assertEquals(new Shape(n, 1), x.getShape());
                    assertArrayEquals(java.util.Arrays.copyOf(src, n), x.toFloatArray());
                }
            }
            // rows picked through an order: rows 3 and 1 of a 2-column block
            try (NDManager batch = m.newSubManager()) {
                NDArray x = a.floats(batch, 1, src, 2, new int[] {3, 1}, 0, 2);
                assertArrayEquals(new float[] {6.5f, 7.5f, 2.5f, 3.5f}, x.toFloatArray());
                assertArrayEquals(new int[] {7, 2}, a.ints(batch, 2, new int[] {0, 2, 4, 6, 8, 7, 2}, 1,
                        new int[] {5, 6}, 0, 2).toIntArray());
            }
        }
    }

    @Test
    void buffersFilledByHandBecomeArrays() {
        BatchArrays a = new BatchArrays();
        try (NDManager m = NDManager.newBaseManager()) {
            for (int n = 1; n <= 20; n++) {
                FloatBuffer f = a.floatBuffer(3, 3 * n);
                assertEquals(3 * n, f.remaining());
                for (int i = 0; i < 3 * n; i++) {
                    f.put(i, -i);
                }
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = a.filledFloats(batch, 3, new Shape(n, 3));
                    float[] v = x.toFloatArray();
                    assertEquals(3 * n, v.length);
                    assertEquals(-(3 * n - 1), v[3 * n - 1], 0);
                }
            }
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> a.filledFloats(m, 7, new Shape(2, 2)));
            assertTrue(e.getMessage().contains("floatBuffer(7, 4)"), e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> a.filledFloats(m, 3, new Shape(100, 3)));
            assertTrue(e.getMessage().contains("fewer than 300"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> a.floatBuffer(-1, 4));
            assertThrows(IllegalArgumentException.class, () -> a.floatBuffer(0, -4));
        }
    }
}
