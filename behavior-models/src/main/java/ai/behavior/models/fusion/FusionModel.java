package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.TrainingResult;

/**
 * A trained {@link Fusion} classifier: immutable apart from its native memory, {@link AutoCloseable}, and safe to
 * call from many threads (each thread builds its batches in its own buffers; the parameters are frozen and
 * shared).
 *
 * <pre>{@code
 * try (FusionModel m = Fusion.fit(train, y, valid, validY, encoder, options)) {
 *     double[] p = m.predict(test); System.out.println(m.training().bestMetric()); }
 * }</pre>
 */
public final class FusionModel implements AutoCloseable {
    private final Network network;
    private final FeatureSchema schema;
    private final int sequence;
    private final SequenceEncoderFactory encoder;
    private final FusionOptions options;
    private final TrainingResult training;
    private final ThreadLocal<BatchArrays> scratch = ThreadLocal.withInitial(BatchArrays::new);

    FusionModel(Network network, FeatureSchema schema, int sequence, SequenceEncoderFactory encoder,
                FusionOptions options, TrainingResult training) {
        this.network = network;
        this.schema = schema;
        this.sequence = sequence;
        this.encoder = encoder;
        this.options = options;
        this.training = training;
    }

    /** The probability of label 1 for every row of {@code features} (laid out like the training matrix). */
    public double[] predict(FeatureMatrix features) {
        if (!features.schema().features().equals(schema.features())) {
            throw new IllegalArgumentException("the features " + features.schema().features() + " differ from the "
                    + "training features " + schema.features());
        }
        FusionInputs.check(features, "prediction");
        if (features.rows() == 0) {
            return new double[0];
        }
        float[] z = network.outputs(new FusedBatches(features, sequence, null, scratch.get()), Fusion.INFERENCE_BATCH);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
        return p;
    }

    /** The options the model was trained with. */
    public FusionOptions options() {
        return options;
    }

    /** The sequence encoder's factory. */
    public SequenceEncoderFactory encoder() {
        return encoder;
    }

    /** The training history: epochs, the kept epoch and its validation AUC. */
    public TrainingResult training() {
        return training;
    }

    /** Where the model runs. */
    public DeviceReport device() {
        return network.device();
    }

    /** Native arrays alive under the model's manager (its parameters, plus any batch being predicted now). */
    public int liveArrays() {
        return network.liveArrays();
    }

    /** Frees the native memory; later predictions fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "FusionModel[" + options.describe() + ", encoder " + encoder.describe() + "]";
    }
}
