package ai.behavior.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The three fusions on hand-set parameters. Fixture: sequence vector s = [1, 2], attribute vector a = [3];
 * the sequence projection is the identity, the attribute projection maps 3 to [3, 6] (weights [1, 2]), biases 0,
 * so the two tokens are t1 = [1, 2] and t2 = [3, 6].
 */
class FusionBlockTest {
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private FusionBlock block(FusionMode mode, FusionGate gate) {
        FusionBlock b = new FusionBlock(mode, gate, 2, 1, 2);
        b.initialize(manager, DataType.FLOAT32, new Shape(1, 2), new Shape(1, 1));
        if (mode != FusionMode.CONCAT) {
            Blocks.set(b, "seq_proj_weight", 1, 0, 0, 1);
            Blocks.set(b, "seq_proj_bias", 0, 0);
            Blocks.set(b, "attr_proj_weight", 1, 2);
            Blocks.set(b, "attr_proj_bias", 0, 0);
        }
        return b;
    }

    private NDList forward(FusionBlock b) {
        NDArray s = manager.create(new float[] {1, 2, 1, 2}, new Shape(2, 2));
        NDArray a = manager.create(new float[] {3, 3}, new Shape(2, 1));
        return b.forward(new ParameterStore(manager, false), new NDList(s, a), false);
    }

    @Test
    void concatenationPutsTheSequenceFirst() {
        FusionBlock b = block(FusionMode.CONCAT, FusionGate.SCALAR);
        NDList out = forward(b);
        assertEquals(1, out.size());
        assertEquals(new Shape(2, 3), out.head().getShape());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, out.head().toFloatArray());
        assertEquals(3, b.outputDim());
        assertEquals(0, b.getParameters().size());
    }

    @Test
    void scalarGateStartsAtAnEvenMixAndMovesWithItsParameter() {
        FusionBlock b = block(FusionMode.WEIGHTED_SUM, FusionGate.SCALAR);
        // g = 0: w = 0.5, out = 0.5 [1, 2] + 0.5 [3, 6] = [2, 4]
        assertArrayEquals(new float[] {2, 4, 2, 4}, forward(b).head().toFloatArray(), 1e-6f);
        // g = ln 3: w = 3 / 4, out = 0.75 [1, 2] + 0.25 [3, 6] = [1.5, 3]
        Blocks.set(b, "gate", (float) Math.log(3));
        NDList out = forward(b);
        assertArrayEquals(new float[] {1.5f, 3f, 1.5f, 3f}, out.head().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.75f, 0.25f, 0.75f, 0.25f}, out.get(1).toFloatArray(), 1e-6f);
    }

    @Test
    void vectorGateWeighsEachDimension() {
        FusionBlock b = block(FusionMode.WEIGHTED_SUM, FusionGate.VECTOR);
        // g = [0, ln 3]: w = [0.5, 0.75]; out = [0.5*1 + 0.5*3, 0.75*2 + 0.25*6] = [2, 3]; mean w = 0.625
        Blocks.set(b, "gate", 0f, (float) Math.log(3));
        NDList out = forward(b);
        assertArrayEquals(new float[] {2, 3, 2, 3}, out.head().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.625f, 0.375f, 0.625f, 0.375f}, out.get(1).toFloatArray(), 1e-6f);
    }

    @Test
    void attentionSoftmaxesTheQueryScoresOfTheTwoTokens() {
        FusionBlock b = block(FusionMode.ATTENTION, FusionGate.SCALAR);
        Blocks.set(b, "key_weight", 1, 0, 0, 1);
        Blocks.set(b, "key_bias", 0, 0);
        Blocks.set(b, "query", 1, 0);
        // keys tanh(t1) = [0.761594, 0.964028], tanh(t2) = [0.995055, 0.999988]; scores with q = [1, 0]:
        // 0.761594 and 0.995055; alpha1 = 1 / (1 + e^(0.995055 - 0.761594)) = 0.441899, alpha2 = 0.558101;
        // out = 0.441899 [1, 2] + 0.558101 [3, 6] = [2.116203, 4.232406] (computed in Python)
        NDList out = forward(b);
        assertArrayEquals(new float[] {2.116203f, 4.232406f, 2.116203f, 4.232406f}, out.head().toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {0.441899f, 0.558101f, 0.441899f, 0.558101f}, out.get(1).toFloatArray(), 1e-5f);
        // q = [0.5, -1]: scores -0.583231 and -0.502460, alpha1 = 0.479818, out = [2.040363, 4.080726]
        Blocks.set(b, "query", 0.5f, -1f);
        assertArrayEquals(new float[] {2.040363f, 4.080726f, 2.040363f, 4.080726f}, forward(b).head().toFloatArray(),
                1e-5f);
    }

    @Test
    void badSizesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FusionBlock(FusionMode.ATTENTION, FusionGate.SCALAR, 4, 0, 8));
        assertEquals("need sequenceDim, attributeDim and dim >= 1, got 4, 0, 8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FusionBlock(null, FusionGate.SCALAR, 1, 1, 1));
    }
}
