package ai.behavior.models.sequence;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceNetworkTest {
    private static final int ITEMS = 12;

    private static SequenceArchitecture arch(SequenceOptions o, SequenceTask task) {
        return SequenceArchitecture.of(task, o.withDim(8).withHeads(2).withFfn(16).withMaxLength(6), ITEMS, 0);
    }

    /** Runs the network on one row of item rows and mask; returns [states, last, head] as float arrays. */
    private static float[][] run(SequenceNetwork net, NDManager m, int[] items, float[] mask) {
        ParameterStore store = new ParameterStore(m, false);
        try (NDManager batch = m.newSubManager()) {
            NDList out = net.forward(store, new NDList(batch.create(items, new Shape(1, items.length)),
                    batch.create(mask, new Shape(1, mask.length))), false);
            return new float[][] {out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray()};
        }
    }

    private static SequenceNetwork init(SequenceArchitecture a, NDManager m) {
        SequenceNetwork net = new SequenceNetwork(a);
        net.initialize(m, DataType.FLOAT32, a.inputShapes());
        return net;
    }

    @Test
    void recurrentLastStateIsTheStateAfterTheLastRealEventWhateverThePadding() {
        for (SequenceOptions o : new SequenceOptions[] {SequenceOptions.gru(), SequenceOptions.lstm()}) {
            SequenceArchitecture a = arch(o, SequenceTask.NEXT_ITEM);
            try (NDManager m = NDManager.newBaseManager()) {
                SequenceNetwork net = init(a, m);
                // events with rows 5 3 7 then right padding (ids in padding slots are garbage on purpose)
                float[][] x = run(net, m, new int[] {5, 3, 7, 0, 0, 0}, new float[] {1, 1, 1, 0, 0, 0});
                float[][] y = run(net, m, new int[] {5, 3, 7, 9, 2, 4}, new float[] {1, 1, 1, 0, 0, 0});
                float[][] shorter = run(net, m, new int[] {5, 3, 7, 0}, new float[] {1, 1, 1, 0});
                assertArrayEquals(x[1], y[1], 1e-6f, o.encoder() + ": padding after the events is never read");
                assertArrayEquals(x[1], shorter[1], 1e-6f, o.encoder() + ": nor is the amount of padding");
                float[] third = java.util.Arrays.copyOfRange(x[0], 2 * 8, 3 * 8);
                assertArrayEquals(third, x[1], 1e-6f, "last = the state at position 2");
                // the last event matters: the test can fail
                float[][] other = run(net, m, new int[] {5, 3, 8, 0, 0, 0}, new float[] {1, 1, 1, 0, 0, 0});
                assertTrue(maxDiff(x[1], other[1]) > 1e-4);
            }
        }
    }

    @Test
    void transformerLastStateIgnoresLeftPaddingAndTheCatalogueIsTheTiedTable() {
        SequenceArchitecture a = arch(SequenceOptions.transformer(), SequenceTask.NEXT_ITEM);
        try (NDManager m = NDManager.newBaseManager()) {
            SequenceNetwork net = init(a, m);
            float[][] x = run(net, m, new int[] {0, 0, 0, 5, 3, 7}, new float[] {0, 0, 0, 1, 1, 1});
            float[][] y = run(net, m, new int[] {11, 4, 2, 5, 3, 7}, new float[] {0, 0, 0, 1, 1, 1});
            float[][] alone = run(net, m, new int[] {5, 3, 7}, new float[] {1, 1, 1});
            assertArrayEquals(x[1], y[1], 1e-6f);
            assertArrayEquals(x[1], alone[1], 1e-5f);
            // catalogue (dim, items): column i is embedding row i + 2 of the item table
            assertEquals(8 * ITEMS, x[2].length);
            float[] table = net.getParameters().get(0).getValue().getArray().toFloatArray(); // (ITEMS + 2, 8)
            for (int i = 0; i < ITEMS; i++) {
                for (int c = 0; c < 8; c++) {
                    assertEquals(table[(i + 2) * 8 + c], x[2][c * ITEMS + i], 0f);
                }
            }
        }
    }

    @Test
    void classificationHeadGivesOneLogitPerSequence() {
        SequenceArchitecture a = arch(SequenceOptions.gru(), SequenceTask.CLASSIFICATION);
        try (NDManager m = NDManager.newBaseManager()) {
            SequenceNetwork net = init(a, m);
            float[][] x = run(net, m, new int[] {5, 3, 7, 0, 0, 0}, new float[] {1, 1, 1, 0, 0, 0});
            assertEquals(1, x[2].length);
            assertTrue(Float.isFinite(x[2][0]));
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
