package ai.behavior.bench.jmh;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the plain 5-column event layout ({@code user_id,item_id,event_type,timestamp,value}) that the CSV
 * reading benchmark reads: realistic id widths, Zipf-ish item skew, millisecond timestamps, one-decimal values.
 *
 * <pre>{@code
 * Path csv = PlainCsvFixture.write(Files.createTempFile("events", ".csv"), 10_000_000, 42);
 * }</pre>
 */
public final class PlainCsvFixture {
    private static final String[] TYPES = {"view", "view", "view", "view", "view", "view", "click", "cart",
        "favourite", "purchase"};

    private PlainCsvFixture() {
    }

    /** Writes {@code rows} events to {@code file} and returns it. */
    public static Path write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = Math.max(10, rows / 100);
        int items = Math.max(10, rows / 50);
        long t = 1_700_000_000_000L;
        StringBuilder line = new StringBuilder(64);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,event_type,timestamp,value\n");
            for (int r = 0; r < rows; r++) {
                double skew = rnd.nextDouble();
                int item = (int) (items * skew * skew * skew);
                t += rnd.nextInt(2_000);
                line.setLength(0);
                line.append('u').append(rnd.nextInt(users)).append(',').append('i').append(item).append(',')
                        .append(TYPES[rnd.nextInt(TYPES.length)]).append(',').append(t).append(',')
                        .append(rnd.nextInt(3000) / 10.0).append('\n');
                w.append(line);
            }
        }
        return file;
    }
}
