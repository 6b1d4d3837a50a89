package ai.behavior.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader read and what it skipped, by reason: nothing is dropped without being counted here.
 *
 * <pre>{@code
 * ReadReport r = CsvInteractionReader.read(path, schema, opts).report();
 * System.out.println(r.summary());   // "events.csv: 9,998 rows read, 2 skipped (bad timestamp 1, empty id 1)"
 * }</pre>
 *
 * @param source           file name or query
 * @param rowsRead         rows that became events
 * @param rowsSkipped      malformed rows skipped (SKIP policy)
 * @param blankLines       empty lines, which hold no row and are not errors
 * @param skippedByReason  skipped rows by reason (reasons with none are absent)
 * @param recordedProblems the first skipped rows in full (up to {@link ReadOptions#maxRecordedProblems()})
 * @param categoryConflicts rows whose item category differed from the item's first-seen category (the first
 *                          is kept); 0 when the schema has no category column
 * @param seconds          wall-clock seconds spent reading
 */
public record ReadReport(String source, long rowsRead, long rowsSkipped, long blankLines,
                         Map<RowProblem.Reason, Long> skippedByReason, List<RowProblem> recordedProblems,
                         long categoryConflicts, double seconds) {
    /** Defensive copies. */
    public ReadReport {
        skippedByReason = skippedByReason.isEmpty() ? Map.of() : new EnumMap<>(skippedByReason);
        recordedProblems = List.copyOf(recordedProblems);
    }

    /** One line: rows read, rows skipped with a breakdown, and any blank lines or category conflicts. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(source).append(": ").append(String.format("%,d", rowsRead)).append(" rows read, ")
                .append(String.format("%,d", rowsSkipped)).append(" skipped");
        if (!skippedByReason.isEmpty()) {
            s.append(" (");
            boolean first = true;
            for (Map.Entry<RowProblem.Reason, Long> e : skippedByReason.entrySet()) {
                s.append(first ? "" : ", ")
                        .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(' ').append(e.getValue());
                first = false;
            }
            s.append(')');
        }
        if (blankLines > 0) {
            s.append(", ").append(blankLines).append(" blank lines");
        }
        if (categoryConflicts > 0) {
            s.append(", ").append(categoryConflicts).append(" category conflicts (first kept)");
        }
        return s.toString();
    }
}
