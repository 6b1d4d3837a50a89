package ai.behavior.bench.jmh;

import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.bpr.Bpr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * BPR sampled updates per second on an ML-1M-shaped matrix ({@link Ml1mShapedMatrix}: 1,000,209 positive
 * pairs, so an epoch is 1,000,209 updates), with Hogwild updates on {@code threads} threads. Each invocation
 * fits {@value #EPOCHS} epochs (setup included, spread over them); the score, in operations per second, is
 * updates per second.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench04_BprEpoch -p factors=64 -p threads=2
 * </pre>
 *
 * <p>Target: at least 5 million updates per second at 64 factors on 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench04_BprEpoch {
    static final int EPOCHS = 3;

    @Param({"32", "64", "128"})
    public int factors;

    @Param({"1", "2"})
    public int threads;

    private UserItemMatrix matrix;
    private Bpr.Options options;

    /** The matrix, made once per fork. */
    @Setup(Level.Trial)
    public void makeMatrix() {
        matrix = UserItemMatrix.of(Ml1mShapedMatrix.generate(42), Weighting.ratings());
        if (matrix.nnz() != Ml1mShapedMatrix.RATINGS) {
            throw new IllegalStateException("expected " + Ml1mShapedMatrix.RATINGS + " pairs, got " + matrix.nnz());
        }
        options = Bpr.Options.defaults().withFactors(factors).withThreads(threads).withEpochs(EPOCHS);
    }

    /** One fit of {@value #EPOCHS} epochs; the score is sampled updates per second. */
    @Benchmark
    @OperationsPerInvocation(EPOCHS * Ml1mShapedMatrix.RATINGS)
    public Bpr updates() {
        return Bpr.fit(matrix, options);
    }
}
