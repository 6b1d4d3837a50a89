package ai.behavior.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention under an additive mask: one fused {@code Linear(3 d)} projects
 * queries, keys and values, each of {@code heads} heads attends with {@code softmax(q k^T / sqrt(d / heads) +
 * mask)}, dropout falls on the attention weights while training, and a {@code Linear(d)} mixes the heads.
 *
 * <pre>{@code
 * CausalSelfAttention attention = new CausalSelfAttention(64, 2, 0.2f);
 * NDArray y = attention.forward(store, new NDList(x, AttentionMask.causal(mask)), training).head();  // (B, T, 64)
 * }</pre>
 *
 * <p>Inputs: {@code x (B, T, d)} float and the additive mask {@code (B, T, T)} of {@link AttentionMask}; output
 * {@code (B, T, d)}. Written with NDArray operations rather than DJL's {@code ScaledDotProductAttentionBlock} so
 * that one projection serves the three inputs and the mask is the exact-zero additive form.
 */
public final class CausalSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int dim;
    private final int heads;
    private final Linear qkv;
    private final Linear out;
    private final Dropout dropout;

    /**
     * Attention over {@code dim}-wide inputs with {@code heads} heads ({@code dim} divisible by {@code heads}) and
     * dropout {@code rate} on the attention weights.
     */
    public CausalSelfAttention(int dim, int heads, float rate) {
        super(VERSION);
        if (dim < 1 || heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("attention needs dim >= 1 divisible by heads >= 1, got dim " + dim
                    + " and " + heads + " heads");
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("attention dropout must be in [0, 1), got " + rate);
        }
        this.dim = dim;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dim).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(dim).build());
        this.dropout = addChildBlock("dropout", Dropout.builder().optRate(rate).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray[] attended = attend(store, x, inputs.get(1), training);
        NDArray weights = dropout.forward(store, new NDList(attended[0]), training).head();
        NDArray mixed = weights.matMul(attended[1]).transpose(0, 2, 1, 3).reshape(b * t, dim);
        return new NDList(out.forward(store, new NDList(mixed), training).head().reshape(b, t, dim));
    }

    /**
     * The attention weights for {@code x (B, T, d)} under the additive {@code mask (B, T, T)}, as inference computes
     * them (no dropout): {@code (B, heads, T, T)}, entry {@code [b, h, i, j]} = how much query position {@code i}
     * takes from key position {@code j} in head {@code h}; each row sums to 1 and blocked pairs are exactly 0.
     * The array lives in {@code x}'s manager.
     */
    public NDArray weights(ParameterStore store, NDArray x, NDArray mask) {
        return attend(store, x, mask, false)[0];
    }

    /** {softmax weights (B, heads, T, T), values (B, heads, T, headDim)}. */
    private NDArray[] attend(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long headDim = dim / heads;
        NDArray projected = qkv.forward(store, new NDList(x.reshape(b * t, dim)), training).head();
        // (B*T, 3d) -> (B, T, 3, heads, headDim) -> (3, B, heads, T, headDim)
        NDArray split = projected.reshape(b, t, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = split.get(0);
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        // the scale lives in the batch's manager until backward (see TransformerEncoder: never mul(Number) in a graph)
        NDArray scale = x.getManager().create((float) (1.0 / Math.sqrt(headDim)));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(mask.reshape(b, 1, t, t));
        return new NDArray[] {scores.softmax(-1), v};
    }

    /** Number of heads. */
    public int heads() {
        return heads;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, new Shape(1, dim));
        out.initialize(manager, dataType, new Shape(1, dim));
        dropout.initialize(manager, dataType, new Shape(1, heads, 1, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
