package ai.behavior.models.fusion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One output of a block with several: wraps {@code inner} and returns only its output number {@code index}
 * (for example the last state of a sequence network that also returns every state). The inner block's
 * parameters are this block's.
 *
 * <pre>{@code
 * Block last = new OutputOf(new SequenceNetwork(architecture), 1, 64);   // (batch, 64)
 * }</pre>
 */
public final class OutputOf extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Block inner;
    private final int index;
    private final int dim;

    /** Output {@code index} of {@code inner}, a {@code (batch, dim)} array. */
    public OutputOf(Block inner, int index, int dim) {
        super(VERSION);
        if (index < 0 || dim < 1) {
            throw new IllegalArgumentException("need index >= 0 and dim >= 1, got " + index + " and " + dim);
        }
        this.inner = addChildBlock("inner", inner);
        this.index = index;
        this.dim = dim;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(inner.forward(store, inputs, training).get(index));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
    }
}
