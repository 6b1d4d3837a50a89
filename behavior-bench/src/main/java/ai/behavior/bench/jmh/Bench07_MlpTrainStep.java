package ai.behavior.bench.jmh;

import ai.behavior.bench.peers.BareDjlMlp;
import ai.behavior.bench.peers.MlpFixture;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingSession;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * One optimizer step of the MLP {@code 32 -> 128 -> 64 -> 1} on a batch of 1,024 rows ({@link MlpFixture}): ours
 * ({@code behavior}: a {@link TrainingSession} over {@link Mlp#trainingTask}, exactly what {@code Mlp.fit} runs
 * per batch, loss read back included) against a bare DJL loop ({@code bare-djl}: {@link BareDjlMlp},
 * {@code EasyTrain.trainBatch} then {@code Trainer.step}), with {@code threads} PyTorch intra-op threads. The
 * {@code rows} counter is training rows per second.
 *
 * <pre>
 * OMP_WAIT_POLICY=PASSIVE java -Dai.djl.offline=true -jar behavior-bench/target/benchmarks.jar Bench07_MlpTrainStep
 * </pre>
 * ({@code OMP_WAIT_POLICY=PASSIVE}: on a machine running more threads than it has cores, OpenMP's spinning makes
 * the 2-thread settings many times slower; see {@code MlpSpeedComparison}.)
 *
 * <p>Target (neural-models issue): ours at least 0.9x the bare loop's rows per second, on 1 and on 2 threads.
 * Batches cycle over 65,536 generated rows in a fixed order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench07_MlpTrainStep {
    private static final int ROWS = 65_536;
    private static final long SEED = 42;

    @Param({"behavior", "bare-djl"})
    public String impl;

    @Param({"1", "2"})
    public int threads;

    private MlpFixture.Data data;
    private int[] order;
    private TrainingSession session;
    private BareDjlMlp bare;
    private int next;

    /** Rows trained (JMH reports rows per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        /** Rows trained. */
        public long rows;
    }

    /** Generates the rows and opens the training session or the peer. */
    @Setup(Level.Trial)
    public void open() {
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
        data = MlpFixture.generate(ROWS, SEED);
        order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        if (impl.equals("behavior")) {
            MlpOptions o = MlpFixture.options(1, SEED);
            session = TrainingSession.open(Mlp.trainingTask(data.matrix(), data.labels(), o), o.training(),
                    DeviceSelector.choose(DevicePolicy.CPU, EngineFacts.detect()), Long.MAX_VALUE);
        } else if (impl.equals("bare-djl")) {
            bare = BareDjlMlp.create(MlpFixture.WIDTH, MlpFixture.HIDDEN, MlpFixture.BATCH,
                    (float) MlpFixture.LEARNING_RATE, SEED);
        } else {
            throw new IllegalArgumentException("impl must be behavior or bare-djl, got " + impl);
        }
    }

    /** One optimizer step on the next batch of 1,024 rows. */
    @Benchmark
    public double step(Rows counter) {
        int from = next;
        next = (next + MlpFixture.BATCH) % ROWS;
        counter.rows += MlpFixture.BATCH;
        if (session != null) {
            return session.step(order, from, from + MlpFixture.BATCH);
        }
        bare.step(data.x(), data.labels32(), order, from, from + MlpFixture.BATCH);
        return from;
    }

    /** Frees the native memory. */
    @TearDown(Level.Trial)
    public void close() {
        if (session != null) {
            session.close();
        }
        if (bare != null) {
            bare.close();
        }
    }
}
