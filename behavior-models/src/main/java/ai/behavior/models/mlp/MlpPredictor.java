package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.BatchArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Predicts with an {@link MlpModel} from one thread: it builds each batch's input itself, one array joining the
 * dense columns with each row's embedding vectors (one copy into a reusable direct buffer; no per-row stacking,
 * and no embedding look-up, split or concatenation in native code), then makes one native call per layer, in a
 * sub-manager of the model's manager closed before returning. Models whose embedding tables hold more than 2^24
 * values in all keep them native only and run the network's general forward. Not thread-safe: use one per thread, or
 * {@link MlpModel#predict(FeatureMatrix)}, which does that for you.
 *
 * <pre>{@code
 * MlpPredictor p = model.newPredictor();
 * double[] out = new double[m.rows()]; p.predict(m, 0, m.rows(), out, 0);
 * }</pre>
 */
public final class MlpPredictor {
    private final MlpModel model;
    private final Network network;
    private final MlpForward lean;
    private final BatchArrays scratch = new BatchArrays();
    private FeatureSchema checked;

    MlpPredictor(MlpModel model) {
        this(model, true);
    }

    /** With {@code lean == false}, always the general path (the network's own forward); for tests. */
    MlpPredictor(MlpModel model, boolean lean) {
        this.model = model;
        this.network = model.network();
        this.lean = lean ? model.lean() : null;
    }

    /** Predictions for every row of {@code features}. */
    public double[] predict(FeatureMatrix features) {
        double[] out = new double[features.rows()];
        predict(features, 0, features.rows(), out, 0);
        return out;
    }

    /** Predictions for rows {@code [from, to)} of {@code features} into {@code out[offset..]}. */
    public void predict(FeatureMatrix features, int from, int to, double[] out, int offset) {
        if (from < 0 || to > features.rows() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a " + features.rows() + "-row matrix");
        }
        if (out.length - offset < to - from || offset < 0) {
            throw new IndexOutOfBoundsException("out has room for " + (out.length - offset) + " values from " + offset
                    + ", need " + (to - from));
        }
        MlpArchitecture a = model.architecture();
        if (features.schema() != checked) {
            a.check(features.schema(), "the prediction input");
            checked = features.schema();
        }
        int d = features.schema().denseWidth();
        int k = features.schema().categoricalWidth();
        for (int start = from; start < to; start += Mlp.INFERENCE_BATCH) {
            int end = Math.min(to, start + Mlp.INFERENCE_BATCH);
            MlpInputs.check(features, a, "the prediction input", start, end);
            float[] z = lean != null ? leanScores(features, start, end) : generalScores(features, d, k, start, end);
            int o = offset + start - from;
            for (int i = 0; i < z.length; i++) {
                out[o + i] = model.output(z[i]);
            }
        }
    }

    /** One joined input array, one native call per layer (see MlpForward). */
    private float[] leanScores(FeatureMatrix features, int start, int end) {
        int n = end - start;
        int w = lean.inputWidth();
        lean.gather(features, start, end, scratch.floatBuffer(0, n * w));
        try (NDManager batch = network.newBatchManager()) {
            return lean.forward(scratch.filledFloats(batch, 0, new Shape(n, w))).toFloatArray();
        }
    }

    /** The network's own forward: dense and categorical arrays, embeddings and concatenation in PyTorch. */
    private float[] generalScores(FeatureMatrix features, int d, int k, int start, int end) {
        try (NDManager batch = network.newBatchManager()) {
            NDList x = new NDList(scratch.floats(batch, 0, features.denseBlock(), d, null, start, end),
                    scratch.ints(batch, 1, features.categoricalBlock(), k, null, start, end));
            return network.forward(x).head().toFloatArray();
        }
    }
}
