package ai.behavior.examples;

import ai.behavior.models.tasks.TaobaoPurchaseOptions;
import ai.behavior.models.tasks.TaobaoPurchaseReport;
import ai.behavior.models.tasks.TaobaoPurchaseTask;
import ai.behavior.models.tasks.TokenEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Purchase prediction on Taobao UserBehavior: for (user, item) pairs viewed before a cut-off, will the user buy the
 * item in the next 2 days? Tested at 5 daily origins (2017-11-28 .. 12-02 00:00 UTC+8, pooled; {@code --origins 1}
 * tests at 12-02 only). A logistic baseline, the MLP and the fused sequence model under one protocol (user folds;
 * tuning, early stopping and the F1 threshold on validation users only): AUC with a user-bootstrap interval, the
 * neural models' AUC differences to the baseline with paired intervals, log-loss and F1; see
 * docs/purchase-prediction.md.
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.TaobaoPurchasePrediction --data ../shared/datasets/taobao-userbehavior
 * </pre>
 *
 * <p>{@code --data} is the dataset folder (holding {@code UserBehavior_head.csv}) or a CSV file in Taobao's format.
 * Exit codes: 0 done, 2 bad arguments, 3 the data is missing (the message says what was expected).
 */
@Command(name = "taobao-purchase", mixinStandardHelpOptions = true,
        description = "Taobao purchase prediction: logistic, MLP and fused sequence model, user folds, with protocol.")
public final class TaobaoPurchasePrediction implements Callable<Integer> {
    /** The file read from a dataset folder. */
    static final String FILE = "UserBehavior_head.csv";

    @Option(names = "--data", description = "dataset folder or CSV file (default: ${DEFAULT-VALUE})")
    Path data = Path.of("../shared/datasets/taobao-userbehavior");

    @Option(names = "--folds", description = "user folds (default: ${DEFAULT-VALUE})")
    int folds = 5;

    @Option(names = "--origins",
            description = "daily test origins ending at 2017-12-02, pooled; 1 = the single cut-off "
                    + "(default: ${DEFAULT-VALUE})")
    int origins = 5;

    @Option(names = "--seed", description = "seed of the folds, training and bootstrap (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--encoder",
            description = "token encoder: MEAN_POOL, GRU or TRANSFORMER (default: ${DEFAULT-VALUE})")
    TokenEncoder encoder = TokenEncoder.MEAN_POOL;

    @Option(names = "--ensemble", description = "seeds averaged per neural setting (default: ${DEFAULT-VALUE})")
    int ensemble = 3;

    @Option(names = "--quick", description = "one setting per model, one seed: a fast look, not tuned")
    boolean quick;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    private final PrintStream out;

    TaobaoPurchasePrediction(PrintStream out) {
        this.out = out;
    }

    /** Runs the task; see the class comment for exit codes. */
    public static void main(String[] args) {
        OfflineDjl.configure();
        System.exit(new CommandLine(new TaobaoPurchasePrediction(System.out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path csv = Files.isDirectory(data) ? data.resolve(FILE) : data;
        if (!Files.isRegularFile(csv)) {
            System.err.println("Taobao UserBehavior is not at " + csv.toAbsolutePath().normalize() + ": expected "
                    + FILE + " (user_id,item_id,category_id,behavior_type,timestamp). Pass --data FOLDER or FILE.");
            return 3;
        }
        TaobaoPurchaseOptions options = TaobaoPurchaseOptions.defaults().withFolds(folds).withTestOrigins(origins)
                .withSeed(seed)
                .withEncoder(encoder).withEnsemble(quick ? 1 : ensemble).withFullGrid(!quick);
        if (!quiet) {
            options = options.withLog(out::println);
        }
        long started = System.nanoTime();
        TaobaoPurchaseReport report = TaobaoPurchaseTask.run(csv, options);
        out.println();
        out.print(report.toTable());
        out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
