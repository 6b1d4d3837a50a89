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

    /** An aligned text table: one line per model, one column per metric, then the protocol and the notes. */
    public String toTable() {
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (TaskResult r : rows) {
            byModel.computeIfAbsent(r.model(), k -> new LinkedHashMap<>()).put(r.metric(), r.value());
            seconds.put(r.model(), r.seconds());
            metrics.add(r.metric());
        }
        int width = byModel.keySet().stream().mapToInt(String::length).max().orElse(5);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-" + width + "s", "model"));
        for (String m : metrics) {
            s.append(String.format(Locale.ROOT, " %12s", m));
        }
        s.append(String.format(Locale.ROOT, " %9s%n", "seconds"));
        for (Map.Entry<String, Map<String, Double>> e : byModel.entrySet()) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", e.getKey()));
            for (String m : metrics) {
                Double v = e.getValue().get(m);
                s.append(v == null ? String.format(Locale.ROOT, " %12s", "-")
                        : v == Math.rint(v) && Math.abs(v) >= 10 ? String.format(Locale.ROOT, " %12.0f", v)
                        : String.format(Locale.ROOT, " %12.4f", v));
            }
            s.append(String.format(Locale.ROOT, " %9.1f%n", seconds.get(e.getKey())));
        }
        s.append("protocol: ").append(protocol).append('\n');
        notes.forEach(n -> s.append("  ").append(n).append('\n'));
        return s.toString();
    }
}
