package ai.behavior.bench.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One command line run in-process: exit code and what went to stdout and stderr.
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int exit, String out, String err) {
    /** Runs {@code args} against {@code scenarios}. */
    static CliRun of(List<Scenario> scenarios, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCli.execute(scenarios, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
