package ai.behavior.models.attention;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Guards a DJL trap: {@code NDArray.mul(Number)} makes a scalar array from a direct buffer and closes it at once,
 * yet the autograd graph reads that scalar again in backward. Once the garbage collector has freed the buffer,
 * the gradient is computed from whatever the memory holds by then. The encoder keeps its scalars in the batch's
 * manager; this test runs a garbage collection (and reuses freed native memory) between forward and backward and
 * asks for exactly the gradients of an undisturbed step.
 */
class GradientUnderGcTest {
    private static final int B = 8;
    private static final int T = 6;
    private static final int D = 16;

    private static float[] gradients(boolean disturb) throws InterruptedException {
        Engine engine = Engine.getInstance();
        engine.setRandomSeed(3);
        try (NDManager m = engine.newBaseManager()) {
            TransformerEncoder encoder = new TransformerEncoder(D, T, 2, 2, 32, 0f);
            encoder.initialize(m, DataType.FLOAT32, new Shape(1, T, D), new Shape(1, T));
            ParameterStore store = new ParameterStore(m, false);
            float[] x = new float[B * T * D];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            try (NDManager batch = m.newSubManager();
                 GradientCollector collector = engine.newGradientCollector()) {
                NDList in = new NDList(batch.create(x, new Shape(B, T, D)), batch.ones(new Shape(B, T)));
                NDArray y = encoder.forward(store, in, true).head();
                NDArray loss = y.mul(y).sum();
                if (disturb) {
                    System.gc();
                    Thread.sleep(50); // let the cleaner free unreachable direct buffers
                    List<ByteBuffer> junk = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) { // small native blocks land where freed ones were
                        ByteBuffer b = ByteBuffer.allocateDirect(4);
                        b.putFloat(0, 1e6f);
                        junk.add(b);
                    }
                }
                collector.backward(loss);
            }
            List<Float> all = new ArrayList<>();
            for (Pair<String, Parameter> p : encoder.getParameters()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    for (float f : g.toFloatArray()) {
                        all.add(f);
                    }
                }
            }
            float[] out = new float[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }
    }

    @Test
    void aGarbageCollectionBetweenForwardAndBackwardChangesNoGradient() throws InterruptedException {
        float[] reference = gradients(false);
        float[] disturbed = gradients(true);
        assertArrayEquals(reference, disturbed, "gradients: " + Arrays.toString(Arrays.copyOf(disturbed, 4)));
    }
}
