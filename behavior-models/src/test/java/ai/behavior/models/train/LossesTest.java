package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LossesTest {
    /** The loss of one (logit, label) pair, as a float. */
    private static float bce(NDManager m, float x, float y) {
        return Losses.binaryCrossEntropyOnLogits(m.create(new float[] {x}), m.create(new float[] {y})).getFloat();
    }

    @Test
    void binaryCrossEntropyOnLogitsMatchesHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // x = 0: log 2 = 0.693147 for either label
            assertEquals(0.693147, bce(m, 0, 1), 1e-6);
            assertEquals(0.693147, bce(m, 0, 0), 1e-6);
            // x = 2, y = 1: -log sigmoid(2) = log(1 + e^-2) = log 1.135335 = 0.126928
            assertEquals(0.126928, bce(m, 2, 1), 1e-6);
            // x = 2, y = 0: -log(1 - sigmoid(2)) = 2 + log(1 + e^-2) = 2.126928
            assertEquals(2.126928, bce(m, 2, 0), 1e-6);
            // x = -3, y = 0: log(1 + e^-3) = log 1.049787 = 0.048587
            assertEquals(0.048587, bce(m, -3, 0), 1e-6);
            // |x| = 100: the naive form overflows (e^100) or takes log 0; the stable one gives 100 or e^-100 ~ 3.7e-44
            assertEquals(100, bce(m, 100, 0), 1e-4);
            assertEquals(100, bce(m, -100, 1), 1e-4);
            assertEquals(0, bce(m, 100, 1), 1e-30);
            assertEquals(0, bce(m, -100, 0), 1e-30);
            // soft label 0.25 at x = 1: 1 - 0.25 + log(1 + e^-1) = 0.75 + 0.313262 = 1.063262
            assertEquals(1.063262, bce(m, 1, 0.25f), 1e-6);
        }
    }

    @Test
    void itIsTheStableFormToFloatRoundingOverTheWholeRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int step = -400; step <= 400; step++) {
                float x = step / 4f; // -100 .. 100 by 0.25: both sides of PyTorch's softplus threshold at 20
                for (float y : new float[] {0f, 1f, 0.3f}) {
                    // the stable form in double precision, as the Javadoc writes it
                    double want = Math.max(x, 0) - (double) x * y + Math.log1p(Math.exp(-Math.abs(x)));
                    // float32 rounding of the terms that cancel, 1e-6 relative on the rest, and e^-100 ~ 4e-44 (a
                    // float32 denormal) may be flushed to 0
                    double tolerance = 2e-7 * (Math.max(x, 0) + Math.abs(x * y)) + 1e-6 * want + 1e-43;
                    assertEquals(want, bce(m, x, y), tolerance, "x " + x + ", y " + y);
                }
            }
        }
    }

    @Test
    void theMeanAndItsGradientAreSigmoidMinusLabelOverN() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 2, -100, 100});
            NDArray y = m.create(new float[] {1, 0, 1, 1});
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.binaryCrossEntropyOnLogits(new NDList(x), new NDList(y));
                // (0.693147 + 2.126928 + 100 + 0) / 4 = 25.705019
                assertEquals(25.705019, loss.getFloat(), 1e-4);
                c.backward(loss);
            }
            // d/dx = (sigmoid(x) - y) / 4: (0.5 - 1) / 4, (0.880797 - 0) / 4, (0 - 1) / 4, (1 - 1) / 4
            assertArrayEquals(new float[] {-0.125f, 0.220199f, -0.25f, 0f}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void meanSquaredErrorIsTheMeanOfSquares() {
        try (NDManager m = NDManager.newBaseManager()) {
            // (1 - 0)^2, (2 - 4)^2: (1 + 4) / 2 = 2.5
            NDArray loss = Losses.meanSquaredError(new NDList(m.create(new float[] {1, 2})),
                    new NDList(m.create(new float[] {0, 4})));
            assertEquals(2.5, loss.getFloat(), 1e-7);
        }
    }
}
