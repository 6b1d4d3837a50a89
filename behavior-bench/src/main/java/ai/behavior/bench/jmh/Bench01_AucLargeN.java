package ai.behavior.bench.jmh;

import ai.behavior.metric.RocAuc;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * ROC-AUC over {@code n} scores on one thread: unweighted (the common case), weighted, and Oracle Tribuo's
 * {@code binaryAUCROC} on the same data as the peer.
 * Scores are a noisy function of the label (AUC about 0.69), 30 % positives.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench01_AucLargeN -p n=10000000
 * </pre>
 *
 * <p>Target (foundation issue): under 2 s for 10 million scores on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench01_AucLargeN {
    @Param({"1000000", "10000000"})
    public int n;

    private int[] truth;
    private boolean[] truthFlags;
    private double[] scores;
    private double[] weights;

    /** Labels, scores and weights, made once per fork. */
    @Setup(Level.Trial)
    public void makeScores() {
        SplittableRandom rnd = new SplittableRandom(7);
        truth = new int[n];
        truthFlags = new boolean[n];
        scores = new double[n];
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            scores[i] = truth[i] + rnd.nextGaussian() * 1.4;
            weights[i] = 0.5 + rnd.nextDouble();
            truthFlags[i] = truth[i] == 1;
        }
    }

    /** The SDK's AUC, unweighted. */
    @Benchmark
    public double unweighted() {
        return RocAuc.of(truth, scores);
    }

    /** The SDK's AUC with a weight per score. */
    @Benchmark
    public double weighted() {
        return RocAuc.of(truth, scores, weights);
    }

    /** Peer: Oracle Tribuo's binary AUC (sorts the scores, then walks the ROC curve). */
    @Benchmark
    public double peerTribuo() {
        return LabelEvaluationUtil.binaryAUCROC(truthFlags, scores);
    }
}
