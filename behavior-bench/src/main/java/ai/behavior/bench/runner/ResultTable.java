package ai.behavior.bench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints results as text: one block per protocol (the protocol line, then a table with one row per model and
 * one column per metric, then the model's seconds and threads).
 *
 * <pre>{@code
 * System.out.print(ResultTable.render(outcome.results()));
 * }</pre>
 *
 * <p>Metrics show four decimals, seconds two; a cell is {@code -} where a model lacks the metric. A model's
 * seconds column shows the largest {@link Result#seconds()} among its figures (they normally agree).
 */
public final class ResultTable {
    private ResultTable() {
    }

    /** The text of all blocks, each followed by an empty line; empty for no results. */
    public static String render(List<Result> results) {
        Map<String, List<Result>> byProtocol = new LinkedHashMap<>();
        for (Result r : results) {
            byProtocol.computeIfAbsent(r.protocol(), p -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder();
        byProtocol.forEach((protocol, rows) -> sb.append(block(protocol, rows)).append('\n'));
        return sb.toString();
    }

    private static String block(String protocol, List<Result> results) {
        List<String> metrics = new ArrayList<>();
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> threads = new LinkedHashMap<>();
        for (Result r : results) {
            if (!metrics.contains(r.metric())) {
                metrics.add(r.metric());
            }
            byModel.computeIfAbsent(r.model(), m -> new LinkedHashMap<>()).put(r.metric(), r.value());
            seconds.merge(r.model(), r.seconds(), Math::max);
            threads.merge(r.model(), r.threads(), Math::max);
        }
        List<String> header = new ArrayList<>();
        header.add("model");
        header.addAll(metrics);
        header.add("seconds");
        header.add("threads");
        List<List<String>> cells = new ArrayList<>();
        byModel.forEach((model, values) -> {
            List<String> line = new ArrayList<>();
            line.add(model);
            for (String m : metrics) {
                Double v = values.get(m);
                line.add(v == null ? "-" : String.format(Locale.ROOT, "%.4f", v));
            }
            line.add(String.format(Locale.ROOT, "%.2f", seconds.get(model)));
            line.add(Integer.toString(threads.get(model)));
            cells.add(line);
        });
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder(protocol).append('\n');
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

    private static void appendLine(StringBuilder sb, List<String> line, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = line.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(c == 0 ? "" : " | ").append(c == 0 ? cell + pad : pad + cell);
        }
        sb.append('\n');
    }
}
