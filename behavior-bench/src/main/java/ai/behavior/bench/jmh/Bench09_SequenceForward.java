package ai.behavior.bench.jmh;

import ai.behavior.data.Interactions;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.sequence.EncoderKind;
import ai.behavior.models.sequence.EventSequences;
import ai.behavior.models.sequence.NextItem;
import ai.behavior.models.sequence.SequenceModel;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.models.sequence.SequencePredictor;
import ai.behavior.synth.SyntheticShop;
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
 * The forward pass of the sequence models over users' histories (last 50 events, dim 64): {@code encode} (the
 * encoder's state after the last event) and {@code scores} (next-item scores over the whole catalogue), for
 * {@code batch} histories per call, with the SASRec-style Transformer (2 layers, 2 heads) or the GRU4Rec-style GRU
 * and {@code threads} PyTorch intra-op threads. The model is trained one epoch on the synthetic shop (1,000
 * shoppers, 1,000 items; the histories of shoppers with at least one event) in the set-up; speed does not depend on how well it is trained. Sampled per call: JMH
 * prints the mean and percentiles in microseconds; sequences per second = {@code batch * 1e6 / mean}.
 *
 * <pre>
 * OMP_WAIT_POLICY=PASSIVE java -Dai.djl.offline=true -jar behavior-bench/target/benchmarks.jar \
 *   Bench09_SequenceForward -p threads=1
 * </pre>
 * ({@code OMP_WAIT_POLICY=PASSIVE}: on a machine running more threads than it has cores, OpenMP's spinning makes
 * the 2-thread settings many times slower; see {@code MlpSpeedComparison}.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench09_SequenceForward {
    @Param({"TRANSFORMER", "GRU"})
    public EncoderKind encoder;

    @Param({"1", "256"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private SequenceModel model;
    private SequencePredictor predictor;
    private EventSequences histories;
    private float[] encoded;
    private float[] scores;
    private int next;

    /** Generates the shop, trains one epoch, and prepares the histories. */
    @Setup(Level.Trial)
    public void train() {
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(1_000).withSeed(42))
                .interactions();
        SequenceOptions o = SequenceOptions.transformer().withEncoder(encoder).withTraining(
                SequenceOptions.defaultTraining().withEpochs(1).withDevice(DevicePolicy.CPU));
        model = NextItem.fit(log, null, o);
        predictor = model.newPredictor();
        EventSequences all = EventSequences.histories(log); // one row per user index; some users never came
        histories = all.select(java.util.stream.IntStream.range(0, all.size())
                .filter(r -> all.items()[r].length > 0).toArray());
        encoded = new float[batch * model.architecture().dim()];
        scores = new float[batch * model.items().size()];
    }

    private int from() {
        int from = next;
        next = next + 2 * batch > histories.size() ? 0 : next + batch;
        return from;
    }

    /** The encoder's representation of the next {@code batch} histories. */
    @Benchmark
    public float encode() {
        int from = from();
        predictor.encode(histories, from, from + batch, encoded, 0);
        return encoded[0];
    }

    /** Next-item scores over the catalogue for the next {@code batch} histories. */
    @Benchmark
    public float scores() {
        int from = from();
        predictor.scores(histories, from, from + batch, scores, 0);
        return scores[0];
    }

    /** Frees the native memory. */
    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }
}
