package ai.behavior.models.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The additive attention mask of causal self-attention over padded sequences: query position {@code i} may
 * attend to key position {@code j} when {@code j <= i} and {@code j} is a real event, and always to itself (so
 * a padding query has one key and its softmax stays finite). Allowed pairs add 0 to the attention score, the
 * others {@link #BLOCKED}, which the softmax turns into an exact 0 weight: a blocked key cannot change any
 * output, whatever its value.
 *
 * <pre>{@code
 * NDArray additive = AttentionMask.causal(mask);   // mask (B, T): 1 = event, 0 = padding -> (B, T, T)
 * NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).add(additive.expandDims(1));
 * }</pre>
 */
public final class AttentionMask {
    /** What a blocked (query, key) pair adds to its score: far below any real score, yet finite. */
    public static final float BLOCKED = -1e9f;

    private AttentionMask() {
    }

    /**
     * The {@code (B, T, T)} float mask for {@code mask} of shape {@code (B, T)} (1 for an event, 0 for padding),
     * created in the mask's manager.
     */
    public static NDArray causal(NDArray mask) {
        long batch = mask.getShape().get(0);
        int t = Math.toIntExact(mask.getShape().get(1));
        NDManager m = mask.getManager();
        NDArray position = m.arange(t);
        // [i][j] = j <= i: the key is not in the query's future
        NDArray past = position.reshape(1, t).lte(position.reshape(t, 1)).reshape(1, t, t);
        NDArray self = m.eye(t).gt(0.5f).reshape(1, t, t);
        NDArray realKey = mask.reshape(batch, 1, t).gt(0.5f);
        NDArray allowed = past.logicalAnd(realKey.logicalOr(self));
        // scalar operations are safe here only because no gradient flows through the mask
        return allowed.toType(DataType.FLOAT32, false).sub(1f).mul(-BLOCKED);
    }
}
