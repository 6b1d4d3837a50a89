package ai.behavior.models.train;

import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One training run driven step by step: the same numbers as the loop, and nothing left behind. */
class TrainingSessionTest {
    private static final DeviceChoice CPU = DeviceSelector.choose(DevicePolicy.CPU, k -> null, k -> null,
            EngineFacts.detect());

    private static TrainingOptions options() {
        return TrainingOptions.defaults().withEpochs(3).withBatchSize(50).withLearningRate(0.05).withPatience(0)
                .withDevice(DevicePolicy.CPU).withSeed(11);
    }

    @Test
    void stepsInTheLoopsOrderGiveTheLoopsParametersBitForBit() {
        LinearTask data = new LinearTask(200, 12);
        TrainingOptions o = options();
        TrainingResult loop = TrainingLoop.run(data.task(null), o, CPU);
        // the loop: order shuffled by a SplittableRandom of the seed before every epoch, batches of 50 rows
        int[] order = new int[200];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom shuffle = new java.util.SplittableRandom(o.seed());
        try (TrainingSession s = TrainingSession.open(data.task(null), o, CPU, 3 * 4)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int from = 0; from < 200; from += 50) {
                    assertTrue(Double.isFinite(s.step(order, from, from + 50)));
                }
            }
            assertEquals(12, s.steps());
            for (int p = 0; p < 2; p++) {
                assertArrayEquals(loop.parameters().arrays().get(p).values(), s.parameters().arrays().get(p).values());
            }
        }
    }

    @Test
    void theLossFallsTheArraysStayFlatAndClosingFreesEverything() {
        LinearTask data = new LinearTask(400, 13);
        int before = engineArrays();
        TrainingSession s = TrainingSession.open(data.task(null), options().withLearningRate(0.2), CPU, 100);
        double first = s.step(null, 0, 400);
        int live = -1;
        double last = first;
        for (int k = 0; k < 30; k++) {
            last = s.step(null, 0, 400);
            if (k == 0) {
                live = s.liveArrays();
            }
            // Linear(1): weight and bias, their two Adam moments each; gradients and batches are freed every step
            assertEquals(6, s.liveArrays(), "after step " + (k + 2));
            assertEquals(live, s.liveArrays());
        }
        // the planted weights are 2, -3, 1 (loss about 14 at zero weights); 31 Adam steps of up to 0.2 reach them,
        // down to near the noise variance 0.01
        assertTrue(first > 5 && last < 0.5, first + " -> " + last);
        // cosine from 0.2 to 0.2 * 0.01 over 100 steps, at step 31: 0.002 + 0.198 * (1 + cos(0.31 pi)) / 2 = 0.15665
        assertEquals(0.15665, s.learningRate(), 1e-4);
        s.close();
        s.close(); // twice is harmless
        assertEquals(before, engineArrays());
        assertThrows(IllegalStateException.class, () -> s.step(null, 0, 10));
        assertThrows(IllegalStateException.class, s::parameters);
    }

    private static int engineArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
