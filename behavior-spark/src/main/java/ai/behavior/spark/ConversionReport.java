package ai.behavior.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a DataFrame-to-events conversion read and skipped: rows read, events kept, skipped rows counted by
 * reason, and the first few problems in words (partition, row, column, value). Merges across partitions.
 *
 * <pre>{@code
 * SparkEvents.Result r = SparkEvents.toInteractions(frame, cols, ReadPolicy.SKIP);
 * System.out.println(r.report().skipped() + " skipped: " + r.report().skippedByReason());
 * }</pre>
 *
 * @param rowsRead        rows seen
 * @param eventsKept      rows that became events
 * @param skippedByReason skipped rows by reason (sorted by reason)
 * @param examples        up to {@link #MAX_EXAMPLES} problems in words, first partitions first
 */
public record ConversionReport(long rowsRead, long eventsKept, Map<String, Long> skippedByReason,
                               List<String> examples) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many problem texts a report keeps. */
    public static final int MAX_EXAMPLES = 10;

    /** Copies the collections. */
    public ConversionReport {
        skippedByReason = Map.copyOf(skippedByReason);
        examples = List.copyOf(examples);
    }

    /** Rows skipped, all reasons together. */
    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** This report and {@code other} added together (this one's examples first). */
    public ConversionReport merge(ConversionReport other) {
        Map<String, Long> reasons = new TreeMap<>(skippedByReason);
        other.skippedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        List<String> ex = new ArrayList<>(examples);
        for (String e : other.examples) {
            if (ex.size() < MAX_EXAMPLES) {
                ex.add(e);
            }
        }
        return new ConversionReport(rowsRead + other.rowsRead, eventsKept + other.eventsKept, reasons, ex);
    }

    /** An empty report. */
    static ConversionReport empty() {
        return new ConversionReport(0, 0, Map.of(), List.of());
    }

    @Override
    public String toString() {
        return "read " + rowsRead + " rows, kept " + eventsKept + " events, skipped " + skipped()
                + (skipped() == 0 ? "" : " " + new TreeMap<>(skippedByReason));
    }
}
