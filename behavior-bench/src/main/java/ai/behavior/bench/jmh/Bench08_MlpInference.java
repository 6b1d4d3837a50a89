package ai.behavior.bench.jmh;

import ai.behavior.bench.peers.BareDjlMlp;
import ai.behavior.bench.peers.MlpFixture;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpPredictor;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Predicting batches of {@code batch} rows with the MLP {@code 32 -> 128 -> 64 -> 1} ({@link MlpFixture}, trained
 * one epoch): ours ({@code behavior}: {@link MlpPredictor}, inputs checked, one joined input array, probabilities
 * out) beside a bare DJL forward ({@code bare-djl}: the block's forward on a {@code manager.create}d array in a
 * sub-manager, logits out), with {@code threads} PyTorch intra-op threads. Sampled per call: JMH prints the mean
 * and the percentiles in microseconds; rows per second = {@code batch * 1e6 / mean}.
 *
 * <pre>
 * OMP_WAIT_POLICY=PASSIVE java -Dai.djl.offline=true -jar behavior-bench/target/benchmarks.jar \
 *   Bench08_MlpInference -p threads=1
 * </pre>
 * ({@code OMP_WAIT_POLICY=PASSIVE}: on a machine running more threads than it has cores, OpenMP's spinning makes
 * the 2-thread settings many times slower; see {@code MlpSpeedComparison}.)
 *
 * <p>Targets (neural-models issue): batches of 1,024 at least 3 million rows/s on 1 thread (a mean under
 * 341 us), and single rows with a p50 under 20 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench08_MlpInference {
    private static final int POOL = 16_384;
    private static final long SEED = 42;

    @Param({"1", "64", "1024"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    @Param({"behavior", "bare-djl"})
    public String impl;

    private MlpFixture.Data data;
    private MlpModel model;
    private MlpPredictor predictor;
    private BareDjlMlp bare;
    private double[] scores;
    private float[] logits;
    private int next;

    /** Trains the model (or makes the peer) and the rows to predict. */
    @Setup(Level.Trial)
    public void open() {
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
        data = MlpFixture.generate(POOL, SEED);
        scores = new double[batch];
        logits = new float[batch];
        if (impl.equals("behavior")) {
            model = Mlp.fit(data.matrix(), data.labels(), MlpFixture.options(1, SEED), null);
            predictor = model.newPredictor();
        } else if (impl.equals("bare-djl")) {
            bare = BareDjlMlp.create(MlpFixture.WIDTH, MlpFixture.HIDDEN, MlpFixture.BATCH,
                    (float) MlpFixture.LEARNING_RATE, SEED);
        } else {
            throw new IllegalArgumentException("impl must be behavior or bare-djl, got " + impl);
        }
    }

    /** One call on the next {@code batch} rows of the pool. */
    @Benchmark
    public double predict() {
        int from = next;
        next = next + 2 * batch > POOL ? 0 : next + batch;
        if (predictor != null) {
            predictor.predict(data.matrix(), from, from + batch, scores, 0);
            return scores[0];
        }
        bare.forward(data.x(), from, from + batch, logits);
        return logits[0];
    }

    /** Frees the native memory. */
    @TearDown(Level.Trial)
    public void close() {
        if (model != null) {
            model.close();
        }
        if (bare != null) {
            bare.close();
        }
    }
}
