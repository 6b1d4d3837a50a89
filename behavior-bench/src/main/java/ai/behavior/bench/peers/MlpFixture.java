package ai.behavior.bench.peers;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.mlp.MlpNorm;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.mlp.MlpTask;
import ai.behavior.models.train.LearningRateDecay;
import ai.behavior.models.train.OptimizerKind;
import ai.behavior.models.train.TrainingOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data and settings of the MLP speed benchmarks, shared by {@code Bench07_MlpTrainStep},
 * {@code Bench08_MlpInference} and {@code MlpSpeedComparison} so that all three time the same work: the issue's
 * network {@code 32 -> 128 -> 64 -> 1} (ReLU, no dropout, no normalisation), batches of 1,024, Adam at a fixed
 * learning rate 1e-3, binary cross-entropy on logits; rows of 32 standard-normal features with a label drawn
 * from a planted logistic model. A second, smaller model with an embedding ({@link #embeddingSchema()}: two dense
 * columns and one categorical column of cardinality 5, hidden 64 and 32) is the one the model tests time for
 * single-row latency.
 *
 * <pre>{@code
 * MlpFixture.Data d = MlpFixture.generate(65_536, 42);
 * try (MlpModel m = Mlp.fit(d.matrix(), d.labels(), MlpFixture.options(1, 42), null)) { ... }
 * }</pre>
 */
public final class MlpFixture {
    /** Input width. */
    public static final int WIDTH = 32;
    /** Hidden layers. */
    public static final List<Integer> HIDDEN = List.of(128, 64);
    /** Rows per training step and per inference batch. */
    public static final int BATCH = 1024;
    /** Adam's learning rate (fixed: no warm-up, no decay, on both sides). */
    public static final double LEARNING_RATE = 1e-3;

    private MlpFixture() {
    }

    /**
     * Generated rows: {@code matrix} holds the features ({@code x00..x31}, row-major in its dense block, which
     * {@code x} is), {@code labels} and {@code labels32} the same 0/1 labels.
     *
     * @param matrix   the features as a feature matrix (for our SDK)
     * @param x        the same features, row-major (for the bare peer; the matrix's own dense block)
     * @param labels   labels as doubles (for our SDK)
     * @param labels32 labels as floats (for the bare peer)
     */
    public record Data(FeatureMatrix matrix, float[] x, double[] labels, float[] labels32) {
        /** Number of rows. */
        public int rows() {
            return labels.length;
        }
    }

    /** The 32 dense columns {@code x00..x31}. */
    public static FeatureSchema schema() {
        List<FeatureSpec> specs = new ArrayList<>();
        for (int j = 0; j < WIDTH; j++) {
            specs.add(new FeatureSpec.Dense(String.format(java.util.Locale.ROOT, "x%02d", j)));
        }
        return new FeatureSchema(specs);
    }

    /** {@code rows} rows: features N(0, 1), label ~ Bernoulli(sigmoid(w . x / sqrt(32))) with w ~ N(0, 1). */
    public static Data generate(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            w[j] = r.nextGaussian();
        }
        FeatureMatrix m = new FeatureMatrix(schema(), rows);
        float[] x = m.denseBlock();
        double[] y = new double[rows];
        float[] y32 = new float[rows];
        for (int i = 0; i < rows; i++) {
            double z = 0;
            for (int j = 0; j < WIDTH; j++) {
                float v = (float) r.nextGaussian();
                x[i * WIDTH + j] = v;
                z += w[j] * v;
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z / Math.sqrt(WIDTH))) ? 1 : 0;
            y32[i] = (float) y[i];
        }
        return new Data(m, x, y, y32);
    }

    /** Our options for the same training as the peer's: {@code epochs} epochs on the CPU. */
    public static MlpOptions options(int epochs, long seed) {
        return new MlpOptions(MlpTask.BINARY, HIDDEN, 0.0, MlpNorm.NONE, 16, TrainingOptions.defaults()
                .withEpochs(epochs).withBatchSize(BATCH).withOptimizer(OptimizerKind.ADAM)
                .withLearningRate(LEARNING_RATE).withDecay(LearningRateDecay.NONE).withPatience(0).withSeed(seed)
                .withDevice(DevicePolicy.CPU));
    }

    /** Two dense columns and a categorical column of cardinality 5 (index 0 = unknown). */
    public static FeatureSchema embeddingSchema() {
        return new FeatureSchema(List.of(new FeatureSpec.Dense("x1"), new FeatureSpec.Dense("x2"),
                new FeatureSpec.Categorical("c", 5)));
    }

    /** {@code rows} rows of {@link #embeddingSchema()}: N(0, 1) dense values, categories 1..4, random labels. */
    public static Data generateWithEmbedding(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix m = new FeatureMatrix(embeddingSchema(), rows);
        double[] y = new double[rows];
        float[] y32 = new float[rows];
        for (int i = 0; i < rows; i++) {
            m.denseBlock()[2 * i] = (float) r.nextGaussian();
            m.denseBlock()[2 * i + 1] = (float) r.nextGaussian();
            m.categoricalBlock()[i] = 1 + r.nextInt(4);
            y[i] = r.nextInt(2);
            y32[i] = (float) y[i];
        }
        return new Data(m, m.denseBlock(), y, y32);
    }

    /** Options of the embedding model: hidden 64 and 32, otherwise as {@link #options}. */
    public static MlpOptions embeddingOptions(int epochs, long seed) {
        return options(epochs, seed).withHidden(64, 32);
    }
}
