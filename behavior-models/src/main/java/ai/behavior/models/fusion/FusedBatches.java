package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.BatchSource;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Rows of a {@link FeatureMatrix} as {@link FusedNetwork} batches: inputs {@code [dense (n, d) float32,
 * categorical (n, k) int32, ids (n, length) int32, mask (n, length) float32]} of one sequence feature, labels
 * {@code [(n) float32]}. Uses five {@link BatchArrays} slots; not thread-safe.
 *
 * <pre>{@code
 * BatchSource rows = new FusedBatches(train, 0, labels);
 * NDList x = rows.inputs(batch, order, 0, 512);
 * }</pre>
 */
public final class FusedBatches implements BatchSource {
    private final FeatureMatrix matrix;
    private final int sequence;
    private final int length;
    private final float[] labels;
    private final BatchArrays scratch;

    /** Batches of {@code matrix} with sequence feature number {@code sequence} and {@code labels} (may be null). */
    public FusedBatches(FeatureMatrix matrix, int sequence, float[] labels) {
        this(matrix, sequence, labels, new BatchArrays());
    }

    /** The same, building arrays in {@code scratch} (one per thread; see {@link BatchArrays}). */
    public FusedBatches(FeatureMatrix matrix, int sequence, float[] labels, BatchArrays scratch) {
        this.scratch = scratch;
        if (labels != null && labels.length != matrix.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + matrix.rows() + " rows");
        }
        this.matrix = matrix;
        this.sequence = sequence;
        this.length = matrix.schema().sequences().get(sequence).maxLength();
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
                scratch.ints(batch, 1, matrix.categoricalBlock(), matrix.schema().categoricalWidth(), rows, from, to),
                scratch.ints(batch, 2, matrix.sequenceIds(sequence), length, rows, from, to),
                scratch.floats(batch, 3, matrix.sequenceMask(sequence), length, rows, from, to));
    }

    @Override
    public NDList labels(NDManager batch, int[] rows, int from, int to) {
        if (labels == null) {
            throw new IllegalStateException("these batches have no labels");
        }
        return new NDList(scratch.floatVector(batch, 4, labels, rows, from, to));
    }
}
