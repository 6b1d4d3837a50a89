package ai.behavior.bench.jmh;

import ai.behavior.bench.peers.NaiveCsvLoader;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionsCsvWriter;
import ai.behavior.io.ReadResult;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a generated plain 5-column CSV of {@code rows} events into {@code Interactions} on one thread.
 * The primary score is whole files per second; the secondary results {@code rows} and {@code bytes} are
 * rows per second and bytes per second.
 *
 * <pre>
 * java -jar behavior-bench/target/benchmarks.jar Bench02_CsvRead -p rows=10000000
 * </pre>
 *
 * <p>Target (foundation issue): at least 3 million rows/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g", "-Dai.djl.offline=true"})
@Threads(1)
public class Bench02_CsvRead {
    @Param({"1000000", "10000000"})
    public int rows;

    private Path file;
    private long fileBytes;

    /** Rates reported beside the time per read. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        /** Rows read (JMH reports rows per second). */
        public long rows;
        /** Bytes read (JMH reports bytes per second). */
        public long bytes;
    }

    /** Writes the file once per fork. */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = PlainCsvFixture.write(Files.createTempFile("bench-events", ".csv"), rows, 42);
        fileBytes = Files.size(file);
    }

    /** Removes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The SDK's reader: typed, validated columns with a report of every row. */
    @Benchmark
    public ReadResult read(Throughput counters) throws IOException {
        ReadResult r = CsvInteractionReader.read(file, InteractionsCsvWriter.schema(false));
        counters.rows += r.report().rowsRead();
        counters.bytes += fileBytes;
        return r;
    }

    /** Peer: Apache Commons CSV with HashMap interning and JDK parsers, into the same columns. */
    @Benchmark
    public NaiveCsvLoader.Loaded peerCommonsCsv(Throughput counters) throws IOException {
        NaiveCsvLoader.Loaded r = NaiveCsvLoader.load(file);
        counters.rows += r.rows();
        counters.bytes += fileBytes;
        return r;
    }
}
