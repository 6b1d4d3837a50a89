package ai.behavior.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-layer-norm Transformer block: {@code x + Dropout(Attention(LayerNorm(x)))}, then
 * {@code h + Dropout(FeedForward(LayerNorm(h)))} with the position-wise feed-forward
 * {@code Linear(ffn) -> GELU -> Dropout -> Linear(d)}. Normalising before each sub-layer (rather than after the
 * residual, as the original Transformer does) keeps training stable without learning-rate warm-up.
 *
 * <pre>{@code
 * TransformerLayer layer = new TransformerLayer(64, 2, 256, 0.2f);
 * NDArray y = layer.forward(store, new NDList(x, AttentionMask.causal(mask)), training).head();
 * }</pre>
 *
 * <p>Inputs: {@code x (B, T, d)} and the additive mask {@code (B, T, T)}; output {@code (B, T, d)}. Every
 * operation other than the attention acts on each position alone, so the mask alone decides which positions an
 * output depends on.
 */
public final class TransformerLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int dim;
    private final int ffn;
    private final LayerNorm attentionNorm;
    private final CausalSelfAttention attention;
    private final Dropout attentionDropout;
    private final LayerNorm ffnNorm;
    private final Linear ffnIn;
    private final Dropout ffnInnerDropout;
    private final Linear ffnOut;
    private final Dropout ffnDropout;

    /** A block over {@code dim}-wide inputs with {@code heads} heads, feed-forward width {@code ffn} and dropout. */
    public TransformerLayer(int dim, int heads, int ffn, float dropoutRate) {
        super(VERSION);
        if (ffn < 1) {
            throw new IllegalArgumentException("the feed-forward width must be >= 1, got " + ffn);
        }
        this.dim = dim;
        this.ffn = ffn;
        this.attentionNorm = addChildBlock("attention_norm", LayerNorm.builder().axis(1).build());
        this.attention = addChildBlock("attention", new CausalSelfAttention(dim, heads, dropoutRate));
        this.attentionDropout = addChildBlock("attention_dropout", Dropout.builder().optRate(dropoutRate).build());
        this.ffnNorm = addChildBlock("ffn_norm", LayerNorm.builder().axis(1).build());
        this.ffnIn = addChildBlock("ffn_in", Linear.builder().setUnits(ffn).build());
        this.ffnInnerDropout = addChildBlock("ffn_inner_dropout", Dropout.builder().optRate(dropoutRate).build());
        this.ffnOut = addChildBlock("ffn_out", Linear.builder().setUnits(dim).build());
        this.ffnDropout = addChildBlock("ffn_dropout", Dropout.builder().optRate(dropoutRate).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray flat = x.reshape(b * t, dim);
        NDArray normed = attentionNorm.forward(store, new NDList(flat), training).head().reshape(b, t, dim);
        NDArray attended = attention.forward(store, new NDList(normed, mask), training).head().reshape(b * t, dim);
        NDArray h = flat.add(attentionDropout.forward(store, new NDList(attended), training).head());
        NDArray inner = ffnIn.forward(store, new NDList(ffnNorm.forward(store, new NDList(h), training).head()),
                training).head();
        inner = ffnInnerDropout.forward(store, new NDList(Activation.gelu(inner)), training).head();
        NDArray fed = ffnOut.forward(store, new NDList(inner), training).head();
        NDArray y = h.add(ffnDropout.forward(store, new NDList(fed), training).head());
        return new NDList(y.reshape(b, t, dim));
    }

    /**
     * The attention weights this block's attention gives for {@code x (B, T, d)} under the additive {@code mask}
     * (inference, no dropout): {@code (B, heads, T, T)}, see {@link CausalSelfAttention#weights}.
     */
    public NDArray attentionWeights(ParameterStore store, NDArray x, NDArray mask) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray normed = attentionNorm.forward(store, new NDList(x.reshape(b * t, dim)), false).head()
                .reshape(b, t, dim);
        return attention.weights(store, normed, mask);
    }

    /** Number of attention heads. */
    public int heads() {
        return attention.heads();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape flat = new Shape(1, dim);
        attentionNorm.initialize(manager, dataType, flat);
        attention.initialize(manager, dataType, new Shape(1, 1, dim), new Shape(1, 1, 1));
        attentionDropout.initialize(manager, dataType, flat);
        ffnNorm.initialize(manager, dataType, flat);
        ffnIn.initialize(manager, dataType, flat);
        ffnInnerDropout.initialize(manager, dataType, new Shape(1, ffn));
        ffnOut.initialize(manager, dataType, new Shape(1, ffn));
        ffnDropout.initialize(manager, dataType, flat);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
