package ai.behavior.report;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small table describing the data behind an evaluation: one row per fact (events, users, items, event
 * types, time span, density), one column per data set (e.g. train and test).
 *
 * <pre>{@code
 * DataSummary s = DataSummary.of(Map.of("train", train, "test", test));
 * DataSummary t = DataSummary.builder("value").row("rows", "120,000").row("positives", "3.1%").build();
 * }</pre>
 *
 * @param columns column headers (the data set names)
 * @param rows    the rows, each with one value per column
 */
public record DataSummary(List<String> columns, List<Row> rows) {
    /**
     * One fact.
     *
     * @param name   what is counted
     * @param values one value per column, already formatted
     */
    public record Row(String name, List<String> values) {
        /** Copies the values. */
        public Row {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("row name must not be blank");
            }
            values = List.copyOf(values);
        }
    }

    /** Validates and copies. */
    public DataSummary {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a data summary needs at least one column");
        }
        for (Row r : rows) {
            if (r.values().size() != columns.size()) {
                throw new IllegalArgumentException("row '" + r.name() + "' has " + r.values().size()
                        + " values for " + columns.size() + " columns");
            }
        }
        rows = List.copyOf(rows);
    }

    /** A builder of a one-column table headed {@code column}. */
    public static Builder builder(String column) {
        return new Builder(List.of(column));
    }

    /** Events, users, items, event-type mix, time span and density of one log. */
    public static DataSummary of(Interactions log) {
        return of(Map.of("value", log));
    }

    /**
     * The same facts for several logs side by side, in the map's iteration order (use a
     * {@link LinkedHashMap} for a fixed order).
     */
    public static DataSummary of(Map<String, Interactions> logs) {
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("no logs to summarise");
        }
        List<String> names = new ArrayList<>(logs.keySet());
        List<Facts> facts = new ArrayList<>();
        logs.values().forEach(l -> facts.add(Facts.of(l)));
        Map<String, List<String>> table = new LinkedHashMap<>();
        put(table, "events", facts, f -> count(f.events));
        put(table, "users", facts, f -> count(f.users));
        put(table, "items", facts, f -> count(f.items));
        put(table, "distinct user-item pairs", facts, f -> count(f.pairs));
        put(table, "density (pairs / users x items)", facts, f -> f.users == 0 || f.items == 0 ? "-"
                : String.format(Locale.ROOT, "%.4f%%", 100.0 * f.pairs / ((double) f.users * f.items)));
        for (EventType t : EventType.values()) {
            if (facts.stream().anyMatch(f -> f.byType[t.ordinal()] > 0)) {
                put(table, "events: " + t.label(), facts, f -> count(f.byType[t.ordinal()]) + (f.events == 0 ? ""
                        : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * f.byType[t.ordinal()] / f.events)));
            }
        }
        put(table, "first event (UTC)", facts, f -> f.events == 0 ? "-" : Instant.ofEpochMilli(f.first).toString());
        put(table, "last event (UTC)", facts, f -> f.events == 0 ? "-" : Instant.ofEpochMilli(f.last).toString());
        put(table, "time span (days)", facts, f -> f.events == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f", (f.last - f.first) / 86_400_000.0));
        List<Row> rows = new ArrayList<>();
        table.forEach((k, v) -> rows.add(new Row(k, v)));
        return new DataSummary(names, rows);
    }

    private static void put(Map<String, List<String>> table, String name, List<Facts> facts,
                            java.util.function.Function<Facts, String> f) {
        table.put(name, facts.stream().map(f).toList());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The numbers of one log. */
    private record Facts(long events, long users, long items, long pairs, long[] byType, long first, long last) {
        static Facts of(Interactions log) {
            int n = log.size();
            long[] byType = new long[EventType.values().length];
            long[] keys = new long[n];
            for (int r = 0; r < n; r++) {
                byType[log.typeCode(r)]++;
                keys[r] = (long) log.user(r) * log.numItems() + log.item(r);
            }
            Arrays.sort(keys);
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    pairs++;
                }
            }
            return new Facts(n, log.activeUsers(), log.activeItems(), pairs, byType,
                    n == 0 ? 0 : log.minTimestamp(), n == 0 ? 0 : log.maxTimestamp());
        }
    }

    /** Adds rows to a table. Not thread-safe. */
    public static final class Builder {
        private final List<String> columns;
        private final List<Row> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        /** Adds a row with one value per column. */
        public Builder row(String name, String... values) {
            rows.add(new Row(name, List.of(values)));
            return this;
        }

        /** The table. */
        public DataSummary build() {
            return new DataSummary(columns, rows);
        }
    }
}
