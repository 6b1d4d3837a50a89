package ai.behavior.models.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A lookup table of {@code rows} learned vectors of size {@code dim}: int ids of any shape in, float vectors out
 * (the id shape plus {@code dim}). Ids must lie in {@code [0, rows)}; callers check them before the batch is
 * built, because an out-of-range id fails deep in native code. Initialised from N(0, 0.05^2).
 *
 * <pre>{@code
 * EmbeddingTable brand = new EmbeddingTable(schema.categorical("brand").cardinality(), 8);
 * NDArray vectors = brand.forward(store, new NDList(ids), training).head();   // (batch, 8)
 * }</pre>
 */
public final class EmbeddingTable extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int rows;
    private final int dim;
    private final Parameter weight;

    /** A table of {@code rows} vectors of size {@code dim}. */
    public EmbeddingTable(int rows, int dim) {
        super(VERSION);
        if (rows < 1 || dim < 1) {
            throw new IllegalArgumentException("an embedding table needs rows >= 1 and dim >= 1, got " + rows + " x "
                    + dim);
        }
        this.rows = rows;
        this.dim = dim;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, dim)).optInitializer(new NormalInitializer(0.05f)).build());
    }

    /** Number of vectors. */
    public int rows() {
        return rows;
    }

    /** Vector size. */
    public int dim() {
        return dim;
    }

    /**
     * The whole table {@code (rows, dim)} as the parameter store serves it for {@code device}: for output layers
     * that score against every row (tied item embeddings).
     */
    public NDArray weight(ParameterStore store, Device device, boolean training) {
        return store.getValue(weight, device, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, ids.getDevice(), training);
        return Embedding.embedding(ids, w, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].addAll(new Shape(dim))};
    }
}
