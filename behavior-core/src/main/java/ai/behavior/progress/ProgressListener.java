package ai.behavior.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Receives progress of long work (training iterations, evaluation, reading). Libraries pass
 * {@link #quiet()}; programs pass {@link #console(PrintStream)} or their own listener (a progress bar,
 * a log).
 *
 * <pre>{@code
 * ImplicitAls.fit(train, options.withProgress(ProgressListener.console(System.err)));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** Called after each unit of work; must be fast and must not throw. */
    void update(Progress progress);

    /** A listener that ignores everything. */
    static ProgressListener quiet() {
        return p -> { };
    }

    /** A listener that prints one line per update: task, done/total, metrics, rate and ETA. */
    static ProgressListener console(PrintStream out) {
        return p -> out.println(format(p));
    }

    /** The line {@link #console} prints. */
    static String format(Progress p) {
        StringBuilder s = new StringBuilder(p.task()).append(' ').append(p.done());
        if (p.total() > 0) {
            s.append('/').append(p.total());
        }
        for (Map.Entry<String, Double> e : p.metrics().entrySet()) {
            s.append(String.format(Locale.ROOT, " %s=%.5g", e.getKey(), e.getValue()));
        }
        s.append(String.format(Locale.ROOT, " (%.1f s", p.elapsedSeconds()));
        double eta = p.etaSeconds();
        if (eta >= 0) {
            s.append(String.format(Locale.ROOT, ", ETA %.1f s", eta));
        }
        return s.append(')').toString();
    }
}
