package ai.behavior.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * The peer of our MLP training: the same network trained the way a DJL user writes it by hand, with nothing of
 * ours in between: a {@link SequentialBlock} of {@code Linear -> ReLU} layers and a {@code Linear(1)} logit, a
 * {@link Model} and {@link Trainer} from a {@link DefaultTrainingConfig} (sigmoid binary cross-entropy, Adam at a
 * fixed learning rate), each batch's arrays created with {@code manager.create(float[], shape)} in a batch
 * sub-manager, then {@link EasyTrain#trainBatch} and {@link Trainer#step()}.
 *
 * <pre>{@code
 * try (BareDjlMlp bare = BareDjlMlp.create(32, List.of(128, 64), 1024, 1e-3f, 42)) {
 *     double rowsPerSecond = bare.epoch(x, y, order); bare.forward(x, 0, 1024, logits); }
 * }</pre>
 *
 * <p>Rows are row-major {@code float[rows * width]} with labels {@code float[rows]} in {0, 1}. Not thread-safe.
 * The only thing it does that plain tutorial code does not is reuse two Java arrays for gathering a batch's
 * rows (so that the gather costs the same as in our loop). DJL's stock Adam keeps its moment arrays outside
 * every manager; closing this peer closes the model and trainer but cannot free those (a known DJL leak of twice
 * the parameter size per trainer, about 100 KB here).
 */
public final class BareDjlMlp implements AutoCloseable {
    private final int width;
    private final int batchSize;
    private final Model model;
    private final Trainer trainer;
    private final float[] xs;
    private final float[] ys;
    private final ParameterStore inferenceStore;
    private long batches;

    private BareDjlMlp(int width, int batchSize, Model model, Trainer trainer) {
        this.width = width;
        this.batchSize = batchSize;
        this.model = model;
        this.trainer = trainer;
        this.xs = new float[batchSize * width];
        this.ys = new float[batchSize];
        this.inferenceStore = new ParameterStore(trainer.getManager(), false);
    }

    /**
     * A freshly initialised network {@code width -> hidden... -> 1} (DJL's default initialisers) and its trainer,
     * with PyTorch's generator seeded by {@code seed}.
     */
    public static BareDjlMlp create(int width, List<Integer> hidden, int batchSize, float learningRate, long seed) {
        if (width < 1 || batchSize < 2) {
            throw new IllegalArgumentException("need width >= 1 and batchSize >= 2, got " + width + ", " + batchSize);
        }
        Engine.getInstance().setRandomSeed((int) seed);
        SequentialBlock net = new SequentialBlock();
        for (int units : hidden) {
            net.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
        }
        net.add(Linear.builder().setUnits(1).build());
        Model model = Model.newInstance("bare-djl-mlp");
        model.setBlock(net);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(batchSize, width));
        return new BareDjlMlp(width, batchSize, model, trainer);
    }

    /** The batch size this peer was built for (its largest batch). */
    public int batchSize() {
        return batchSize;
    }

    /** Optimizer steps taken so far. */
    public long steps() {
        return batches;
    }

    /** Trains one epoch over {@code order} in batches; returns rows per second of the epoch. */
    public double epoch(float[] x, float[] y, int[] order) {
        long start = System.nanoTime();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            if (to - from < 2) {
                break; // as our loop, no batch of one row
            }
            step(x, y, order, from, to);
        }
        return order.length / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    /**
     * One optimizer step on rows {@code order[from..to)} of {@code x} / {@code y} ({@code to - from} at most the
     * batch size). Like {@link EasyTrain#fit} without listeners, it never reads the loss back into Java.
     */
    public void step(float[] x, float[] y, int[] order, int from, int to) {
        int n = to - from;
        if (n < 1 || n > batchSize) {
            throw new IllegalArgumentException("a batch of " + n + " rows; this peer takes 1.." + batchSize);
        }
        for (int k = 0; k < n; k++) {
            int r = order[from + k];
            System.arraycopy(x, r * width, xs, k * width, width);
            ys[k] = y[r];
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            float[] xb = n == batchSize ? xs : java.util.Arrays.copyOf(xs, n * width);
            float[] yb = n == batchSize ? ys : java.util.Arrays.copyOf(ys, n);
            Batch batch = new Batch(manager, new NDList(manager.create(xb, new Shape(n, width))),
                    new NDList(manager.create(yb, new Shape(n, 1))), n, Batchifier.STACK, Batchifier.STACK, batches,
                    0);
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            batches++;
        }
    }

    /**
     * Inference the bare way: rows {@code [from, to)} of {@code x} as one array ({@code manager.create} from a
     * wrapped slice), the block's forward in inference mode in a sub-manager, the logits read back into
     * {@code out[0..to-from)}.
     */
    public void forward(float[] x, int from, int to, float[] out) {
        int n = to - from;
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray data = manager.create(FloatBuffer.wrap(x, from * width, n * width), new Shape(n, width));
            float[] z = model.getBlock().forward(inferenceStore, new NDList(data), false).singletonOrThrow()
                    .toFloatArray();
            System.arraycopy(z, 0, out, 0, n);
        }
    }

    /** Closes the trainer and the model (and so every array they hold except DJL's detached Adam state). */
    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
