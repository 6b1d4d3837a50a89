package ai.behavior.spark;

import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.io.ReadPolicy;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A DataFrame of events becomes the SDK's {@link Interactions}: on the driver (the whole frame, streamed one
 * partition at a time) or on the executors, one {@code Interactions} per partition handed to a function.
 *
 * <pre>{@code
 * SparkEvents.Result r = SparkEvents.toInteractions(frame, EventColumns.of("user", "item"), ReadPolicy.FAIL);
 * ImplicitAls als = ImplicitAls.fit(r.events(), ImplicitAls.Options.defaults());
 * }</pre>
 *
 * <p>Bad rows follow the readers' {@link ReadPolicy}: {@code FAIL} stops at the first with a
 * {@link BadRowException} naming the row, column and value (a null id, an event type outside the mapping, an
 * unreadable timestamp, a null / NaN / infinite / non-numeric value); {@code SKIP} drops it and counts it by
 * reason in the {@link ConversionReport}. Nothing is dropped silently. Only the mapped columns leave the
 * executors.
 */
public final class SparkEvents {
    private SparkEvents() {
    }

    /**
     * The events and what was read to make them.
     *
     * @param events the interactions, in DataFrame order; ids interned in order of first appearance
     * @param report rows read, kept and skipped
     */
    public record Result(Interactions events, ConversionReport report) {
    }

    /**
     * Collects {@code frame} into one {@link Interactions} on the driver, partition by partition (the driver
     * holds the events, never the whole DataFrame's rows at once).
     *
     * @throws BadRowException under {@code FAIL}, naming the 1-based row in DataFrame order, the column and value
     * @throws IllegalArgumentException if a mapped column is missing
     */
    public static Result toInteractions(Dataset<Row> frame, EventColumns cols, ReadPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Dataset<Row> narrow = frame.select(columns(cols));
        EventRowParser parser = EventRowParser.of(cols, narrow.schema());
        InteractionsBuilder b = Interactions.builder();
        Tally tally = new Tally();
        Iterator<Row> rows = narrow.toLocalIterator();
        long n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            n++;
            read(parser, row, b, tally, policy, "row " + n);
        }
        return new Result(b.build(), tally.report(n));
    }

    /**
     * Runs {@code fn} on each partition's events, on the executors; the results form an RDD in partition
     * order. Under {@code FAIL} the first bad row fails the job with a {@link BadRowException} message naming
     * the partition and the row within it.
     */
    public static <R> JavaRDD<R> perPartition(Dataset<Row> frame, EventColumns cols, ReadPolicy policy,
                                              PartitionFunction<R> fn) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fn, "fn");
        Dataset<Row> narrow = frame.select(columns(cols));
        EventRowParser template = EventRowParser.of(cols, narrow.schema());
        return narrow.javaRDD().mapPartitionsWithIndex((partition, rows) -> {
            EventRowParser parser = template.copy();
            InteractionsBuilder b = Interactions.builder();
            Tally tally = new Tally();
            long n = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                n++;
                read(parser, row, b, tally, policy, "partition " + partition + ", row " + n);
            }
            List<R> out = new ArrayList<>(1);
            out.add(fn.apply(new PartitionEvents(partition, b.build(), tally.report(n))));
            return out.iterator();
        }, true);
    }

    private static void read(EventRowParser parser, Row row, InteractionsBuilder b, Tally tally, ReadPolicy policy,
                             String where) {
        String problem = parser.parse(row);
        if (problem == null) {
            b.add(parser.userId, parser.itemId, parser.eventType, parser.millis, parser.eventValue);
            return;
        }
        if (policy == ReadPolicy.FAIL) {
            throw new BadRowException(where + ": " + problem
                    + " (use ReadPolicy.SKIP to skip and count such rows)");
        }
        tally.skip(parser.reason, where + ": " + problem);
    }

    /** The mapped columns, each once, in mapping order. */
    static Column[] columns(EventColumns cols) {
        Set<String> names = new LinkedHashSet<>();
        names.add(cols.user());
        names.add(cols.item());
        for (String c : new String[] {cols.eventType(), cols.timestamp(), cols.value()}) {
            if (c != null) {
                names.add(c);
            }
        }
        return names.stream().map(functions::col).toArray(Column[]::new);
    }

    /** Skip counts of one pass. */
    private static final class Tally {
        private final Map<String, Long> reasons = new TreeMap<>();
        private final List<String> examples = new ArrayList<>();
        private long skipped;

        void skip(String reason, String text) {
            reasons.merge(reason, 1L, Long::sum);
            skipped++;
            if (examples.size() < ConversionReport.MAX_EXAMPLES) {
                examples.add(text);
            }
        }

        ConversionReport report(long read) {
            return new ConversionReport(read, read - skipped, reasons, examples);
        }
    }
}
