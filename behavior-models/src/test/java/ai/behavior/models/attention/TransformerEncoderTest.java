package ai.behavior.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformerEncoderTest {
    private static final int DIM = 8;
    private static final int MAX = 6;
    private static NDManager manager;
    private static TransformerEncoder encoder;
    private static ParameterStore store;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager();
        encoder = new TransformerEncoder(DIM, MAX, 2, 2, 16, 0.3f);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, MAX, DIM), new Shape(1, MAX));
        store = new ParameterStore(manager, false);
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static float[] encode(float[] x, float[] mask, int t, boolean training) {
        try (NDManager batch = manager.newSubManager()) {
            NDList in = new NDList(batch.create(x, new Shape(1, t, DIM)), batch.create(mask, new Shape(1, t)));
            return encoder.forward(store, in, training).head().toFloatArray();
        }
    }

    /** Largest absolute difference between positions [from, to) of two (1, T, DIM) outputs. */
    private static double diff(float[] a, int aFirst, float[] b, int bFirst, int positions) {
        double d = 0;
        for (int p = 0; p < positions; p++) {
            for (int c = 0; c < DIM; c++) {
                d = Math.max(d, Math.abs(a[(aFirst + p) * DIM + c] - b[(bFirst + p) * DIM + c]));
            }
        }
        return d;
    }

    @Test
    void anUnscaledEncoderFedScaledInputsEqualsTheScaledOne() throws Exception {
        // the same parameters; the unscaled encoder is given x * sqrt(DIM) by hand
        TransformerEncoder unscaled = new TransformerEncoder(DIM, MAX, 2, 2, 16, 0.3f, false);
        unscaled.initialize(manager, DataType.FLOAT32, new Shape(1, MAX, DIM), new Shape(1, MAX));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        encoder.saveParameters(new java.io.DataOutputStream(bytes));
        unscaled.loadParameters(manager, new java.io.DataInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())));
        float[] mask = {0, 0, 1, 1, 1, 1};
        float[] x = random(MAX * DIM, 5);
        float[] scaledByHand = x.clone();
        for (int i = 0; i < x.length; i++) {
            scaledByHand[i] *= (float) Math.sqrt(DIM);
        }
        float[] expected = encode(x, mask, MAX, false);
        float[] actual;
        float[] plain;
        try (NDManager batch = manager.newSubManager()) {
            NDArray m = batch.create(mask, new Shape(1, MAX));
            actual = unscaled.forward(store, new NDList(batch.create(scaledByHand, new Shape(1, MAX, DIM)), m), false)
                    .head().toFloatArray();
            plain = unscaled.forward(store, new NDList(batch.create(x, new Shape(1, MAX, DIM)), m), false)
                    .head().toFloatArray();
        }
        assertEquals(0, diff(expected, 2, actual, 2, 4), 1e-5);
        // and the unscaled encoder does not scale: fed x itself, it differs
        assertTrue(diff(expected, 2, plain, 2, 4) > 1e-3);
    }

    @Test
    void changingAFuturePositionNeverChangesAnEarlierOutput() {
        float[] mask = {1, 1, 1, 1, 1, 1};
        float[] x = random(MAX * DIM, 1);
        float[] before = encode(x, mask, MAX, false);
        float[] changed = x.clone();
        float[] noise = random(DIM, 9);
        for (int c = 0; c < DIM; c++) {
            // only position 4 changes (not by a constant: every LayerNorm would cancel that)
            changed[4 * DIM + c] += 3f * noise[c];
        }
        float[] after = encode(changed, mask, MAX, false);
        assertEquals(0, diff(before, 0, after, 0, 4), 1e-6, "positions 0..3 must not see position 4");
        // position 4 itself and position 5 after it do change: the test can fail
        assertTrue(diff(before, 4, after, 4, 2) > 1e-3);
    }

    @Test
    void paddingNeverChangesTheOutputOfRealPositions() {
        float[] events = random(3 * DIM, 2);
        // the three events alone (no padding, T = 3)
        float[] alone = encode(events, new float[] {1, 1, 1}, 3, false);
        // the same events after three padding slots full of noise (T = 6, left padding)
        float[] padded = new float[MAX * DIM];
        System.arraycopy(random(3 * DIM, 3), 0, padded, 0, 3 * DIM);
        System.arraycopy(events, 0, padded, 3 * DIM, 3 * DIM);
        float[] out = encode(padded, new float[] {0, 0, 0, 1, 1, 1}, MAX, false);
        assertEquals(0, diff(alone, 0, out, 3, 3), 1e-5, "positions are counted from the end and padding is masked");
        // other noise in the padding slots: still the same
        System.arraycopy(random(3 * DIM, 4), 0, padded, 0, 3 * DIM);
        float[] again = encode(padded, new float[] {0, 0, 0, 1, 1, 1}, MAX, false);
        assertEquals(0, diff(out, 3, again, 3, 3), 1e-6);
        // but treating those slots as events changes the outputs: the mask is what protects them
        float[] unmasked = encode(padded, new float[] {1, 1, 1, 1, 1, 1}, MAX, false);
        assertTrue(diff(again, 3, unmasked, 3, 3) > 1e-3);
    }

    @Test
    void dropoutActsOnlyWhileTraining() {
        float[] mask = {0, 1, 1, 1, 1, 1};
        float[] x = random(MAX * DIM, 5);
        assertEquals(0, diff(encode(x, mask, MAX, false), 0, encode(x, mask, MAX, false), 0, MAX));
        assertFalse(diff(encode(x, mask, MAX, true), 1, encode(x, mask, MAX, true), 1, 5) < 1e-4);
    }

    @Test
    void refusesSequencesLongerThanItsPositions() {
        NDManager batch = manager.newSubManager();
        try (batch) {
            NDList in = new NDList(batch.zeros(new Shape(1, MAX + 1, DIM)), batch.ones(new Shape(1, MAX + 1)));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> encoder.forward(store, in, false));
            assertTrue(e.getMessage().contains("7 positions exceed the encoder's maximum length 6"), e.getMessage());
        }
    }
    @Test
    void attentionWeightsAreCausalRowStochasticAndIgnorePadding() {
        // two padding slots on the left, four events: (1, 2 heads, 6, 6) per layer
        float[] mask = {0, 0, 1, 1, 1, 1};
        try (NDManager batch = manager.newSubManager()) {
            NDList in = new NDList(batch.create(random(MAX * DIM, 3), new Shape(1, MAX, DIM)),
                    batch.create(mask, new Shape(1, MAX)));
            NDList layers = encoder.attentionWeights(store, in.get(0), in.get(1));
            assertEquals(2, layers.size());
            for (NDArray layer : layers) {
                assertEquals(new Shape(1, 2, MAX, MAX), layer.getShape());
                float[] w = layer.toFloatArray();
                for (int h = 0; h < 2; h++) {
                    for (int q = 0; q < MAX; q++) {
                        double sum = 0;
                        for (int k = 0; k < MAX; k++) {
                            float v = w[(h * MAX + q) * MAX + k];
                            sum += v;
                            if (k > q) {
                                assertEquals(0f, v, "future key " + k + " of query " + q);
                            }
                            if (q >= 2 && k < 2) {
                                assertEquals(0f, v, "padding key " + k + " of event query " + q);
                            }
                        }
                        assertEquals(1.0, sum, 1e-5, "row " + q + " of head " + h);
                    }
                    // the first event sees only itself; the last spreads over the four events (none exactly 0)
                    assertEquals(1f, w[(h * MAX + 2) * MAX + 2], 1e-6);
                    for (int k = 2; k < MAX; k++) {
                        assertTrue(w[(h * MAX + 5) * MAX + k] > 0, "event key " + k);
                    }
                }
            }
        }
    }
}
