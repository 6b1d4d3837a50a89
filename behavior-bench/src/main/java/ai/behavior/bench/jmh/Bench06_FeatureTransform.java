package ai.behavior.bench.jmh;

import ai.behavior.bench.peers.TribuoFeatureTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Transforms rows through the fitted 20-column mixed pipeline of {@link MixedPipelineFixture} on one
 * thread: a whole frame into a reused output matrix ({@code batch}), and one row at a time through a bound
 * pipeline, as a serving loop would ({@code singleRow}); and, as the peer, Oracle Tribuo's fitted
 * transformations row by row ({@code peerTribuoSingleRow}: it standardises the numeric columns and passes
 * one-hot categorical features through, less work than ours). The {@code rows} counter is rows per second.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench06_FeatureTransform -prof gc
 * </pre>
 *
 * <p>Target (features issue): at least 1 million rows/s on one core, and no allocation per row
 * ({@code -prof gc} shows the bytes allocated per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench06_FeatureTransform {
    @Param({"1000000"})
    public int rows;

    private FeatureFrame frame;
    private FeatureMatrix out;
    private FittedPipeline pipeline;
    private FittedPipeline.Bound bound;
    private FeatureMatrix oneRow;
    private FittedPipeline.Bound boundOne;
    private int next;
    private TribuoFeatureTransform tribuo;
    private int nextTribuo;

    /** Rows transformed (JMH reports rows per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        /** Rows transformed. */
        public long rows;
    }

    /** Fits on 200,000 generated rows and builds the frame to transform. */
    @Setup(Level.Trial)
    public void fit() {
        FeatureFrame train = MixedPipelineFixture.frame(200_000, 1);
        pipeline = MixedPipelineFixture.pipeline().fit(train, MixedPipelineFixture.context(train));
        frame = MixedPipelineFixture.frame(rows, 2);
        out = new FeatureMatrix(pipeline.schema(), rows);
        bound = pipeline.bind(frame, out);
        oneRow = new FeatureMatrix(pipeline.schema(), 1);
        boundOne = pipeline.bind(frame, oneRow);
        // Tribuo examples are objects per row: 200,000 of them keep the peer's heap reasonable
        tribuo = TribuoFeatureTransform.fit(train, MixedPipelineFixture.frame(200_000, 2));
    }

    /** The whole frame into the reused matrix. */
    @Benchmark
    public float batch(Throughput counters) {
        bound.transformAll();
        counters.rows += rows;
        return out.denseBlock()[0];
    }

    /** One row into a one-row matrix, cycling through the frame. */
    @Benchmark
    public void singleRow(Throughput counters, Blackhole bh) {
        boundOne.transform(next, 0);
        next = next + 1 == rows ? 0 : next + 1;
        counters.rows++;
        bh.consume(oneRow.denseBlock()[0]);
    }

    /** Peer: one row through Oracle Tribuo's fitted standardisation (a subset of the work; see the peer). */
    @Benchmark
    public void peerTribuoSingleRow(Throughput counters, Blackhole bh) {
        bh.consume(tribuo.transform(nextTribuo));
        nextTribuo = nextTribuo + 1 == tribuo.size() ? 0 : nextTribuo + 1;
        counters.rows++;
    }
}
