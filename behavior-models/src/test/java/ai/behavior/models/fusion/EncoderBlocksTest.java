package ai.behavior.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The mean-pool encoder and the attribute block on hand-set embedding tables. */
class EncoderBlocksTest {
    @Test
    void meanPoolAveragesTheUnmaskedEmbeddingsAndGivesZeroForAnEmptyRow() {
        try (NDManager m = NDManager.newBaseManager()) {
            MeanPoolEncoder enc = new MeanPoolEncoder(4, 2);
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 3), new Shape(1, 3));
            // rows of the table: 0 -> [9, 9] (padding, must never count), 1 -> [1, 0], 2 -> [0, 2], 3 -> [4, 4]
            Blocks.set(enc, "weight", 9, 9, 1, 0, 0, 2, 4, 4);
            NDArray ids = m.create(new int[] {0, 2, 3, 0, 0, 1, 0, 0, 0}, new Shape(3, 3));
            NDArray mask = m.create(new float[] {0, 1, 1, 0, 0, 1, 0, 0, 0}, new Shape(3, 3));
            float[] out = enc.forward(new ParameterStore(m, false), new NDList(ids, mask), false).head().toFloatArray();
            // row 0: mean([0, 2], [4, 4]) = [2, 3]; row 1: [1, 0]; row 2: no event -> [0, 0]
            assertArrayEquals(new float[] {2, 3, 1, 0, 0, 0}, out, 1e-6f);
        }
    }

    @Test
    void attributesAreDenseColumnsThenOneEmbeddingPerCategoricalColumn() {
        try (NDManager m = NDManager.newBaseManager()) {
            AttributeLayout layout = new AttributeLayout(1, List.of(3, 2), List.of(2, 1));
            assertEquals(4, layout.width());
            AttributeBlock b = new AttributeBlock(layout);
            b.initialize(m, DataType.FLOAT32, layout.inputShapes());
            Blocks.set(b, "01emb0_weight", 0, 0, 5, 6, 7, 8); // index 1 -> [5, 6], index 2 -> [7, 8]
            Blocks.set(b, "02emb1_weight", 0, -1);            // index 1 -> [-1]
            NDArray dense = m.create(new float[] {0.5f, 2f}, new Shape(2, 1));
            NDArray cats = m.create(new int[] {2, 1, 1, 0}, new Shape(2, 2));
            float[] out = b.forward(new ParameterStore(m, false), new NDList(dense, cats), false).head().toFloatArray();
            assertArrayEquals(new float[] {0.5f, 7, 8, -1, 2f, 5, 6, 0}, out, 1e-6f);
        }
    }

    @Test
    void layoutsAreChecked() {
        AttributeLayout nothing = new AttributeLayout(0, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> new AttributeBlock(nothing));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AttributeLayout(1, List.of(3), List.of()));
        assertEquals("1 categorical columns but 0 embedding sizes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SequenceEncoderFactory.meanPool(0));
    }
}
