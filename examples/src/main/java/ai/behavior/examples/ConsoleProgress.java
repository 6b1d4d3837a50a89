package ai.behavior.examples;

import ai.behavior.progress.Progress;
import ai.behavior.progress.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link ProgressListener} that draws one progress bar per task on a stream (standard error, so tables on
 * standard output stay clean), with the latest metrics beside it, using the progressbar library. A new task
 * name closes the previous bar.
 *
 * <pre>{@code
 * ImplicitAls.fit(train, ImplicitAls.Options.defaults().withProgress(new ConsoleProgress(System.err)));
 * }</pre>
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private ProgressBar bar;
    private String task;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(Progress p) {
        if (bar == null || !p.task().equals(task)) {
            close();
            task = p.task();
            bar = new ProgressBarBuilder().setTaskName(p.task()).setInitialMax(Math.max(1, p.total()))
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                            out)).setUpdateIntervalMillis(200).continuousUpdate().build();
        }
        bar.maxHint(Math.max(1, p.total()));
        bar.stepTo(p.done());
        bar.setExtraMessage(p.metrics().entrySet().stream().map(ConsoleProgress::metric)
                .collect(Collectors.joining(" ")));
        if (p.total() > 0 && p.done() >= p.total()) {
            close();
        }
    }

    /** Closes the current bar (call when the work is over). */
    synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            task = null;
        }
    }

    private static String metric(Map.Entry<String, Double> e) {
        return String.format(Locale.ROOT, "%s=%.4g", e.getKey(), e.getValue());
    }
}
