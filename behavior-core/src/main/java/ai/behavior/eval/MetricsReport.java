package ai.behavior.eval;

import ai.behavior.metric.RankingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable table of results: one row per model (or group), one column per metric, plus counts such as
 * users evaluated and skipped, always carried with the {@link EvaluationProtocol} that produced them.
 *
 * <pre>{@code
 * MetricsReport report = MetricsReport.builder("ML-1M top-K", protocol).row("ALS", result).build();
 * System.out.println(report.toTable());  report.writeJson(Path.of("results.json"));
 * }</pre>
 *
 * <p>{@link #toTable()} prints the title and the protocol line above an aligned text table (names left,
 * numbers right, a fixed number of decimals, {@code -} where a row lacks a column). {@link #toJson()} writes
 * strict JSON with Gson: finite numbers exactly (they parse back to the same doubles), NaN and infinities as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; {@link #fromJson(String)} reads it back.
 */
public final class MetricsReport {
    /** Decimals shown by {@link #toTable()} unless the builder says otherwise. */
    public static final int DEFAULT_DECIMALS = 4;

    private final String title;
    private final EvaluationProtocol protocol;
    private final Instant createdAt;
    private final int decimals;
    private final List<Row> rows;

    /**
     * One row of the report.
     *
     * @param name model or group name, unique within the report
     * @param values metric name to value, in insertion order (an unmodifiable copy)
     * @param counts count name to count, e.g. {@code "users evaluated"} (an unmodifiable copy)
     */
    public record Row(String name, Map<String, Double> values, Map<String, Long> counts) {
        /** Validates and copies. */
        public Row {
            if (name == null || name.isBlank() || hasLineBreak(name)) {
                throw new IllegalArgumentException("row name must be one non-blank line, got '" + name + "'");
            }
            values = copy(values, "values");
            counts = copy(counts, "counts");
        }

        private static <V> Map<String, V> copy(Map<String, V> map, String what) {
            if (map == null) {
                return Map.of();
            }
            Map<String, V> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (k == null || k.isBlank() || hasLineBreak(k) || v == null) {
                    throw new IllegalArgumentException(what + " need one-line names and non-null values, got '"
                            + k + "' = " + v);
                }
                out.put(k, v);
            });
            return Collections.unmodifiableMap(out);
        }

        private static boolean hasLineBreak(String s) {
            return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        }
    }

    private MetricsReport(String title, EvaluationProtocol protocol, Instant createdAt, int decimals,
                          List<Row> rows) {
        this.title = title;
        this.protocol = protocol;
        this.createdAt = createdAt;
        this.decimals = decimals;
        this.rows = List.copyOf(rows);
    }

    /** A builder for a report titled {@code title} (e.g. the dataset and task) under {@code protocol}. */
    public static Builder builder(String title, EvaluationProtocol protocol) {
        return new Builder(title, protocol);
    }

    /** Reads a report written by {@link #toJson()}. */
    public static MetricsReport fromJson(String json) {
        return ReportJson.read(json);
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The protocol behind every number. */
    public EvaluationProtocol protocol() {
        return protocol;
    }

    /** When the report was made, if the builder was told. */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** Decimals shown by {@link #toTable()}. */
    public int decimals() {
        return decimals;
    }

    /** The rows, in insertion order. */
    public List<Row> rows() {
        return rows;
    }

    /** Metric column names: the union over rows, in first-seen order. */
    public List<String> metrics() {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.values().keySet()));
        return List.copyOf(names);
    }

    /** Count column names: the union over rows, in first-seen order. */
    public List<String> countNames() {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.counts().keySet()));
        return List.copyOf(names);
    }

    /**
     * The value of {@code metric} in row {@code rowName}.
     *
     * @throws IllegalArgumentException if there is no such row or the row lacks the metric
     */
    public double value(String rowName, String metric) {
        Double v = row(rowName).values().get(metric);
        if (v == null) {
            throw new IllegalArgumentException("row '" + rowName + "' has no metric '" + metric + "'");
        }
        return v;
    }

    /** The row named {@code name}. */
    public Row row(String name) {
        for (Row r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row named '" + name + "'");
    }

    /**
     * The report as text: title, protocol line, then an aligned table (one row per model, one column per
     * metric) whose lines (header, rule, rows) all have the same width.
     */
    public String toTable() {
        List<String> header = new ArrayList<>();
        header.add("model");
        header.addAll(metrics());
        header.addAll(countNames());
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>();
            line.add(r.name());
            for (String m : metrics()) {
                line.add(cell(r, m));
            }
            for (String c : countNames()) {
                line.add(countCell(r, c));
            }
            cells.add(line);
        }
        return render(header, cells);
    }

    /**
     * The same report with one line per metric and one column per model: the readable layout when there
     * are many metrics (ranking metrics at several K) and few models.
     */
    public String toTransposedTable() {
        List<String> header = new ArrayList<>();
        header.add("metric");
        rows.forEach(r -> header.add(r.name()));
        List<List<String>> cells = new ArrayList<>();
        for (String m : metrics()) {
            List<String> line = new ArrayList<>();
            line.add(m);
            rows.forEach(r -> line.add(cell(r, m)));
            cells.add(line);
        }
        for (String c : countNames()) {
            List<String> line = new ArrayList<>();
            line.add(c);
            rows.forEach(r -> line.add(countCell(r, c)));
            cells.add(line);
        }
        return render(header, cells);
    }

    private String cell(Row r, String metric) {
        Double v = r.values().get(metric);
        return v == null ? "-" : format(v);
    }

    private static String countCell(Row r, String count) {
        Long v = r.counts().get(count);
        return v == null ? "-" : Long.toString(v);
    }

    private String render(List<String> header, List<List<String>> cells) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n').append(protocol.describe()).append('\n');
        appendLine(sb, header, widths);
        for (int c = 0; c < widths.length; c++) {
            sb.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        sb.append('\n');
        for (List<String> line : cells) {
            appendLine(sb, line, widths);
        }
        return sb.toString();
    }

    /** The report as strict JSON (see the class comment for non-finite numbers). */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** Writes {@link #toJson()} to {@code path} in UTF-8, replacing the file. */
    public void writeJson(Path path) throws IOException {
        Files.writeString(path, toJson(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return toTable();
    }

    private String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void appendLine(StringBuilder sb, List<String> line, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = line.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(c == 0 ? "" : " | ").append(c == 0 ? cell + pad : pad + cell);
        }
        sb.append('\n');
    }

    /** Collects rows for an immutable {@link MetricsReport}. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final EvaluationProtocol protocol;
        private final List<Row> rows = new ArrayList<>();
        private Instant createdAt;
        private int decimals = DEFAULT_DECIMALS;

        private Builder(String title, EvaluationProtocol protocol) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("report title must not be blank");
            }
            if (protocol == null) {
                throw new IllegalArgumentException("a report needs its evaluation protocol");
            }
            this.title = title.strip();
            this.protocol = protocol;
        }

        /** Adds a row of metric values. */
        public Builder row(String name, Map<String, Double> values) {
            return row(name, values, Map.of());
        }

        /** Adds a row of metric values and counts; row names must be unique. */
        public Builder row(String name, Map<String, Double> values, Map<String, Long> counts) {
            Row row = new Row(name, values, counts);
            for (Row r : rows) {
                if (r.name().equals(row.name())) {
                    throw new IllegalArgumentException("duplicate row name '" + name + "'");
                }
            }
            rows.add(row);
            return this;
        }

        /** Adds a row holding every value and user count of a top-K ranking result. */
        public Builder row(String name, RankingResult result) {
            return row(name, result.values(), result.counts());
        }

        /** Records when the report was made (shown in JSON). */
        public Builder createdAt(Instant when) {
            this.createdAt = when;
            return this;
        }

        /** Decimals shown by {@link MetricsReport#toTable()}, 0 to 12. */
        public Builder decimals(int value) {
            if (value < 0 || value > 12) {
                throw new IllegalArgumentException("decimals must be in [0, 12], got " + value);
            }
            this.decimals = value;
            return this;
        }

        /** The report. */
        public MetricsReport build() {
            return new MetricsReport(title, protocol, createdAt, decimals, rows);
        }
    }
}
