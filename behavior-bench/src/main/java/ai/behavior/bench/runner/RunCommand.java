package ai.behavior.bench.runner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code run SCENARIO|all}: runs scenarios, prints each one's table, and appends one JSON line per figure
 * (see {@link ResultsJson}) after each scenario, so a later failure keeps earlier results.
 *
 * <pre>
 * java -jar behavior-bench/target/behavior-bench.jar run ml100k-topn --threads 2 --out results.jsonl
 * java -jar behavior-bench/target/behavior-bench.jar run all
 * </pre>
 *
 * <p>A scenario named on the command line whose data is missing stops the run with exit code
 * {@value BenchCli#DATA_MISSING}; {@code all} skips it, says why, and goes on. A scenario that throws is
 * reported on stderr; the others still run and the exit code is {@value BenchCli#FAILED}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one scenario (or all whose data is present), print tables, append JSON lines.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (run all: scenarios without data skipped, each with the reason)",
                "1:a scenario failed", "2:bad command line (unknown scenario or option, bad number)",
                "3:the named scenario's data is missing"})
final class RunCommand implements Callable<Integer> {
    /** The argument that selects every scenario. */
    static final String ALL = "all";

    @Parameters(index = "0", paramLabel = "SCENARIO|all", description = "a scenario name (see list) or all")
    String target;

    @Option(names = "--data", paramLabel = "DIR", description = "datasets root (default: the behavior.datasets"
            + " system property, else ../shared/datasets from the project root)")
    Path data;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads for models that take a count"
            + " (default: available processors)")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON-lines file to append to (default:"
            + " bench-results/runner.jsonl under the project root)")
    Path out;

    @Option(names = "--size", paramLabel = "N", description = "size of generated data, for scenarios that take"
            + " one (e.g. events of synthetic-shop); others ignore it")
    Long size;

    @Option(names = "--skip", paramLabel = "NAME", split = ",", description = "with all: scenarios not to run"
            + " (comma-separated), e.g. --skip ml100k-nextitem,taobao-purchase for a shorter CI run")
    List<String> skip = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final List<Scenario> scenarios;
    private final PrintStream stdout;
    private final PrintStream stderr;

    RunCommand(List<Scenario> scenarios, PrintStream stdout, PrintStream stderr) {
        this.scenarios = scenarios;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
        }
        if (size != null && size < 1) {
            throw new ParameterException(spec.commandLine(), "--size must be at least 1, got " + size);
        }
        boolean all = ALL.equals(target);
        List<Scenario> chosen = all ? scenarios : scenarios.stream().filter(s -> s.name().equals(target)).toList();
        if (chosen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown scenario '" + target + "'; known: "
                    + scenarios.stream().map(Scenario::name).collect(Collectors.joining(", ")) + ", or " + ALL);
        }
        for (String name : skip) {
            if (!all) {
                throw new ParameterException(spec.commandLine(), "--skip goes with run all, not with one scenario");
            }
            if (scenarios.stream().noneMatch(sc -> sc.name().equals(name))) {
                throw new ParameterException(spec.commandLine(), "--skip: unknown scenario '" + name + "'; known: "
                        + scenarios.stream().map(Scenario::name).collect(Collectors.joining(", ")));
            }
        }
        Path root = data != null ? data.toAbsolutePath().normalize()
                : ProjectPaths.defaultDatasets(System.getProperty(ProjectPaths.DATASETS_PROPERTY), Path.of(""));
        Path file = out != null ? out : ProjectPaths.defaultOut(Path.of(""));
        if (!all) {
            DataStatus d = chosen.get(0).dataStatus(root);
            if (!d.present()) {
                stderr.println("scenario " + target + ": data missing: " + d.detail()
                        + " (pass --data DIR, the folder holding the datasets)");
                return BenchCli.DATA_MISSING;
            }
        }
        RunEnvironment env = RunEnvironment.now();
        stdout.printf(Locale.ROOT, "behavior-bench run %s: datasets %s; results appended to %s; %d threads; %s%n%n",
                target, root, file.toAbsolutePath().normalize(), n, env.describe());
        RunContext context = new RunContext(root, n, size == null ? OptionalLong.empty() : OptionalLong.of(size),
                stdout);
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Scenario s : chosen) {
            if (skip.contains(s.name())) {
                skipped.add(s.name() + ": --skip");
                continue;
            }
            DataStatus d = s.dataStatus(root);
            if (!d.present()) {
                skipped.add(s.name() + ": data missing: " + d.detail());
                continue;
            }
            if (size != null && !s.usesSize()) {
                stdout.println("note: " + s.name() + " ignores --size");
            }
            stdout.println("== " + s.name() + " (" + s.dataset() + ") ==");
            long t0 = System.nanoTime();
            try {
                ScenarioOutcome o = s.run(context);
                double seconds = (System.nanoTime() - t0) / 1e9;
                String load = RunEnvironment.load();
                stdout.println();
                stdout.print(ResultTable.render(o.results()));
                o.skipped().forEach(line -> stdout.println("skipped part: " + line));
                ResultsJson.append(file, o.results(), env, load);
                stdout.printf(Locale.ROOT, "%s: %d results appended to %s; %.1f s wall, load %s%n%n", s.name(),
                        o.results().size(), file, seconds, load);
                ran.add(String.format(Locale.ROOT, "%s (%.1f s)", s.name(), seconds));
            } catch (Exception | LinkageError e) {
                stderr.println("scenario " + s.name() + " failed:");
                e.printStackTrace(stderr);
                failed.add(s.name() + ": " + e);
            }
        }
        stdout.println("ran: " + (ran.isEmpty() ? "none" : String.join(", ", ran)));
        skipped.forEach(line -> stdout.println("skipped " + line));
        failed.forEach(line -> stdout.println("failed " + line));
        return failed.isEmpty() ? BenchCli.OK : BenchCli.FAILED;
    }
}
