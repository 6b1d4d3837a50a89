package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.BatchArrays;
import ai.behavior.models.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained {@link Fusion} classifier: immutable apart from its native memory, {@link AutoCloseable}, and safe to
 * call from many threads (each thread builds its batches in its own buffers; the parameters are frozen and
 * shared).
 *
 * <pre>{@code
 * try (FusionModel m = Fusion.fit(train, y, valid, validY, encoder, options)) { p = m.predict(test); m.save(dir); }
 * try (FusionModel again = FusionModel.load(dir)) { double[] same = again.predict(test); }
 * }</pre>
 *
 * <p>Saved models are model folders of type {@value #MODEL_TYPE} (see {@link FusionFile}); a loaded model predicts
 * exactly what the saved one did.
 */
public final class FusionModel implements AutoCloseable {
    /** Model type in saved folders. */
    public static final String MODEL_TYPE = "fusion";
    /** Layout version of saved folders this library writes and reads. */
    public static final int VERSION = 1;

    private final Network network;
    private final FeatureSchema schema;
    private final int sequence;
    private final SequenceEncoderFactory encoder;
    private final FusionOptions options;
    private final TrainingResult training;
    private final FittedPipeline pipeline;
    private final ThreadLocal<BatchArrays> scratch = ThreadLocal.withInitial(BatchArrays::new);

    FusionModel(Network network, FeatureSchema schema, int sequence, SequenceEncoderFactory encoder,
                FusionOptions options, TrainingResult training, FittedPipeline pipeline) {
        this.network = network;
        this.schema = schema;
        this.sequence = sequence;
        this.encoder = encoder;
        this.options = options;
        this.training = training;
        this.pipeline = pipeline;
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

    /** Transforms {@code frame} with the model's pipeline, then predicts. */
    public double[] predict(FeatureFrame frame) {
        if (pipeline == null) {
            throw new IllegalStateException("this model was trained without a pipeline; transform the frame yourself "
                    + "and call predict(FeatureMatrix)");
        }
        return predict(pipeline.transform(frame));
    }

    /** The options the model was trained with (after {@link #load}: a quiet progress listener). */
    public FusionOptions options() {
        return options;
    }

    /** The sequence encoder's factory. */
    public SequenceEncoderFactory encoder() {
        return encoder;
    }

    /** The training history: epochs, the kept epoch and its validation AUC (empty for a loaded model). */
    public Optional<TrainingResult> training() {
        return Optional.ofNullable(training);
    }

    /** The fitted feature pipeline that travels with the model, if one was given. */
    public Optional<FittedPipeline> pipeline() {
        return Optional.ofNullable(pipeline);
    }

    /** The layout of the rows the model reads (its training rows' schema). */
    public FeatureSchema schema() {
        return schema;
    }

    /** Saves to model folder {@code dir} (see {@link FusionFile}). */
    public void save(Path dir) throws IOException {
        FusionFile.save(this, dir);
    }

    /**
     * Loads a model saved with {@link #save}, choosing the device from the property, environment or AUTO; the
     * sequence encoder is rebuilt from its saved spec.
     */
    public static FusionModel load(Path dir) throws IOException {
        return FusionFile.load(dir, null, null);
    }

    /** Loads a model saved with {@link #save} onto the device {@code policy} chooses. */
    public static FusionModel load(Path dir, DevicePolicy policy) throws IOException {
        return FusionFile.load(dir, null, policy);
    }

    /**
     * Loads a model saved with a custom encoder: {@code encoder} must build the same network as the one it was
     * trained with (checked parameter by parameter).
     */
    public static FusionModel load(Path dir, SequenceEncoderFactory encoder, DevicePolicy policy) throws IOException {
        return FusionFile.load(dir, encoder, policy);
    }

    Network network() {
        return network;
    }

    int sequenceIndex() {
        return sequence;
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
