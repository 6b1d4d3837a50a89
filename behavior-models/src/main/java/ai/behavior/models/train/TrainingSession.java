package ai.behavior.models.train;

import ai.behavior.models.device.DeviceChoice;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The state of one training run, one optimizer step at a time: the initialised network, its optimizer and the
 * manager that owns them. {@link TrainingLoop#run} drives one of these through epochs, validation and early
 * stopping; benchmarks and custom loops can drive it directly. Not thread-safe.
 *
 * <pre>{@code
 * try (TrainingSession s = TrainingSession.open(task, options, device, 1000)) {
 *     double loss = s.step(order, 0, 1024); TrainedParameters p = s.parameters(); }
 * }</pre>
 *
 * <p>Opening seeds PyTorch's global generator with the options' seed, then creates the manager and initialises
 * the task's network in it; every step's arrays live in a sub-manager closed at the end of the step, and the
 * gradient handles are closed after the update. Closing the session frees the parameters, the gradients and the
 * optimizer state.
 */
public final class TrainingSession implements AutoCloseable {
    private final TrainingTask task;
    private final TrainingOptions options;
    private final LearningRateSchedule schedule;
    private final Engine engine;
    private final NDManager manager;
    private final Block block;
    private final List<Parameter> trainable;
    private final Optimizer optimizer;
    private final ParameterStore store;
    private final Inference inference;
    private final NDArray[] grads;
    private long steps;
    private double gradientNorm = Double.NaN;
    private boolean closed;

    private TrainingSession(TrainingTask task, TrainingOptions options, LearningRateSchedule schedule,
                            Engine engine, NDManager manager) {
        this.task = task;
        this.options = options;
        this.schedule = schedule;
        this.engine = engine;
        this.manager = manager;
        this.block = task.network().get();
        block.initialize(manager, DataType.FLOAT32, task.inputShapes());
        this.trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
        this.grads = new NDArray[trainable.size()];
        this.optimizer = Optimizers.create(options, schedule, manager);
        this.store = new ParameterStore(manager, false);
        this.inference = new Inference() {
            @Override
            public NDManager newBatchManager() {
                return manager.newSubManager();
            }

            @Override
            public NDList forward(NDList inputs) {
                return block.forward(store, inputs, false);
            }
        };
    }

    /**
     * Seeds PyTorch's generator with {@code options.seed()}, creates the run's manager on {@code device} and
     * initialises the task's network there. {@code totalSteps} is where the learning-rate decay ends (steps after
     * it keep the final rate).
     */
    public static TrainingSession open(TrainingTask task, TrainingOptions options, DeviceChoice device,
                                       long totalSteps) {
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.warmupSteps(),
                Math.max(1, totalSteps), options.decay(), options.finalLearningRate());
        Engine engine = Engine.getInstance();
        engine.setRandomSeed((int) (options.seed() ^ (options.seed() >>> 32)));
        NDManager manager = engine.newBaseManager(device.device());
        try {
            return new TrainingSession(task, options, schedule, engine, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * One optimizer step on rows {@code order[from..to)} of the task's training rows ({@code order == null}: rows
     * {@code from..to-1}); returns the batch's mean loss. A non-finite loss, or (when the options clip gradients) a
     * non-finite global gradient norm, is returned without updating any parameter: the caller decides how to fail
     * ({@link TrainingLoop} stops with an error naming the epoch, batch and value; see {@link #gradientNorm()}).
     *
     * <p>Cost outside the network: one read of native memory per step, whatever the options: the loss alone, or
     * the loss and the squared gradient norm (reduced natively over all parameters) together in one array.
     */
    public double step(int[] order, int from, int to) {
        checkOpen();
        steps++;
        gradientNorm = Double.NaN;
        try (NDManager batch = manager.newSubManager()) {
            NDList x = task.training().inputs(batch, order, from, to);
            NDList y = task.training().labels(batch, order, from, to);
            NDArray l;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDList predictions = block.forward(store, x, true);
                l = task.loss().apply(predictions, y);
                collector.backward(l);
            }
            try {
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = trainable.get(i).getArray().getGradient();
                }
                double loss;
                if (options.clipNorm() > 0) {
                    // loss and squared norm in one array: one read of native memory for both
                    NDArray squared = squaredNorm(grads, batch);
                    float[] both = NDArrays.stack(new NDList(l.reshape(1), squared.reshape(1))).toFloatArray();
                    loss = both[0];
                    gradientNorm = Math.sqrt(both[1]);
                    if (!Double.isFinite(loss) || !Double.isFinite(gradientNorm)) {
                        return loss;
                    }
                    scale(grads, gradientNorm, options.clipNorm());
                } else {
                    loss = l.getFloat();
                    if (!Double.isFinite(loss)) {
                        return loss;
                    }
                }
                for (int i = 0; i < grads.length; i++) {
                    Parameter p = trainable.get(i);
                    optimizer.update(p.getId(), p.getArray(), grads[i]);
                }
                return loss;
            } finally {
                for (int i = 0; i < grads.length; i++) {
                    if (grads[i] != null) {
                        grads[i].close();
                        grads[i] = null;
                    }
                }
            }
        }
    }

    /**
     * The global L2 norm of the gradients of the last step when the options clip gradients (before clipping; it
     * may be NaN or infinite when the step diverged); empty when clipping is off, since the norm is then never
     * computed.
     */
    public OptionalDouble gradientNorm() {
        return options.clipNorm() > 0 && steps > 0 ? OptionalDouble.of(gradientNorm) : OptionalDouble.empty();
    }

    /** The sum of squares of every gradient value, a scalar array in {@code scope}. */
    static NDArray squaredNorm(NDArray[] grads, NDManager scope) {
        NDArray sum = null;
        for (NDArray g : grads) {
            // gradients live in the parameters' manager: move every intermediate into the batch's scope
            NDArray sq = g.square();
            sq.attach(scope);
            NDArray s = sq.sum();
            s.attach(scope);
            sum = sum == null ? s : sum.add(s);
        }
        return sum == null ? scope.zeros(new Shape()) : sum;
    }

    /** Scales every gradient by {@code maxNorm / norm} in place when {@code norm > maxNorm}. */
    static void scale(NDArray[] grads, double norm, double maxNorm) {
        if (norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : grads) {
                g.muli(factor);
            }
        }
    }

    /** Optimizer steps taken (including a last one that returned a non-finite loss). */
    public long steps() {
        return steps;
    }

    /** The learning rate of the last step (of the first step before any). */
    public float learningRate() {
        return schedule.rate(steps);
    }

    /** The network in inference mode (no dropout, batch-norm running statistics), for validation. */
    public Inference inference() {
        checkOpen();
        return inference;
    }

    /** The network being trained; its parameters live in this session's manager. */
    public Block block() {
        return block;
    }

    /** A copy of the parameters as they are now, in Java memory. */
    public TrainedParameters parameters() {
        checkOpen();
        return TrainedParameters.of(block);
    }

    /** Native arrays alive in the session's manager: parameters, gradients, optimizer state and any open batch. */
    public int liveArrays() {
        checkOpen();
        return manager.getManagedArrays().size();
    }

    /** Frees every native array of the run. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(task.name() + ": the training session was closed");
        }
    }
}
