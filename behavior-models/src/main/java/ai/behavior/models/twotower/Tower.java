package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.fusion.AttributeBlock;
import ai.behavior.models.fusion.AttributeLayout;
import ai.behavior.models.fusion.FusionBlock;
import ai.behavior.models.fusion.FusionGate;
import ai.behavior.models.fusion.SequenceEncoderFactory;
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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One tower of a {@link TwoTowerBlock}: attributes through an {@link AttributeBlock}, optionally fused with a
 * sequence encoding ({@link FusionBlock}), then {@code (Linear -> ReLU)} per hidden layer and a final
 * {@code Linear(dim)}, L2-normalised when asked. Inputs: dense, categorical and, with a sequence, ids and mask;
 * output {@code (batch, dim)}.
 *
 * <pre>{@code
 * Tower items = new Tower(AttributeLayout.of(itemSchema, 16), null, null, options);
 * }</pre>
 */
final class Tower extends AbstractBlock {
    private static final byte VERSION = 1;
    private final AttributeLayout layout;
    private final FeatureSpec.Sequence sequence;
    private final boolean normalize;
    private final AttributeBlock attributes;
    private final Block encoder;
    private final FusionBlock fusion;
    private final SequentialBlock mlp;
    private final int encoderDim;

    /** A tower over {@code layout}, with a sequence when {@code sequence} and {@code encoder} are not null. */
    Tower(AttributeLayout layout, FeatureSpec.Sequence sequence, SequenceEncoderFactory encoder,
          TwoTowerOptions options) {
        super(VERSION);
        this.layout = layout;
        this.sequence = sequence;
        this.normalize = options.normalize();
        this.attributes = addChildBlock("attributes", new AttributeBlock(layout));
        if (sequence != null) {
            this.encoder = addChildBlock("sequence", encoder.create(sequence));
            this.encoderDim = encoder.dim();
            this.fusion = addChildBlock("fusion", new FusionBlock(options.userFusion(), FusionGate.SCALAR,
                    encoderDim, layout.width(), options.fusionDim()));
        } else {
            this.encoder = null;
            this.encoderDim = 0;
            this.fusion = null;
        }
        SequentialBlock m = new SequentialBlock();
        for (int units : options.hidden()) {
            m.add(Linear.builder().setUnits(units).build());
            m.add(Activation.reluBlock());
        }
        m.add(Linear.builder().setUnits(options.dim()).build());
        this.mlp = addChildBlock("mlp", m);
    }

    /** Number of inputs: 4 with a sequence (dense, categorical, ids, mask), else 2. */
    int inputCount() {
        return sequence == null ? 2 : 4;
    }

    /** Input shapes for batch size 1. */
    Shape[] inputShapes() {
        Shape[] a = layout.inputShapes();
        if (sequence == null) {
            return a;
        }
        return new Shape[] {a[0], a[1], new Shape(1, sequence.maxLength()), new Shape(1, sequence.maxLength())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = attributes.forward(store, new NDList(inputs.get(0), inputs.get(1)), training).head();
        if (sequence != null) {
            NDArray s = encoder.forward(store, new NDList(inputs.get(2), inputs.get(3)), training).head();
            x = fusion.forward(store, new NDList(s, x), training).head();
        }
        NDArray out = mlp.forward(store, new NDList(x), training).head();
        if (normalize) {
            // + eps inside the root: sqrt'(0) is infinite, and an all-zero row (a user with nothing known) is real
            out = out.div(out.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
        }
        return new NDList(out);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attributes.initialize(manager, dataType, layout.inputShapes());
        int width = layout.width();
        if (sequence != null) {
            Shape ids = new Shape(1, sequence.maxLength());
            encoder.initialize(manager, dataType, ids, ids);
            fusion.initialize(manager, dataType, new Shape(1, encoderDim), new Shape(1, width));
            width = fusion.outputDim();
        }
        mlp.initialize(manager, dataType, new Shape(1, width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return mlp.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), 1)});
    }
}
