package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A Linear(1) that goes wrong at its {@code poisonAt}-th training forward pass (counted from 1): either its output
 * becomes NaN (so the loss is NaN), or its output stays finite but gains {@code sqrt(0 * out)}, whose gradient is
 * {@code inf * 0 = NaN} (so the loss is finite and the gradients are not).
 */
final class PoisonedLinear extends AbstractBlock {
    /** What goes wrong. */
    enum Poison { NAN_OUTPUT, NAN_GRADIENT }

    private final Linear linear;
    private final Poison poison;
    private final int poisonAt;
    private int trainingCalls;

    PoisonedLinear(Poison poison, int poisonAt) {
        super((byte) 1);
        this.linear = addChildBlock("linear", Linear.builder().setUnits(1).build());
        this.poison = poison;
        this.poisonAt = poisonAt;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray out = linear.forward(store, inputs, training).head();
        if (training && ++trainingCalls == poisonAt) {
            out = poison == Poison.NAN_OUTPUT ? out.mul(Float.NaN) : out.add(out.mul(0f).sqrt());
        }
        return new NDList(out);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        linear.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return linear.getOutputShapes(inputShapes);
    }
}
