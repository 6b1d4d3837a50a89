package ai.behavior.bench.runner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The benchmark runner's command line: {@code list} the scenarios, or {@code run} one or all of them, print
 * a table and append one JSON line per figure.
 *
 * <pre>
 * java -jar behavior-bench/target/behavior-bench.jar list
 * java -jar behavior-bench/target/behavior-bench.jar run all --threads 2 --out bench-results/runner.jsonl
 * </pre>
 *
 * <p>Exit codes: {@value #OK} done; {@value #FAILED} a scenario failed; {@value #USAGE} bad command line
 * (unknown scenario or option, bad number); {@value #DATA_MISSING} the data of a scenario named on the
 * command line is missing ({@code run all} skips such scenarios instead and still exits 0).
 */
@Command(name = "behavior-bench", mixinStandardHelpOptions = true, version = "behavior-bench runner 0.1.0",
        description = "Benchmark scenarios on real and generated data: accuracy and speed beside peers.",
        synopsisSubcommandLabel = "(list | run)",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a scenario failed", "2:bad command line",
                "3:the data of a scenario named on the command line is missing"})
public final class BenchCli implements Callable<Integer> {
    /** Every scenario ran, or was skipped by {@code run all} for missing data. */
    public static final int OK = 0;
    /** A scenario threw (the others of {@code run all} still ran). */
    public static final int FAILED = 1;
    /** Bad command line (picocli's usage exit code). */
    public static final int USAGE = 2;
    /** The data of a scenario named on the command line is missing. */
    public static final int DATA_MISSING = 3;

    @Spec
    CommandSpec spec;

    private final PrintStream err;

    private BenchCli(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs the command line and exits with its code; first, when the JVM lacks the Vector API module, runs it in a
     * child JVM that has it ({@link VectorModuleRelaunch}; {@code -Dbehavior.relaunch=false} to stay).
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Optional<List<String>> child = VectorModuleRelaunch.forThisJvm(args);
        if (child.isPresent()) {
            err.println("behavior-bench: starting a JVM with --add-modules " + VectorModuleRelaunch.MODULE
                    + " (the Vector API ALS kernels); -D" + VectorModuleRelaunch.PROPERTY + "=false runs without it");
            try {
                System.exit(new ProcessBuilder(child.get()).inheritIO().start().waitFor());
            } catch (IOException e) {
                err.println("behavior-bench: could not start it (" + e.getMessage() + "); running here, ALS on the "
                        + "plain-Java kernels");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(FAILED);
            }
        }
        System.exit(execute(Scenarios.all(), out, err, args));
    }

    /** Runs {@code args} against {@code scenarios}, printing to {@code out} and {@code err}; returns the exit code. */
    static int execute(List<Scenario> scenarios, PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new BenchCli(err))
                .addSubcommand("list", new ListCommand(scenarios, out))
                .addSubcommand("run", new RunCommand(scenarios, out, err));
        // after the subcommands: picocli hands these to the commands present when called
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** No subcommand: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        err.println("name a command: list or run");
        spec.commandLine().usage(err);
        return USAGE;
    }
}
