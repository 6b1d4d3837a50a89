package ai.behavior.bench.peers;

import ai.behavior.data.EventType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The peer for CSV reading: what a Java team writes without the SDK, with Apache Commons CSV, a
 * {@code HashMap<String, Integer>} per id space and the JDK's number parsers, into the same primitive
 * columns the SDK builds (grown by doubling, no boxing in the columns). No validation beyond what the JDK
 * parsers do, so it does less work than the SDK's reader.
 *
 * <pre>{@code
 * long rows = NaiveCsvLoader.load(Path.of("events.csv")).rows();
 * }</pre>
 */
public final class NaiveCsvLoader {
    /**
     * The loaded columns.
     *
     * @param rows  number of events
     * @param users distinct users
     * @param items distinct items
     * @param check a checksum so the JIT cannot drop the work
     */
    public record Loaded(int rows, int users, int items, long check) {
    }

    private NaiveCsvLoader() {
    }

    /** Loads {@code user_id,item_id,event_type,timestamp,value} with a header. */
    public static Loaded load(Path file) throws IOException {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        int[] user = new int[1024];
        int[] item = new int[1024];
        byte[] type = new byte[1024];
        long[] time = new long[1024];
        float[] value = new float[1024];
        int n = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord r : parser) {
                if (n == user.length) {
                    int cap = n * 2;
                    user = Arrays.copyOf(user, cap);
                    item = Arrays.copyOf(item, cap);
                    type = Arrays.copyOf(type, cap);
                    time = Arrays.copyOf(time, cap);
                    value = Arrays.copyOf(value, cap);
                }
                user[n] = users.computeIfAbsent(r.get(0), k -> users.size());
                item[n] = items.computeIfAbsent(r.get(1), k -> items.size());
                type[n] = (byte) EventType.parse(r.get(2)).ordinal();
                time[n] = Long.parseLong(r.get(3));
                value[n] = Float.parseFloat(r.get(4));
                n++;
            }
        }
        long check = 0;
        for (int k = 0; k < n; k++) {
            check += user[k] + item[k] + type[k] + time[k] + (long) value[k];
        }
        return new Loaded(n, users.size(), items.size(), check);
    }
}
