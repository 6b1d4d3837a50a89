package ai.behavior.models.train;

import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A non-finite loss or gradient norm stops training with an error naming the epoch, the batch and the value, and
 * never reaches the parameters. 200 rows in batches of 50: training forward pass 6 is epoch 2, batch 2.
 */
class DivergenceTest {
    private static final DeviceChoice CPU = DeviceSelector.choose(DevicePolicy.CPU, k -> null, k -> null,
            EngineFacts.detect());
    private static final LinearTask DATA = new LinearTask(200, 21);

    private static TrainingOptions options() {
        return TrainingOptions.defaults().withEpochs(3).withBatchSize(50).withLearningRate(0.05).withPatience(0)
                .withDevice(DevicePolicy.CPU).withSeed(5);
    }

    private static TrainingTask poisoned(PoisonedLinear.Poison poison, int at) {
        return new TrainingTask("poisoned", () -> new PoisonedLinear(poison, at), new Shape[] {new Shape(1, 2)},
                DATA, (p, l) -> p.head().reshape(-1).sub(l.head()).square().mean(), null);
    }

    @Test
    void aNanLossNamesEpochBatchAndValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(poisoned(PoisonedLinear.Poison.NAN_OUTPUT, 6), options(), CPU));
        assertTrue(e.getMessage().startsWith("poisoned: training diverged: the loss is NaN at epoch 2, batch 2 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void aNanGradientNormIsCaughtWhereClippingComputesIt() {
        // the loss of pass 6 is finite; only its gradients are NaN, and the clipping norm sees them
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrainingLoop.run(
                poisoned(PoisonedLinear.Poison.NAN_GRADIENT, 6), options().withClipNorm(1), CPU));
        assertTrue(e.getMessage().startsWith("poisoned: training diverged: the gradient norm is NaN (loss "),
                e.getMessage());
        assertTrue(e.getMessage().contains(" at epoch 2, batch 2 ") && e.getMessage().contains("clipNorm (now 1.0)"),
                e.getMessage());
    }

    @Test
    void withoutClippingNanGradientsShowInTheNextBatchsLoss() {
        // nothing reads the gradients, so the NaN update lands; the next batch's loss is NaN and stops the run
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(poisoned(PoisonedLinear.Poison.NAN_GRADIENT, 6), options(), CPU));
        assertTrue(e.getMessage().contains("the loss is NaN at epoch 2, batch 3 "), e.getMessage());
    }

    @Test
    void aNanOnTheLastUpdateNeverReachesTheResult() {
        // 3 epochs x 4 batches: pass 12 is the last; its NaN gradients land and no later loss would see them
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(poisoned(PoisonedLinear.Poison.NAN_GRADIENT, 12), options(), CPU));
        assertTrue(e.getMessage().contains("parameter '") && e.getMessage().contains("holds NaN")
                && e.getMessage().contains("after epoch 3"), e.getMessage());
    }

    @Test
    void aHugeLearningRateDivergesWithAClearError() {
        TrainingOptions o = options().withOptimizer(OptimizerKind.SGD).withLearningRate(1e30).withMomentum(0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(DATA.task(null), o, CPU));
        assertTrue(e.getMessage().matches("(?s)linear: training diverged: the loss is (NaN|Infinity) at epoch \\d+, "
                + "batch \\d+ .*"), e.getMessage());
    }

    @Test
    void aSessionReportsTheNormOnlyWhenClippingAndKeepsItsArraysFlat() {
        try (TrainingSession plain = TrainingSession.open(DATA.task(null), options(), CPU, 10)) {
            plain.step(null, 0, 50);
            assertFalse(plain.gradientNorm().isPresent());
        }
        try (TrainingSession s = TrainingSession.open(DATA.task(null), options().withClipNorm(0.5), CPU, 10)) {
            for (int k = 0; k < 5; k++) {
                assertTrue(Double.isFinite(s.step(null, 50 * (k % 4), 50 * (k % 4) + 50)));
                assertTrue(s.gradientNorm().getAsDouble() > 0);
                // weight and bias with two Adam moments each: the norm's intermediates are freed with the batch
                assertEquals(6, s.liveArrays(), "after step " + (k + 1));
            }
        }
    }

    @Test
    void aPoisonedSessionStepUpdatesNothing() {
        try (TrainingSession s = TrainingSession.open(poisoned(PoisonedLinear.Poison.NAN_GRADIENT, 2),
                options().withClipNorm(1), CPU, 10)) {
            s.step(null, 0, 50);
            TrainedParameters before = s.parameters();
            double loss = s.step(null, 50, 100);
            assertTrue(Double.isFinite(loss));
            assertTrue(Double.isNaN(s.gradientNorm().getAsDouble()));
            for (int p = 0; p < 2; p++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(before.arrays().get(p).values(),
                        s.parameters().arrays().get(p).values());
            }
        }
    }
}
