package ai.behavior.models.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A network in inference mode (no dropout, batch-norm running statistics): what a {@link Validation} sees during
 * training and what a trained model's predictor runs. Results are attached to the manager of the inputs, so
 * building inputs in a {@link #newBatchManager()} and closing it frees everything the batch made.
 *
 * <pre>{@code
 * try (NDManager batch = inference.newBatchManager()) {
 *     float[] scores = inference.forward(source.inputs(batch, null, 0, n)).head().toFloatArray(); }
 * }</pre>
 */
public interface Inference {
    /** A new manager for one batch; close it when the batch is done. */
    NDManager newBatchManager();

    /** Runs the network on {@code inputs} in inference mode. */
    NDList forward(NDList inputs);

    /**
     * Runs every row of {@code source} in order, {@code batchSize} rows per batch, and returns the first output
     * of each batch flattened and concatenated (for a network with one value per row: one value per row).
     */
    default float[] outputs(BatchSource source, int batchSize) {
        int n = source.size();
        float[] out = null;
        int written = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            try (NDManager batch = newBatchManager()) {
                float[] part = forward(source.inputs(batch, null, from, to)).head().toFloatArray();
                if (out == null) {
                    long perRow = part.length / (to - from);
                    out = new float[Math.toIntExact(perRow * n)];
                }
                System.arraycopy(part, 0, out, written, part.length);
                written += part.length;
            }
        }
        return out == null ? new float[0] : out;
    }
}
