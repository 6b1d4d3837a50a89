package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSpec;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A binary classifier over a sequence and attributes: the sequence goes through the encoder, the attributes
 * through an {@link AttributeBlock}, a {@link FusionBlock} combines the two, and a head of
 * {@code (Linear -> ReLU -> [Dropout])} layers and a final {@code Linear(1)} gives one logit per row.
 * Inputs: dense {@code (batch, d)} float32, categorical {@code (batch, k)} int32, sequence ids
 * {@code (batch, length)} int32 and mask {@code (batch, length)} float32; output: logits {@code (batch)}.
 *
 * <pre>{@code
 * FusedNetwork net = new FusedNetwork(layout, spec, SequenceEncoderFactory.meanPool(32), FusionOptions.defaults());
 * net.initialize(manager, DataType.FLOAT32, net.inputShapes());
 * }</pre>
 */
public final class FusedNetwork extends AbstractBlock {
    private static final byte VERSION = 1;
    private final AttributeLayout layout;
    private final FeatureSpec.Sequence sequence;
    private final AttributeBlock attributes;
    private final Block encoder;
    private final FusionBlock fusion;
    private final SequentialBlock head;
    private final int encoderDim;

    /** The network for attributes laid out by {@code layout} and sequences by {@code sequence}. */
    public FusedNetwork(AttributeLayout layout, FeatureSpec.Sequence sequence, SequenceEncoderFactory encoder,
                        FusionOptions options) {
        super(VERSION);
        this.layout = layout;
        this.sequence = sequence;
        this.attributes = addChildBlock("attributes", new AttributeBlock(layout));
        this.encoder = addChildBlock("sequence", encoder.create(sequence));
        this.encoderDim = encoder.dim();
        this.fusion = addChildBlock("fusion", new FusionBlock(options.mode(), options.gate(), encoder.dim(),
                layout.width(), options.dim()));
        SequentialBlock h = new SequentialBlock();
        for (int units : options.hidden()) {
            h.add(Linear.builder().setUnits(units).build());
            h.add(Activation.reluBlock());
            if (options.dropout() > 0) {
                h.add(Dropout.builder().optRate((float) options.dropout()).build());
            }
        }
        h.add(Linear.builder().setUnits(1).build());
        this.head = addChildBlock("head", h);
    }

    /** Input shapes for batch size 1: dense, categorical, sequence ids, sequence mask. */
    public Shape[] inputShapes() {
        return inputShapes(layout, sequence);
    }

    /** Input shapes for batch size 1 of a network over {@code layout} and {@code sequence}. */
    public static Shape[] inputShapes(AttributeLayout layout, FeatureSpec.Sequence sequence) {
        return new Shape[] {new Shape(1, layout.denseWidth()), new Shape(1, layout.categoricalWidth()),
                new Shape(1, sequence.maxLength()), new Shape(1, sequence.maxLength())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray a = attributes.forward(store, new NDList(inputs.get(0), inputs.get(1)), training).head();
        NDArray s = encoder.forward(store, new NDList(inputs.get(2), inputs.get(3)), training).head();
        NDArray fused = fusion.forward(store, new NDList(s, a), training).head();
        return new NDList(head.forward(store, new NDList(fused), training).head().reshape(-1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attributes.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
        encoder.initialize(manager, dataType, inputShapes[2], inputShapes[3]);
        fusion.initialize(manager, dataType, new Shape(1, encoderDim), new Shape(1, layout.width()));
        head.initialize(manager, dataType, new Shape(1, fusion.outputDim()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}
