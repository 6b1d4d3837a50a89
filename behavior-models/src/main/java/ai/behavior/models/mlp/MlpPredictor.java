package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.BatchArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Predicts with an {@link MlpModel} from one thread: it builds each batch's arrays itself from the matrix's
 * dense and categorical blocks (one copy into a reusable direct buffer, no per-row stacking), runs the batch in
 * a sub-manager of the model's manager and closes it before returning. Not thread-safe: use one per thread, or
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
    private final BatchArrays scratch = new BatchArrays();
    private FeatureSchema checked;

    MlpPredictor(MlpModel model) {
        this.model = model;
        this.network = model.network();
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
            try (NDManager batch = network.newBatchManager()) {
                NDList x = new NDList(scratch.floats(batch, 0, features.denseBlock(), d, null, start, end),
                        scratch.ints(batch, 1, features.categoricalBlock(), k, null, start, end));
                float[] z = network.forward(x).head().toFloatArray();
                int o = offset + start - from;
                for (int i = 0; i < z.length; i++) {
                    out[o + i] = model.output(z[i]);
                }
            }
        }
    }
}
