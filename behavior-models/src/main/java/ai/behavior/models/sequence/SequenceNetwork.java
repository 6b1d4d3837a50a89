package ai.behavior.models.sequence;

import ai.behavior.feature.Padding;
import ai.behavior.models.attention.TransformerEncoder;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A whole sequence model: {@link EventEmbedding}, an encoder ({@link RecurrentEncoder} or
 * {@link TransformerEncoder}, behind a linear projection when concatenated attributes make the input wider than
 * {@code dim}) and the head of the task.
 *
 * <pre>{@code
 * SequenceNetwork net = new SequenceNetwork(architecture);
 * NDList out = net.forward(store, inputs, false);   // [states (B,T,d), last (B,d), catalogue (d,items) or logit (B)]
 * }</pre>
 *
 * <p>Inputs: {@code (B, T)} int32 item rows, one {@code (B, T)} int32 array per used attribute, then the
 * {@code (B, T)} float32 mask (1 = event), padded on the side {@link SequenceArchitecture#padding()} says.
 * Outputs: the states at every position, the state after the last real event ({@code last}), and for
 * {@link SequenceTask#NEXT_ITEM} the item embeddings transposed to {@code (d, numItems)} (column {@code i} =
 * item code {@code i}; scores are {@code last · catalogue}: tied input and output embeddings), for
 * {@link SequenceTask#CLASSIFICATION} one logit per sequence from {@code Linear(1)} over {@code last}. Every
 * output lives in the inputs' manager, so closing a batch's manager frees all of it.
 */
public final class SequenceNetwork extends AbstractBlock {
    private static final byte VERSION = 1;
    private final SequenceArchitecture architecture;
    private final EventEmbedding embedding;
    private final Linear projection;
    private final Block encoder;
    private final Dropout headDropout;
    private final Linear classifier;

    /** The network {@code architecture} describes. */
    public SequenceNetwork(SequenceArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        this.embedding = addChildBlock("embedding", new EventEmbedding(architecture));
        float rate = (float) architecture.dropout();
        if (architecture.encoder() == EncoderKind.TRANSFORMER) {
            projection = architecture.inputWidth() == architecture.dim() ? null
                    : addChildBlock("projection", Linear.builder().setUnits(architecture.dim()).build());
            encoder = addChildBlock("encoder", new TransformerEncoder(architecture.dim(), architecture.maxLength(),
                    architecture.layers(), architecture.heads(), architecture.ffn(), rate,
                    architecture.scaleEmbeddings()));
        } else {
            projection = null;
            encoder = addChildBlock("encoder", new RecurrentEncoder(architecture.encoder(),
                    architecture.inputWidth(), architecture.dim(), architecture.layers(), rate));
        }
        if (architecture.task() == SequenceTask.CLASSIFICATION) {
            headDropout = addChildBlock("head_dropout", Dropout.builder().optRate(rate).build());
            classifier = addChildBlock("classifier", Linear.builder().setUnits(1).build());
        } else {
            headDropout = null;
            classifier = null;
        }
    }

    /** The architecture this network was built from. */
    public SequenceArchitecture architecture() {
        return architecture;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray mask = inputs.get(1 + architecture.features().size());
        NDArray x = encoderInput(store, inputs, training);
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray states = encoder.forward(store, new NDList(x, mask), training).head();
        NDArray last;
        if (architecture.padding() == Padding.LEFT) {
            last = states.get(new NDIndex(":, {}, :", t - 1));
        } else {
            // the last real position is where the mask steps from 1 to 0 (or the final slot)
            NDArray next = NDArrays.concat(new NDList(mask.get(new NDIndex(":, 1:")),
                    mask.getManager().zeros(new Shape(b, 1))), 1);
            last = states.mul(mask.sub(next).reshape(b, t, 1)).sum(new int[] {1});
        }
        if (classifier != null) {
            NDArray h = headDropout.forward(store, new NDList(last), training).head();
            return new NDList(states, last, classifier.forward(store, new NDList(h), training).head().reshape(-1));
        }
        NDArray table = embedding.itemWeight(store, x.getDevice(), training);
        NDArray catalogue = table.get(new NDIndex(SequenceArchitecture.FIRST_CODE_ROW + ":"));
        catalogue.attach(x.getManager()); // a slice of a parameter lands in the parameter's manager: move it
        return new NDList(states, last, catalogue.transpose());
    }

    /**
     * The Transformer's attention weights for the network's {@code inputs} (as for {@code forward}), as inference
     * computes them: one {@code (B, heads, T, T)} array per layer (see
     * {@link TransformerEncoder#attentionWeights}), in the inputs' manager.
     *
     * @throws IllegalStateException when the encoder is recurrent
     */
    public NDList attentionWeights(ParameterStore store, NDList inputs) {
        if (!(encoder instanceof TransformerEncoder transformer)) {
            throw new IllegalStateException("attention weights need a TRANSFORMER encoder; this network's is "
                    + architecture.encoder());
        }
        NDArray mask = inputs.get(1 + architecture.features().size());
        return transformer.attentionWeights(store, encoderInput(store, inputs, false), mask);
    }

    /** The embedded events, projected to {@code dim} when concatenated attributes widen them: (B, T, width). */
    private NDArray encoderInput(ParameterStore store, NDList inputs, boolean training) {
        int attributes = architecture.features().size();
        NDList ids = new NDList(inputs.subNDList(0, 1 + attributes));
        NDArray x = embedding.forward(store, ids, training).head();
        if (projection != null) {
            long b = x.getShape().get(0);
            long t = x.getShape().get(1);
            x = projection.forward(store, new NDList(x.reshape(b * t, architecture.inputWidth())), training).head()
                    .reshape(b, t, architecture.dim());
        }
        return x;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] ids = new Shape[1 + architecture.features().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new Shape(1, 1);
        }
        embedding.initialize(manager, dataType, ids);
        int d = architecture.dim();
        if (projection != null) {
            projection.initialize(manager, dataType, new Shape(1, architecture.inputWidth()));
        }
        int width = projection != null ? d : architecture.inputWidth();
        encoder.initialize(manager, dataType, new Shape(1, 1, width), new Shape(1, 1));
        if (classifier != null) {
            headDropout.initialize(manager, dataType, new Shape(1, d));
            classifier.initialize(manager, dataType, new Shape(1, d));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int d = architecture.dim();
        Shape head = architecture.task() == SequenceTask.CLASSIFICATION ? new Shape(b)
                : new Shape(d, architecture.numItems());
        return new Shape[] {new Shape(b, t, d), new Shape(b, d), head};
    }
}
