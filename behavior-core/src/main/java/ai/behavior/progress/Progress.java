package ai.behavior.progress;

import java.util.Map;

/**
 * One progress update of long work: which task, how far, the latest metrics (loss, objective, validation
 * score) and the time spent.
 *
 * <pre>{@code
 * listener.update(new Progress("implicit-als", 3, 15, Map.of("loss", 0.42), 1.8));
 * double rate = p.done() / p.elapsedSeconds();
 * }</pre>
 *
 * @param task           what is running ("implicit-als", "reading events.csv")
 * @param done           units done (iterations, epochs, rows)
 * @param total          units in all, or 0 when unknown
 * @param metrics        latest values by name, in insertion order (may be empty)
 * @param elapsedSeconds wall-clock seconds since the task started
 */
public record Progress(String task, long done, long total, Map<String, Double> metrics, double elapsedSeconds) {
    /** Copies the metrics. */
    public Progress {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** Estimated seconds left, or -1 when the total is unknown or nothing is done yet. */
    public double etaSeconds() {
        if (total <= 0 || done <= 0) {
            return -1;
        }
        return elapsedSeconds / done * (total - done);
    }
}
