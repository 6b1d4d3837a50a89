package ai.behavior.bench.jmh;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
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

import java.util.concurrent.TimeUnit;

/**
 * Top-10 for every one of the 6,040 users of an ML-1M-shaped matrix ({@link Ml1mShapedMatrix}) through
 * {@link Recommender#recommendAll}, seen items excluded, from an implicit-ALS model (trained once per fork,
 * 3 iterations) on {@code threads} threads: scoring the whole catalogue per user plus bounded-heap top-K.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench05_RecommendAll -p factors=64 -p threads=2
 * </pre>
 *
 * <p>Target: under 1 s for all users at 64 factors on 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench05_RecommendAll {
    @Param({"32", "64", "128"})
    public int factors;

    @Param({"1", "2"})
    public int threads;

    private Recommender recommender;

    /** The model and recommender, made once per fork. */
    @Setup(Level.Trial)
    public void train() {
        Interactions log = Ml1mShapedMatrix.generate(42);
        UserItemMatrix matrix = UserItemMatrix.of(log, Weighting.ratings());
        ImplicitAls model = ImplicitAls.fit(matrix, ImplicitAls.Options.defaults().withFactors(factors)
                .withIterations(3));
        recommender = new Recommender(model, matrix, Popularity.fit(log, Popularity.Options.defaults()));
    }

    /** Top-10 lists of all users. */
    @Benchmark
    public int[][] recommendAll() {
        return recommender.recommendAll(10, RecommendOptions.defaults(), threads);
    }
}
