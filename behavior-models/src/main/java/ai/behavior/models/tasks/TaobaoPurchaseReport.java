package ai.behavior.models.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link TaobaoPurchaseTask} run measured: one {@link TaskResult} per (model, metric), the protocol in one
 * line, and notes (the settings chosen on validation in each fold, counts).
 *
 * <pre>{@code
 * TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults());
 * System.out.println(r.toTable());
 * }</pre>
 *
 * @param rows     every figure
 * @param protocol the protocol behind every figure
 * @param notes    human-readable notes, one per line
 */
public record TaobaoPurchaseReport(List<TaskResult> rows, String protocol, List<String> notes) {
    /** Copies the lists. */
    public TaobaoPurchaseReport {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** The value of {@code metric} for {@code model}. */
    public double value(String model, String metric) {
        for (TaskResult r : rows) {
            if (r.model().equals(model) && r.metric().equals(metric)) {
                return r.value();
            }
        }
        throw new IllegalArgumentException("no result " + model + " / " + metric);
    }

    /** The models in the order they were reported. */
    public List<String> models() {
        Set<String> m = new LinkedHashSet<>();
        rows.forEach(r -> m.add(r.model()));
        return new ArrayList<>(m);
    }

    /**
     * Aligned text: the {@code "data"} rows as {@code metric value} lines, then one line per metric with one
     * column per model (a {@code -} where a model lacks the metric) and the models' seconds, then the protocol and
     * the notes.
     */
    public String toTable() {
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        StringBuilder s = new StringBuilder();
        for (TaskResult r : rows) {
            if (r.model().equals(TaobaoPurchaseTask.DATA)) {
                s.append(String.format(Locale.ROOT, "%s %s %s%n", r.model(), r.metric(), number(r.value())));
                continue;
            }
            byModel.computeIfAbsent(r.model(), k -> new LinkedHashMap<>()).put(r.metric(), r.value());
            seconds.put(r.model(), r.seconds());
            metrics.add(r.metric());
        }
        int width = metrics.stream().mapToInt(String::length).max().orElse(6);
        s.append(String.format(Locale.ROOT, "%-" + width + "s", "metric"));
        for (String model : byModel.keySet()) {
            s.append(String.format(Locale.ROOT, " | %-" + column(model) + "s", model));
        }
        s.append('\n');
        metrics.add("seconds");
        for (String m : metrics) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", m));
            for (Map.Entry<String, Map<String, Double>> e : byModel.entrySet()) {
                Double v = m.equals("seconds") ? seconds.get(e.getKey()) : e.getValue().get(m);
                String text = v == null ? "-" : m.equals("seconds") ? String.format(Locale.ROOT, "%.1f", v)
                        : number(v);
                s.append(String.format(Locale.ROOT, " | %-" + column(e.getKey()) + "s", text));
            }
            s.append('\n');
        }
        s.append("protocol: ").append(protocol).append('\n');
        notes.forEach(n -> s.append("  ").append(n).append('\n'));
        return s.toString();
    }

    /** A model's column is as wide as its name, and at least 8 characters. */
    private static int column(String model) {
        return Math.max(8, model.length());
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
