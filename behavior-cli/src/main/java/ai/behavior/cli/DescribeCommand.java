package ai.behavior.cli;

import ai.behavior.cli.data.DatasetSummary;
import ai.behavior.cli.data.LoadedData;
import ai.behavior.data.AttributeTable;
import ai.behavior.io.ReadReport;
import ai.behavior.io.RowProblem;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code behavior describe}: counts, event-type mix, time span, sparsity, events per user and what the reader
 * read and skipped.
 *
 * <pre>
 * behavior describe --data shop/events.csv
 * behavior describe --data UserBehavior.csv --format taobao --skip-bad-rows
 * </pre>
 */
@Command(name = "describe", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = "Summarise a behaviour log: events, users, items, sessions, event-type mix, time span, "
                + "sparsity, events per user (min / median / p90 / max) and the rows the reader skipped, by reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class DescribeCommand implements Callable<Integer> {
    /** How many skipped rows are shown in full. */
    static final int SHOWN_PROBLEMS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH", required = true, description = "the events file (or folder)")
    Path data;

    @ArgGroup(validate = false, heading = SchemaOptions.HEADING)
    SchemaOptions schema = new SchemaOptions();

    @Option(names = "--users", paramLabel = "FILE", description = "user attribute table (CSV, key first)")
    Path users;

    @Option(names = "--items", paramLabel = "FILE", description = "item attribute table (CSV, key first)")
    Path items;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        LoadedData d = schema.read(data, "--data");
        w.println("data: " + data + " (" + d.format() + ")");
        report(w, d.report());
        w.println();
        w.print(DatasetSummary.of(d.log()).toText());
        table(w, "users", schema.attributes(users, "--users", w));
        table(w, "items", schema.attributes(items, "--items", w));
        if (items == null && !d.items().columnNames().isEmpty()) {
            table(w, "items (from the events file)", d.items());
        }
        return ExitCode.OK;
    }

    private static void report(PrintWriter w, ReadReport r) {
        w.println("read: " + r.summary() + String.format(Locale.ROOT, " in %.2f s", r.seconds()));
        if (r.rowsSkipped() > 0) {
            w.println("skipped rows by reason:");
            for (Map.Entry<RowProblem.Reason, Long> e : r.skippedByReason().entrySet()) {
                w.printf(Locale.ROOT, "  %-20s %,d%n", e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
            }
            int shown = Math.min(SHOWN_PROBLEMS, r.recordedProblems().size());
            w.println("first " + shown + " skipped rows:");
            for (int k = 0; k < shown; k++) {
                w.println("  " + r.recordedProblems().get(k));
            }
        }
    }

    private static void table(PrintWriter w, String what, AttributeTable t) {
        if (t != null) {
            w.printf(Locale.ROOT, "%s table: %,d rows keyed by %s, columns %s%n", what, t.size(), t.keyName(),
                    t.columnNames());
        }
    }
}
