package ai.behavior.models.tasks;

/**
 * One figure of a task run: one metric of one model, with the protocol it was measured under and the wall-clock
 * seconds of the work behind it, in the shape the benchmark runner records.
 *
 * <pre>{@code
 * for (TaskResult r : report.rows()) System.out.println(r.model() + " " + r.metric() + " " + r.value());
 * }</pre>
 *
 * @param model    the model and how it was chosen, or {@code "data"} for counts of the test set
 * @param metric   the metric name, e.g. {@code "auc"}, {@code "log_loss"}, {@code "f1"}
 * @param value    the figure; finite
 * @param protocol how it was measured, in one line
 * @param seconds  wall-clock seconds of the model's tuning, training and prediction over the whole protocol
 */
public record TaskResult(String model, String metric, double value, String protocol, double seconds) {
    /** Checks that the text is one non-blank line and the numbers are finite. */
    public TaskResult {
        for (String s : new String[] {model, metric, protocol}) {
            if (s == null || s.isBlank() || s.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("result " + model + " / " + metric + ": text fields must be one "
                        + "non-blank line, got '" + s + "'");
            }
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("result " + model + " / " + metric + ": value must be finite, got "
                    + value);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("result " + model + " / " + metric + ": seconds must be finite and "
                    + ">= 0, got " + seconds);
        }
    }
}
