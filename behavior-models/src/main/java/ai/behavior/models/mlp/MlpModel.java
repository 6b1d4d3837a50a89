package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained tabular MLP: immutable, {@link AutoCloseable} (it owns the native memory of its parameters), and
 * safe to call from many threads.
 *
 * <pre>{@code
 * try (MlpModel m = MlpModel.load(dir)) { double[] p = m.predict(features); }
 * MlpPredictor mine = model.newPredictor();   // one per thread, for a pool of workers
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * {@link #predict(FeatureMatrix)} keeps one {@link MlpPredictor} per calling thread (a {@link ThreadLocal}): its
 * only state is a few reusable direct buffers, while the parameters are shared, frozen and read-only. Each batch
 * runs in its own sub-manager that is closed before the call returns, so no native memory accumulates however
 * many predictions are made. Thread-pool applications that prefer explicit ownership call {@link #newPredictor()}
 * once per worker instead. The per-thread buffers are ordinary Java objects, reclaimed by the garbage collector
 * with their thread or with the model.
 *
 * <p>Outputs: probabilities for {@link MlpTask#BINARY}, values in label units for {@link MlpTask#REGRESSION}.
 */
public final class MlpModel implements AutoCloseable {
    /** Model type in saved folders. */
    public static final String MODEL_TYPE = "mlp";
    /** Layout version of saved folders this library writes and reads. */
    public static final int VERSION = 1;

    private final Network network;
    private final MlpArchitecture architecture;
    private final MlpOptions options;
    private final double labelMean;
    private final double labelScale;
    private final FittedPipeline pipeline;
    private final TrainingResult training;
    private final MlpForward lean;
    private final ThreadLocal<MlpPredictor> predictors = ThreadLocal.withInitial(this::newPredictor);

    MlpModel(Network network, MlpArchitecture architecture, MlpOptions options, double labelMean, double labelScale,
             FittedPipeline pipeline, TrainingResult training) {
        this.network = network;
        this.architecture = architecture;
        this.options = options;
        this.labelMean = labelMean;
        this.labelScale = labelScale;
        this.pipeline = pipeline;
        this.training = training;
        MlpBlock block = (MlpBlock) network.block();
        try {
            this.lean = MlpForward.tableValues(block) <= MlpForward.MAX_JAVA_TABLE_VALUES
                    ? MlpForward.of(block, network.manager()) : null;
        } catch (RuntimeException e) {
            network.close(); // the model owns the network from here on
            throw e;
        }
    }

    /** Predicts every row of {@code features} (laid out like the training matrix); thread-safe. */
    public double[] predict(FeatureMatrix features) {
        return predictors.get().predict(features);
    }

    /** Transforms {@code frame} with the model's pipeline, then predicts; thread-safe. */
    public double[] predict(FeatureFrame frame) {
        if (pipeline == null) {
            throw new IllegalStateException("this model was trained without a pipeline; transform the frame yourself "
                    + "and call predict(FeatureMatrix)");
        }
        return predict(pipeline.transform(frame));
    }

    /** A predictor for one thread (not thread-safe itself); cheap to make. */
    public MlpPredictor newPredictor() {
        return new MlpPredictor(this);
    }

    /** The task. */
    public MlpTask task() {
        return options.task();
    }

    /** The options the model was trained with (after {@link #load}: a quiet progress listener). */
    public MlpOptions options() {
        return options;
    }

    /** The network's shape. */
    public MlpArchitecture architecture() {
        return architecture;
    }

    /** The fitted feature pipeline that travels with the model, if one was given. */
    public Optional<FittedPipeline> pipeline() {
        return Optional.ofNullable(pipeline);
    }

    /** The training history (empty for a loaded model). */
    public Optional<TrainingResult> training() {
        return Optional.ofNullable(training);
    }

    /** Where the model runs now (for a loaded model: the device chosen at load time). */
    public DeviceReport device() {
        return network.device();
    }

    /** Mean of the training labels (0 for binary models). */
    public double labelMean() {
        return labelMean;
    }

    /** Standard deviation of the training labels, or 1 when constant (1 for binary models). */
    public double labelScale() {
        return labelScale;
    }

    /** Native arrays alive under the model's manager: its parameters plus any batch being predicted right now. */
    public int liveArrays() {
        return network.liveArrays();
    }

    /** Saves to model folder {@code dir} (see {@link MlpFile}). */
    public void save(Path dir) throws IOException {
        MlpFile.save(this, dir);
    }

    /** Loads a model saved with {@link #save}, choosing the device from the property, environment or AUTO. */
    public static MlpModel load(Path dir) throws IOException {
        return MlpFile.load(dir, null);
    }

    /** Loads a model saved with {@link #save} onto the device {@code policy} chooses. */
    public static MlpModel load(Path dir, DevicePolicy policy) throws IOException {
        return MlpFile.load(dir, policy);
    }

    Network network() {
        return network;
    }

    /** The lean inference pass, or null when the embedding tables are too large to copy into Java. */
    MlpForward lean() {
        return lean;
    }

    /** The model's output for raw network score {@code z}. */
    double output(float z) {
        if (options.task() == MlpTask.BINARY) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        return z * labelScale + labelMean;
    }

    /** Frees the native memory; later predictions fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "MlpModel[" + options.task() + ", " + architecture.features().size() + " features, hidden "
                + architecture.hidden() + ", " + network.device().used() + "]";
    }
}
