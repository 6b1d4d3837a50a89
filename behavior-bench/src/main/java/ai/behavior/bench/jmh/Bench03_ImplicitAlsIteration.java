package ai.behavior.bench.jmh;

import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
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
 * Time per implicit-ALS iteration (user half-step, item half-step, objective) on an ML-1M-shaped matrix
 * (6,040 x 3,706, 1,000,209 ratings of 1-5 as values, {@link Ml1mShapedMatrix}), 3 conjugate-gradient steps,
 * on {@code threads} worker threads. Each invocation fits {@value #ITERATIONS} iterations, so the one-off
 * setup (copying and transposing the matrix, initial factors) is included, spread over them.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench03_ImplicitAlsIteration -p factors=64 -p threads=2
 * </pre>
 *
 * <p>The forks run with {@code --add-modules jdk.incubator.vector}; {@code kernels=auto} takes the Vector API
 * kernels there ({@code ai.behavior.recsys.als.AlsKernels}), {@code kernels=scalar} forces the plain-Java ones
 * (system property {@code behavior.als.kernels}), so both are timed side by side.
 *
 * <p>Target: at most 0.15 s per iteration at 64 factors on 2 threads. Reference: Spark MLlib implicit ALS
 * at rank 10 takes about 0.67 s per iteration warm here (see ARCHITECTURE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true", "--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class Bench03_ImplicitAlsIteration {
    static final int ITERATIONS = 5;

    @Param({"32", "64", "128"})
    public int factors;

    @Param({"1", "2"})
    public int threads;

    @Param({"auto", "scalar"})
    public String kernels;

    private UserItemMatrix matrix;
    private ImplicitAls.Options options;

    /** The matrix, made once per fork. */
    @Setup(Level.Trial)
    public void makeMatrix() {
        System.setProperty("behavior.als.kernels", kernels);
        matrix = UserItemMatrix.of(Ml1mShapedMatrix.generate(42), Weighting.ratings());
        options = ImplicitAls.Options.defaults().withFactors(factors).withThreads(threads).withIterations(ITERATIONS);
    }

    /** One fit of {@value #ITERATIONS} iterations; the score is per iteration. */
    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public ImplicitAls iteration() {
        return ImplicitAls.fit(matrix, options);
    }
}
