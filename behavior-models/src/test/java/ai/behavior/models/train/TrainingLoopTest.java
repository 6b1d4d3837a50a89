package ai.behavior.models.train;

import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.predict.Network;
import ai.behavior.progress.Progress;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingLoopTest {
    private static final DeviceChoice CPU = DeviceSelector.choose(DevicePolicy.CPU, k -> null, k -> null,
            EngineFacts.detect());

    private static TrainingOptions quick() {
        return TrainingOptions.defaults().withEpochs(8).withBatchSize(64).withLearningRate(0.05).withPatience(0)
                .withDevice(DevicePolicy.CPU);
    }

    /** Weight (1 x 2) then bias (1) of a trained Linear(1). */
    private static float[] weightsAndBias(TrainingResult r) {
        float[] w = r.parameters().arrays().get(0).values();
        float[] b = r.parameters().arrays().get(1).values();
        return new float[] {w[0], w[1], b[0]};
    }

    @Test
    void everyOptimizerRecoversThePlantedLinearModel() {
        LinearTask data = new LinearTask(2000, 1);
        for (OptimizerKind kind : OptimizerKind.values()) {
            TrainingOptions o = quick().withOptimizer(kind).withLearningRate(kind == OptimizerKind.SGD ? 0.02 : 0.05);
            TrainingResult r = TrainingLoop.run(data.task(null), o, CPU);
            float[] p = weightsAndBias(r);
            // planted: 2, -3, 1; noise sd 0.1 over 2,000 rows leaves the least-squares fit within ~0.01
            assertEquals(2, p[0], 0.05, kind + " " + Arrays.toString(p));
            assertEquals(-3, p[1], 0.05, kind + " " + Arrays.toString(p));
            assertEquals(1, p[2], 0.05, kind + " " + Arrays.toString(p));
            assertTrue(r.epochs().get(r.epochs().size() - 1).trainLoss() < 0.02, kind + ": final loss "
                    + r.epochs().get(r.epochs().size() - 1).trainLoss()); // noise variance is 0.01
            assertEquals(8, r.bestEpoch());
            assertEquals("train_loss", r.metricName());
            assertFalse(r.bestMetric().isPresent());
        }
    }

    @Test
    void theSameSeedGivesIdenticalParametersAndAnotherSeedDoesNot() {
        LinearTask data = new LinearTask(500, 2);
        TrainingOptions o = quick().withEpochs(2).withSeed(7);
        float[] a = weightsAndBias(TrainingLoop.run(data.task(null), o, CPU));
        float[] b = weightsAndBias(TrainingLoop.run(data.task(null), o, CPU));
        float[] c = weightsAndBias(TrainingLoop.run(data.task(null), o.withSeed(8), CPU));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void earlyStoppingKeepsAndRestoresTheBestEpoch() {
        LinearTask data = new LinearTask(300, 3);
        // a scripted metric: epoch 2 is best (0.70); epochs 3 and 4 are worse, so patience 2 stops after epoch 4
        double[] script = {0.50, 0.70, 0.60, 0.65, 0.55, 0.90};
        LinearTask probe = new LinearTask(16, 4);
        List<float[]> seen = new ArrayList<>();
        Validation v = Validation.of("scripted", true, net -> {
            seen.add(net.outputs(probe, 8));
            return script[seen.size() - 1];
        });
        TrainingOptions o = quick().withEpochs(6).withPatience(2);
        TrainingResult r = TrainingLoop.run(data.task(v), o, CPU);
        assertTrue(r.stoppedEarly());
        assertEquals(4, r.epochs().size());
        assertEquals(2, r.bestEpoch());
        assertEquals(0.70, r.bestMetric().getAsDouble(), 0);
        assertEquals("scripted", r.metricName());
        assertEquals(0.65, r.epochs().get(3).validation().getAsDouble(), 0);
        // the kept parameters are epoch 2's: rebuilt, they reproduce the outputs seen after epoch 2 exactly
        try (Network net = Network.create(LinearTask::network, new Shape[] {new Shape(1, 2)}, r.parameters(), CPU)) {
            assertArrayEquals(seen.get(1), net.outputs(probe, 8));
            assertFalse(Arrays.equals(seen.get(3), net.outputs(probe, 8)));
        }
    }

    @Test
    void lowerIsBetterMetricsStopToo() {
        LinearTask data = new LinearTask(200, 5);
        double[] script = {3.0, 2.0, 2.5, 2.1, 1.0};
        int[] calls = {0};
        Validation v = Validation.of("val_rmse", false, net -> script[calls[0]++]);
        TrainingResult r = TrainingLoop.run(data.task(v), quick().withEpochs(5).withPatience(2), CPU);
        assertEquals(2, r.bestEpoch());
        assertEquals(4, r.epochs().size());
    }

    @Test
    void nativeMemoryStaysFlatFromEpochToEpochAndIsFreedAtTheEnd() {
        LinearTask data = new LinearTask(1000, 6);
        int before;
        try (NDManager probe = NDManager.newBaseManager()) {
            before = probe.getParentManager().getManagedArrays().size(); // every array of every manager
        }
        TrainingResult r = TrainingLoop.run(data.task(null), quick().withEpochs(4).withClipNorm(1.0), CPU);
        // Linear(1) has 2 parameters; Adam keeps 2 moment arrays each: 6 arrays, the same after every epoch
        for (EpochStats e : r.epochs()) {
            assertEquals(6, e.liveArrays(), "epoch " + e.epoch());
        }
        try (NDManager probe = NDManager.newBaseManager()) {
            assertEquals(before, probe.getParentManager().getManagedArrays().size());
        }
    }

    @Test
    void progressReportsEveryEpochWithLossMetricRateAndEta() {
        LinearTask data = new LinearTask(200, 7);
        List<Progress> updates = new ArrayList<>();
        Validation v = Validation.of("val_x", true, net -> 0.5);
        TrainingLoop.run(data.task(v), quick().withEpochs(3).withProgress(updates::add), CPU);
        assertEquals(3, updates.size());
        for (int i = 0; i < 3; i++) {
            Progress p = updates.get(i);
            assertEquals("linear", p.task());
            assertEquals(i + 1, p.done());
            assertEquals(3, p.total());
            assertEquals(List.of("loss", "val_x", "lr", "rows_per_s"), new ArrayList<>(p.metrics().keySet()));
            assertTrue(p.metrics().get("rows_per_s") > 0);
        }
        assertTrue(updates.get(0).etaSeconds() >= 0);
        assertEquals(0, updates.get(2).etaSeconds(), 0);
    }

    @Test
    void divergenceFailsClearlyInsteadOfPassingNaNAlong() {
        LinearTask data = new LinearTask(200, 8);
        TrainingOptions o = quick().withOptimizer(OptimizerKind.SGD).withLearningRate(1e6).withMomentum(0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingLoop.run(data.task(null), o, CPU));
        assertTrue(e.getMessage().contains("training diverged") && e.getMessage().contains("learning rate"),
                e.getMessage());
    }

    @Test
    void gradientClippingScalesByTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            // grads [3, 4] and [12]: global norm sqrt(9 + 16 + 144) = 13; clipping to 6.5 halves them
            NDArray g1 = m.create(new float[] {3, 4});
            NDArray g2 = m.create(new float[] {12});
            double norm = TrainingLoop.clip(new NDArray[] {g1, g2}, 6.5);
            assertEquals(13, norm, 1e-5);
            assertArrayEquals(new float[] {1.5f, 2f}, g1.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {6f}, g2.toFloatArray(), 1e-5f);
            // under the limit nothing changes
            assertEquals(Math.sqrt(1.5 * 1.5 + 4 + 36), TrainingLoop.clip(new NDArray[] {g1, g2}, 100), 1e-5);
            assertArrayEquals(new float[] {6f}, g2.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void clippingBoundsEachSgdStep() {
        // plain SGD, lr 1, no momentum, clip 0.01: one step moves the parameter vector by at most 0.01
        LinearTask data = new LinearTask(64, 9);
        TrainingOptions o = quick().withEpochs(1).withBatchSize(64).withOptimizer(OptimizerKind.SGD)
                .withLearningRate(1).withMomentum(0).withClipNorm(0.01).withDecay(LearningRateDecay.NONE);
        TrainingOptions noTraining = o.withLearningRate(1e-30);
        float[] start = weightsAndBias(TrainingLoop.run(data.task(null), noTraining, CPU));
        float[] after = weightsAndBias(TrainingLoop.run(data.task(null), o, CPU));
        double moved = 0;
        for (int i = 0; i < 3; i++) {
            moved += (after[i] - start[i]) * (after[i] - start[i]);
        }
        assertEquals(0.01, Math.sqrt(moved), 1e-4); // the unclipped gradient is far larger, so exactly the limit
    }

    @Test
    void batchBoundariesKeepTheShortLastBatchButNeverOneRow() {
        assertArrayEquals(new int[] {0, 4, 8, 10}, TrainingLoop.batchBounds(10, 4));
        assertArrayEquals(new int[] {0, 4, 8}, TrainingLoop.batchBounds(8, 4));
        assertArrayEquals(new int[] {0, 4, 9}, TrainingLoop.batchBounds(9, 4));   // 1 leftover row merged
        assertArrayEquals(new int[] {0, 1}, TrainingLoop.batchBounds(1, 4));
        assertArrayEquals(new int[] {0, 3}, TrainingLoop.batchBounds(3, 4));
    }

    @Test
    void optionsRejectBadValuesByName() {
        TrainingOptions d = TrainingOptions.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withEpochs(0)).getMessage().contains("epochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withBatchSize(0)).getMessage()
                .contains("batchSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(Double.NaN)).getMessage()
                .contains("learningRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withMomentum(1)).getMessage()
                .contains("momentum"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withClipNorm(-1)).getMessage()
                .contains("clipNorm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withPatience(-1)).getMessage()
                .contains("patience"));
        assertThrows(IllegalArgumentException.class, () -> d.withProgress(null));
        assertEquals(d.withDevice(DevicePolicy.gpu(1)).withSeed(5),
                TrainingOptions.fromJson(d.withDevice(DevicePolicy.gpu(1)).withSeed(5).toJson()));
    }
}
