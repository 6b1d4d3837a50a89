package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything model-specific the shared {@link TrainingLoop} needs: a factory of the (uninitialised) network, the
 * input shapes that initialise it, the training rows, the loss, and an optional validation metric. The MLP, the
 * sequence models and the two-tower model each build one of these.
 *
 * <pre>{@code
 * TrainingTask task = new TrainingTask("mlp", () -> new MlpBlock(spec), spec.inputShapes(), rows,
 *         Losses::binaryCrossEntropyOnLogits, auc);
 * TrainingResult r = TrainingLoop.run(task, TrainingOptions.defaults());
 * }</pre>
 *
 * @param name        task name in progress reports and logs
 * @param network     makes a fresh, uninitialised network; called once per training run (and again to load)
 * @param inputShapes shapes of the network inputs with batch size 1, for parameter initialisation
 * @param training    the training rows
 * @param loss        the mean loss of a batch, a scalar array
 * @param validation  the validation metric, or {@code null} to train every epoch and keep the last one
 */
public record TrainingTask(String name, Supplier<Block> network, Shape[] inputShapes, BatchSource training,
                           LossFunction loss, Validation validation) {
    /** Checks for nulls and an empty training set. */
    public TrainingTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(inputShapes, "inputShapes");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(loss, "loss");
        if (training.size() == 0) {
            throw new IllegalArgumentException(name + ": no training rows");
        }
    }

    /** The mean loss of a batch. */
    @FunctionalInterface
    public interface LossFunction {
        /** A scalar array: the mean loss of {@code predictions} against {@code labels}. */
        NDArray apply(NDList predictions, NDList labels);
    }
}
