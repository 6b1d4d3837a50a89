package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.fusion.AttributeLayout;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The two towers in one network, so the shared training loop trains them together: inputs are the user tower's
 * inputs (dense, categorical and, with a sequence, ids and mask) followed by the item tower's (dense,
 * categorical); outputs are the user embeddings {@code (users, dim)} and the item embeddings {@code (items, dim)}.
 * The two sides may have different row counts, and a side with no rows is skipped (its output has no rows), which
 * is how embeddings are computed for one side alone.
 *
 * <pre>{@code
 * TwoTowerBlock net = new TwoTowerBlock(userLayout, historySpec, encoder, itemLayout, options);
 * NDList uv = net.forward(store, userAndItemInputs, training);   // [U (b, dim), V (m, dim)]
 * }</pre>
 */
public final class TwoTowerBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Tower user;
    private final Tower item;
    private final int dim;

    /**
     * Towers for users laid out by {@code userLayout} (with sequence {@code sequence} encoded by {@code encoder},
     * or no sequence when both are null) and items laid out by {@code itemLayout}.
     */
    public TwoTowerBlock(AttributeLayout userLayout, FeatureSpec.Sequence sequence, SequenceEncoderFactory encoder,
                         AttributeLayout itemLayout, TwoTowerOptions options) {
        super(VERSION);
        if ((sequence == null) != (encoder == null)) {
            throw new IllegalArgumentException("give the user sequence and its encoder together (or neither)");
        }
        this.user = addChildBlock("user", new Tower(userLayout, sequence, encoder, options));
        this.item = addChildBlock("item", new Tower(itemLayout, null, null, options));
        this.dim = options.dim();
    }

    /** Number of user-side inputs (4 with a sequence, else 2); the item side's 2 follow them. */
    public int userInputs() {
        return user.inputCount();
    }

    /** Input shapes for batch size 1: the user side's, then the item side's. */
    public Shape[] inputShapes() {
        Shape[] u = user.inputShapes();
        Shape[] i = item.inputShapes();
        Shape[] all = new Shape[u.length + i.length];
        System.arraycopy(u, 0, all, 0, u.length);
        System.arraycopy(i, 0, all, u.length, i.length);
        return all;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        int nu = user.inputCount();
        NDList userSide = inputs.subNDList(0, nu);
        NDList itemSide = inputs.subNDList(nu, nu + 2);
        return new NDList(side(user, userSide, store, training), side(item, itemSide, store, training));
    }

    private NDArray side(Tower tower, NDList in, ParameterStore store, boolean training) {
        long rows = in.get(0).getShape().get(0);
        if (rows == 0) {
            return in.get(0).getManager().zeros(new Shape(0, dim));
        }
        return tower.forward(store, in, training).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        user.initialize(manager, dataType, user.inputShapes());
        item.initialize(manager, dataType, item.inputShapes());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int nu = user.inputCount();
        return new Shape[] {new Shape(inputShapes[0].get(0), dim), new Shape(inputShapes[nu].get(0), dim)};
    }
}
