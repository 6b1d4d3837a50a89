package ai.behavior.bench.runner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code list}: every scenario with its dataset, whether its data is present under the datasets root, and
 * a one-line description; then where each one's data is, or what is missing.
 *
 * <pre>
 * java -jar behavior-bench/target/behavior-bench.jar list --data ../shared/datasets
 * </pre>
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the scenarios, their datasets and whether their data is present.")
final class ListCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "datasets root (default: the behavior.datasets"
            + " system property, else ../shared/datasets from the project root)")
    Path data;

    private final List<Scenario> scenarios;
    private final PrintStream out;

    ListCommand(List<Scenario> scenarios, PrintStream out) {
        this.scenarios = scenarios;
        this.out = out;
    }

    @Override
    public Integer call() {
        Path root = data != null ? data.toAbsolutePath().normalize()
                : ProjectPaths.defaultDatasets(System.getProperty(ProjectPaths.DATASETS_PROPERTY), Path.of(""));
        out.println("datasets root: " + root);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "dataset", "data", "description"});
        List<DataStatus> status = new ArrayList<>();
        for (Scenario s : scenarios) {
            DataStatus d = s.dataStatus(root);
            status.add(d);
            rows.add(new String[] {s.name(), s.dataset(), d.present() ? "present" : "missing", s.description()});
        }
        int[] widths = new int[3];
        for (String[] r : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(r[c]).append(" ".repeat(widths[c] - r[c].length() + 2));
            }
            out.println(line.append(r[3]));
        }
        out.println();
        out.println("data:");
        for (int k = 0; k < scenarios.size(); k++) {
            out.println("  " + scenarios.get(k).name() + ": " + status.get(k).detail());
        }
        return BenchCli.OK;
    }
}
