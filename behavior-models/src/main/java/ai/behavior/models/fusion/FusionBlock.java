package ai.behavior.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Fuses a sequence representation {@code s (batch, sequenceDim)} and an attribute representation
 * {@code a (batch, attributeDim)} into one vector per row, the three ways practitioners do it:
 * <ul>
 *   <li>{@link FusionMode#CONCAT}: {@code [s | a]}, width {@code sequenceDim + attributeDim}; no parameters.</li>
 *   <li>{@link FusionMode#WEIGHTED_SUM}: {@code w * Ps(s) + (1 - w) * Pa(a)}, width {@code dim}, where
 *   {@code Ps} and {@code Pa} are linear projections to {@code dim} and {@code w = sigmoid(g)} with a learned
 *   gate {@code g}: one scalar ({@link FusionGate#SCALAR}) or one value per dimension ({@link FusionGate#VECTOR}),
 *   starting at 0 (an even mix).</li>
 *   <li>{@link FusionMode#ATTENTION}: the two projections {@code t1 = Ps(s)}, {@code t2 = Pa(a)} are a 2-token
 *   set; each token gets the score {@code q . tanh(K t + b)} against a learned query {@code q}, the scores are
 *   softmaxed over the two tokens and the output is {@code alpha1 t1 + alpha2 t2}, width {@code dim} (additive
 *   attention with a learned context vector, as in hierarchical attention networks). Unlike the gate, the
 *   weights differ from row to row.</li>
 * </ul>
 * Inputs: {@code [s, a]}. Outputs: the fused vectors and, for WEIGHTED_SUM and ATTENTION, the weights
 * {@code (batch, 2)} of the sequence and of the attributes (for the vector gate: the gate's mean over the
 * dimensions), which sum to 1 per row.
 *
 * <pre>{@code
 * FusionBlock f = new FusionBlock(FusionMode.ATTENTION, FusionGate.SCALAR, 32, 20, 16);
 * NDArray fused = f.forward(store, new NDList(s, a), training).head();   // (batch, 16)
 * }</pre>
 */
public final class FusionBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final FusionMode mode;
    private final FusionGate gateKind;
    private final int sequenceDim;
    private final int attributeDim;
    private final int dim;
    private final Linear projectSequence;
    private final Linear projectAttributes;
    private final Linear key;
    private final Parameter gate;
    private final Parameter query;

    /**
     * A fusion of {@code sequenceDim}- and {@code attributeDim}-sized inputs; {@code dim} is the projection size of
     * WEIGHTED_SUM and ATTENTION (ignored by CONCAT) and {@code gate} the gate of WEIGHTED_SUM (ignored otherwise).
     */
    public FusionBlock(FusionMode mode, FusionGate gate, int sequenceDim, int attributeDim, int dim) {
        super(VERSION);
        if (mode == null || gate == null) {
            throw new IllegalArgumentException("mode and gate must not be null");
        }
        if (sequenceDim < 1 || attributeDim < 1 || dim < 1) {
            throw new IllegalArgumentException("need sequenceDim, attributeDim and dim >= 1, got " + sequenceDim + ", "
                    + attributeDim + ", " + dim);
        }
        this.mode = mode;
        this.gateKind = gate;
        this.sequenceDim = sequenceDim;
        this.attributeDim = attributeDim;
        this.dim = dim;
        boolean projected = mode != FusionMode.CONCAT;
        this.projectSequence = projected ? addChildBlock("seq_proj", Linear.builder().setUnits(dim).build()) : null;
        this.projectAttributes = projected ? addChildBlock("attr_proj", Linear.builder().setUnits(dim).build()) : null;
        this.key = mode == FusionMode.ATTENTION ? addChildBlock("key", Linear.builder().setUnits(dim).build()) : null;
        this.gate = mode == FusionMode.WEIGHTED_SUM ? addParameter(Parameter.builder().setName("gate")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(gate == FusionGate.SCALAR ? 1 : dim))
                .optInitializer(new ConstantInitializer(0f)).build()) : null;
        this.query = mode == FusionMode.ATTENTION ? addParameter(Parameter.builder().setName("query")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(dim))
                .optInitializer(new NormalInitializer(0.1f)).build()) : null;
    }

    /** The mode. */
    public FusionMode mode() {
        return mode;
    }

    /** Width of the fused vector: {@code sequenceDim + attributeDim} for CONCAT, else {@code dim}. */
    public int outputDim() {
        return mode == FusionMode.CONCAT ? sequenceDim + attributeDim : dim;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray s = inputs.get(0);
        NDArray a = inputs.get(1);
        if (mode == FusionMode.CONCAT) {
            return new NDList(NDArrays.concat(new NDList(s, a), 1));
        }
        NDArray ps = projectSequence.forward(store, new NDList(s), training).head();
        NDArray pa = projectAttributes.forward(store, new NDList(a), training).head();
        if (mode == FusionMode.WEIGHTED_SUM) {
            NDArray w = Activation.sigmoid(store.getValue(gate, s.getDevice(), training));
            NDArray fused = ps.mul(w).add(pa.mul(w.neg().add(1f)));
            NDArray ws = w.mean().reshape(1, 1).repeat(0, s.getShape().get(0));
            return new NDList(fused, NDArrays.concat(new NDList(ws, ws.neg().add(1f)), 1));
        }
        long batch = s.getShape().get(0);
        NDArray tokens = NDArrays.stack(new NDList(ps, pa), 1); // (b, 2, dim)
        NDArray keys = Activation.tanh(key.forward(store, new NDList(tokens.reshape(-1, dim)), training).head())
                .reshape(batch, 2, dim);
        NDArray q = store.getValue(query, s.getDevice(), training);
        NDArray alpha = keys.mul(q).sum(new int[] {2}).softmax(1); // (b, 2)
        NDArray fused = tokens.mul(alpha.expandDims(2)).sum(new int[] {1});
        return new NDList(fused, alpha);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (projectSequence != null) {
            projectSequence.initialize(manager, dataType, new Shape(1, sequenceDim));
            projectAttributes.initialize(manager, dataType, new Shape(1, attributeDim));
        }
        if (key != null) {
            key.initialize(manager, dataType, new Shape(1, dim));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        if (mode == FusionMode.CONCAT) {
            return new Shape[] {new Shape(batch, outputDim())};
        }
        return new Shape[] {new Shape(batch, outputDim()), new Shape(batch, 2)};
    }
}
