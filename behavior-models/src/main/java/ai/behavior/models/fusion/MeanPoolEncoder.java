package ai.behavior.models.fusion;

import ai.behavior.models.nn.EmbeddingTable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The simplest sequence encoder: the mean of the learned embeddings of the real (unmasked) positions. Inputs
 * {@code ids (batch, length) int32} and {@code mask (batch, length) float32}; output {@code (batch, dim)}. A row
 * with no event (all padding) gets the zero vector. Order-blind by design: a baseline for recurrent and attention
 * encoders, and a cheap encoder where order carries little.
 *
 * <pre>{@code
 * MeanPoolEncoder enc = new MeanPoolEncoder(spec.vocabularySize(), 32);
 * NDArray s = enc.forward(store, new NDList(ids, mask), training).head();   // (batch, 32)
 * }</pre>
 */
public final class MeanPoolEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int dim;
    private final EmbeddingTable embedding;

    /** An encoder over {@code vocabularySize} ids (padding and unknown included) into {@code dim} values. */
    public MeanPoolEncoder(int vocabularySize, int dim) {
        super(VERSION);
        this.dim = dim;
        this.embedding = addChildBlock("emb", new EmbeddingTable(vocabularySize, dim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray vectors = embedding.forward(store, new NDList(ids), training).head(); // (b, l, d)
        NDArray weighted = vectors.mul(mask.expandDims(2)).sum(new int[] {1});
        // an all-padding row divides by 1 and stays zero
        NDArray count = mask.sum(new int[] {1}, true).maximum(1f);
        return new NDList(weighted.div(count));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, new Shape(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
    }
}
