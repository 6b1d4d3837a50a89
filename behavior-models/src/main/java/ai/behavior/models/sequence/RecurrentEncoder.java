package ai.behavior.models.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The GRU4Rec-style encoder: dropout on the event embeddings, DJL's fused GRU or LSTM (batch first, state
 * width {@code dim}, dropout between stacked layers), dropout on the states.
 *
 * <pre>{@code
 * RecurrentEncoder rnn = new RecurrentEncoder(EncoderKind.GRU, 64, 64, 1, 0.2f);
 * NDArray states = rnn.forward(store, new NDList(x), training).head();   // (B, T, 64)
 * }</pre>
 *
 * <p>Input {@code x (B, T, width)}, RIGHT-padded: the state at position {@code t} has read events {@code 0..t}
 * only, so padding after the last real event can never reach the state there. (Under left padding the fused
 * recurrence would run over the padding first and carry it into every state.)
 */
public final class RecurrentEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int width;
    private final int dim;
    private final Dropout inputDropout;
    private final Block rnn;
    private final Dropout outputDropout;

    /** A {@code kind} encoder reading {@code width}-wide events into {@code dim}-wide states. */
    public RecurrentEncoder(EncoderKind kind, int width, int dim, int layers, float rate) {
        super(VERSION);
        this.width = width;
        this.dim = dim;
        this.inputDropout = addChildBlock("input_dropout", Dropout.builder().optRate(rate).build());
        if (kind == EncoderKind.GRU) {
            rnn = addChildBlock("gru", GRU.builder().setStateSize(dim).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(layers > 1 ? rate : 0f).optReturnState(false).build());
        } else if (kind == EncoderKind.LSTM) {
            rnn = addChildBlock("lstm", LSTM.builder().setStateSize(dim).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(layers > 1 ? rate : 0f).optReturnState(false).build());
        } else {
            throw new IllegalArgumentException("a recurrent encoder is GRU or LSTM, not " + kind);
        }
        this.outputDropout = addChildBlock("output_dropout", Dropout.builder().optRate(rate).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputDropout.forward(store, new NDList(inputs.head()), training).head();
        NDArray states = rnn.forward(store, new NDList(x), training).head();
        return outputDropout.forward(store, new NDList(states), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inputDropout.initialize(manager, dataType, new Shape(1, 1, width));
        rnn.initialize(manager, dataType, new Shape(1, 1, width));
        outputDropout.initialize(manager, dataType, new Shape(1, 1, dim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), dim)};
    }
}
