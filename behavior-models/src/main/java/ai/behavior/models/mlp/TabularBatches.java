package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.BatchSource;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Rows of a {@link FeatureMatrix} (and their labels) as MLP batches: inputs {@code [dense (n, d) float32,
 * categorical (n, k) int32]}, labels {@code [(n) float32]}. Uses three {@link BatchArrays} slots; not
 * thread-safe.
 *
 * <pre>{@code
 * BatchSource rows = new TabularBatches(train, labels);
 * NDList x = rows.inputs(batch, order, 0, 1024);
 * }</pre>
 */
public final class TabularBatches implements BatchSource {
    private final FeatureMatrix matrix;
    private final float[] labels;
    private final BatchArrays scratch = new BatchArrays();

    /** Batches of {@code matrix} with {@code labels} (one per row; may be null for inference only). */
    public TabularBatches(FeatureMatrix matrix, float[] labels) {
        if (labels != null && labels.length != matrix.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + matrix.rows() + " rows");
        }
        this.matrix = matrix;
        this.labels = labels;
    }

    @Override
    public int size() {
        return matrix.rows();
    }

    @Override
    public NDList inputs(NDManager batch, int[] rows, int from, int to) {
        return new NDList(
                scratch.floats(batch, 0, matrix.denseBlock(), matrix.schema().denseWidth(), rows, from, to),
                scratch.ints(batch, 1, matrix.categoricalBlock(), matrix.schema().categoricalWidth(), rows, from, to));
    }

    @Override
    public NDList labels(NDManager batch, int[] rows, int from, int to) {
        if (labels == null) {
            throw new IllegalStateException("these batches have no labels");
        }
        return new NDList(scratch.floatVector(batch, 2, labels, rows, from, to));
    }
}
