package ai.behavior.models.predict;

import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.train.Inference;
import ai.behavior.models.train.TrainedParameters;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import java.util.function.Supplier;

/**
 * A trained network ready for inference: it owns the {@link NDManager} that holds its parameters (frozen, so no
 * autograd graph is ever built) and runs batches whose arrays live in short-lived sub-managers. Forward passes are
 * safe from many threads at once; each caller scopes its own batches.
 *
 * <pre>{@code
 * try (Network net = Network.create(() -> new MlpBlock(arch), arch.inputShapes(), result.parameters(), device)) {
 *     try (NDManager batch = net.newBatchManager()) { float[] y = net.forward(inputs(batch)).head().toFloatArray(); } }
 * }</pre>
 */
public final class Network implements Inference, AutoCloseable {
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;
    private final DeviceReport device;
    private volatile boolean closed;

    private Network(NDManager manager, Block block, DeviceReport device) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
        this.device = device;
    }

    /**
     * Builds the network from {@code factory}, initialises it for {@code inputShapes} on the chosen device and
     * copies {@code parameters} in.
     *
     * @throws IllegalArgumentException when the parameters do not match the network (names or shapes)
     */
    public static Network create(Supplier<Block> factory, Shape[] inputShapes, TrainedParameters parameters,
                                 DeviceChoice device) {
        NDManager manager = Engine.getInstance().newBaseManager(device.device());
        try {
            Block block = factory.get();
            // zeros: the values are overwritten at once, and random init would disturb the seeded generator
            block.setInitializer(Initializer.ZEROS, p -> true);
            block.initialize(manager, DataType.FLOAT32, inputShapes);
            block.freezeParameters(true);
            parameters.copyInto(block);
            return new Network(manager, block, device.report());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The network (its parameters live in {@link #manager()}). */
    public Block block() {
        return block;
    }

    /** The manager that owns the parameters; batch managers are its children. */
    public NDManager manager() {
        return manager;
    }

    /** Where the network runs. */
    public DeviceReport device() {
        return device;
    }

    /** Native arrays alive under this network's manager (parameters plus any open batch). */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public NDManager newBatchManager() {
        checkOpen();
        return manager.newSubManager();
    }

    @Override
    public NDList forward(NDList inputs) {
        checkOpen();
        return block.forward(store, inputs, false);
    }

    /** A copy of the parameters in Java memory (for saving). */
    public TrainedParameters parameters() {
        checkOpen();
        return TrainedParameters.of(block);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Frees the parameters' native memory; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the network was closed");
        }
    }
}
