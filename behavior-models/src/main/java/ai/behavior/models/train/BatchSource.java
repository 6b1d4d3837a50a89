package ai.behavior.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Training or validation rows that build their own batch arrays: the {@link TrainingLoop} hands a row order and a
 * range and a batch-scoped manager, and the source creates the input and label arrays in that manager (with
 * {@link BatchArrays}), so every batch's native memory is freed when the loop closes the manager.
 *
 * <pre>{@code
 * NDList x = source.inputs(batch, order, 0, 1024);   // rows order[0..1024)
 * NDList y = source.labels(batch, order, 0, 1024);
 * }</pre>
 *
 * <p>Implementations are not expected to be thread-safe: the loop calls one source from one thread.
 */
public interface BatchSource {
    /** Number of rows. */
    int size();

    /**
     * The network inputs for rows {@code rows[from..to)} ({@code rows == null}: rows {@code from..to-1} in order),
     * created in {@code batch}.
     */
    NDList inputs(NDManager batch, int[] rows, int from, int to);

    /** The labels for the same rows, created in {@code batch}, in the layout the loss expects. */
    NDList labels(NDManager batch, int[] rows, int from, int to);
}
