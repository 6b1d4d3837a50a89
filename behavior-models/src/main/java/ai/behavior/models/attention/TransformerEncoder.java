package ai.behavior.models.attention;

import ai.behavior.models.nn.EmbeddingTable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The SASRec-style encoder over LEFT-padded event embeddings: {@code x * sqrt(d)} (or {@code x} as it is, see
 * {@link #TransformerEncoder(int, int, int, int, int, float, boolean)}) plus a learned position embedding, dropout,
 * padding zeroed, then {@code layers} pre-layer-norm {@link TransformerLayer}s under the
 * causal, padding-aware {@link AttentionMask} (padding zeroed again after each), and a final LayerNorm.
 *
 * <pre>{@code
 * TransformerEncoder encoder = new TransformerEncoder(64, 50, 2, 2, 256, 0.2f);
 * NDArray states = encoder.forward(store, new NDList(x, mask), training).head();   // (B, T, 64)
 * }</pre>
 *
 * <p>Inputs: {@code x (B, T, d)} float and {@code mask (B, T)} float (1 = event, 0 = padding), {@code T <=
 * maxLength}; output {@code (B, T, d)}, the state at position {@code t} having seen events {@code 0..t} only.
 * Positions count from the end: the last slot (the most recent event under left padding) always gets position
 * row {@code maxLength - 1}, so a sequence has the same positions however long the batch's rows are.
 */
public final class TransformerEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int dim;
    private final int maxLength;
    private final boolean scaleInput;
    private final EmbeddingTable positions;
    private final Dropout inputDropout;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    /**
     * An encoder of {@code dim}-wide events, at most {@code maxLength} per sequence, with {@code layers} blocks
     * of {@code heads} heads and feed-forward width {@code ffn}, and dropout {@code rate}; the input is scaled by
     * {@code sqrt(dim)} as in the original Transformer and the SASRec paper.
     */
    public TransformerEncoder(int dim, int maxLength, int layers, int heads, int ffn, float rate) {
        this(dim, maxLength, layers, heads, ffn, rate, true);
    }

    /**
     * As {@link #TransformerEncoder(int, int, int, int, int, float)}, multiplying the input by {@code sqrt(dim)}
     * only when {@code scaleInput}. Unscaled, embeddings drawn at the same scale as the positions stay comparable
     * to them (RecBole's SASRec adds them as they are).
     */
    public TransformerEncoder(int dim, int maxLength, int layers, int heads, int ffn, float rate,
                              boolean scaleInput) {
        super(VERSION);
        if (maxLength < 1 || layers < 1) {
            throw new IllegalArgumentException("a transformer encoder needs maxLength >= 1 and layers >= 1, got "
                    + maxLength + " and " + layers);
        }
        this.dim = dim;
        this.maxLength = maxLength;
        this.scaleInput = scaleInput;
        this.positions = addChildBlock("positions", new EmbeddingTable(maxLength, dim));
        this.inputDropout = addChildBlock("input_dropout", Dropout.builder().optRate(rate).build());
        for (int i = 0; i < layers; i++) {
            this.layers.add(addChildBlock("layer" + i, new TransformerLayer(dim, heads, ffn, rate)));
        }
        this.finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(run(store, inputs.get(0), inputs.get(1), training, null));
    }

    /**
     * The attention weights of every layer for {@code x (B, T, d)} and {@code mask (B, T)} as inference computes
     * them (no dropout): one {@code (B, heads, T, T)} array per layer, first layer first, entry {@code [b, h, i, j]}
     * = the weight query position {@code i} gives key position {@code j}. Rows sum to 1; a key in a query's future
     * or a padding key gets exactly 0. The arrays live in {@code x}'s manager.
     */
    public NDList attentionWeights(ParameterStore store, NDArray x, NDArray mask) {
        NDList weights = new NDList(layers.size());
        run(store, x, mask, false, weights);
        return weights;
    }

    /** Number of Transformer layers. */
    public int layers() {
        return layers.size();
    }

    /** The encoded states; each layer's attention weights go to {@code weights} when it is not null. */
    private NDArray run(ParameterStore store, NDArray x, NDArray mask, boolean training, NDList weights) {
        long b = x.getShape().get(0);
        int t = Math.toIntExact(x.getShape().get(1));
        if (t > maxLength) {
            throw new IllegalArgumentException("sequences of " + t + " positions exceed the encoder's maximum length "
                    + maxLength);
        }
        NDManager batch = x.getManager();
        NDArray rows = batch.arange(maxLength - t, maxLength);
        NDArray pos = positions.forward(store, new NDList(rows), training).head().reshape(1, t, dim);
        NDArray keep = mask.reshape(b, t, 1);
        // a scalar made in the batch's manager, not x.mul(float): DJL closes the scalar of mul(Number) at once,
        // and the autograd graph still reads it in backward (freed memory once the GC runs)
        NDArray h;
        if (scaleInput) {
            NDArray scale = batch.create((float) Math.sqrt(dim));
            h = x.mul(scale).add(pos);
        } else {
            h = x.add(pos);
        }
        h = inputDropout.forward(store, new NDList(h), training).head().mul(keep);
        NDArray additive = AttentionMask.causal(mask);
        for (TransformerLayer layer : layers) {
            if (weights != null) {
                weights.add(layer.attentionWeights(store, h, additive));
            }
            h = layer.forward(store, new NDList(h, additive), training).head().mul(keep);
        }
        NDArray normed = finalNorm.forward(store, new NDList(h.reshape(b * t, dim)), training).head();
        return normed.reshape(b, t, dim);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        positions.initialize(manager, dataType, new Shape(1));
        inputDropout.initialize(manager, dataType, new Shape(1, 1, dim));
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, 1, dim), new Shape(1, 1, 1));
        }
        finalNorm.initialize(manager, dataType, new Shape(1, dim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
