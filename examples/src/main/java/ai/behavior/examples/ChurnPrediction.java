package ai.behavior.examples;

import ai.behavior.analysis.ImportanceMetric;
import ai.behavior.analysis.ImportanceResult;
import ai.behavior.analysis.PermutationImportance;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.label.Churn;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPipelines;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import ai.behavior.synth.UserTruth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Churn prediction on the synthetic shop: will a user who was active before a cut-off have no event at all in
 * the 14 days after it? Behaviour aggregates before the cut-off ({@link UserAggregates}) and the user's
 * attributes are the features, {@link Churn} is the label; a logistic regression and an MLP are scored on
 * held-out users (AUC, PR-AUC, log-loss, F1 at the validation threshold) under a printed protocol, and
 * permutation importance says which features the models lean on.
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.ChurnPrediction --users 10000 --seed 7
 * </pre>
 *
 * <p><b>Churn here is planted.</b> The generator picks a quarter of the users to churn and fades their activity
 * over the two weeks before they leave, so the label has a signal by construction; the program prints how many
 * labelled churners the generator really made leave. None of the real datasets in {@code ../shared/datasets}
 * has a true churn label: "no events for N days" there is only a proxy, so this example offers no data path.
 */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Churn (no event in the 14 days after a cut-off) on the synthetic shop, with permutation "
                + "importance. Churn is planted by the generator; the real datasets here have no churn label.")
public final class ChurnPrediction implements Callable<Integer> {
    static final Duration WINDOW = Duration.ofDays(14);

    @Option(names = "--users", description = "users in the synthetic shop (default: ${DEFAULT-VALUE})")
    int users = 10_000;

    @Option(names = "--days", description = "days the shop's log spans (default: ${DEFAULT-VALUE})")
    int days = 60;

    @Option(names = "--seed", description = "seed of the shop, the split and the shuffles (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--top", description = "features listed by importance (default: ${DEFAULT-VALUE})")
    int top = 8;

    @Option(names = "--json", description = "folder to write churn.json into")
    Path jsonDir;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;

    ChurnPrediction(PrintStream out) {
        this.out = out;
    }

    /** Runs the example; exit code 0 on success, 2 on bad arguments. */
    public static void main(String[] args) {
        OfflineDjl.configure();
        System.exit(ExampleCommand.execute(new ChurnPrediction(System.out), args));
    }

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        if (days <= WINDOW.toDays()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be more than "
                    + WINDOW.toDays() + " (the churn window), got " + days);
        }
        MetricsReport report = run();
        if (jsonDir != null) {
            Files.createDirectories(jsonDir);
            report.writeJson(jsonDir.resolve("churn.json"));
            out.println("Report written to " + jsonDir.toAbsolutePath());
        }
        return 0;
    }

    /** Generates, trains, evaluates and explains; returns the metrics report. */
    MetricsReport run() {
        long t0 = System.nanoTime();
        ConsoleProgress bars = new ConsoleProgress(System.err);
        ProgressListener progress = quiet ? ProgressListener.quiet() : bars;
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withDays(days)
                .withSeed(seed));
        long cutoff = shop.interactions().maxTimestamp() - WINDOW.toMillis();

        // features strictly before the cut-off; the label looks only at [cutoff, cutoff + 14 days)
        FeatureFrame x = UserAggregates.compute(shop.interactions(), shop.items(), cutoff, AggregateOptions.defaults())
                .leftJoin(FeatureFrame.of(shop.users()));
        LabeledUsers labeled = new LabeledUsers(x.keys(), Churn.of(shop.interactions(), x.keys(), cutoff, WINDOW));
        out.printf("Synthetic shop (seed %d): %,d events, %,d users; cut-off %s, %,d users active before it, "
                        + "%.1f%% of them churn (no event in the next %d days)%n", seed, shop.interactions().size(),
                users, Instant.ofEpochMilli(cutoff), labeled.size(), 100 * labeled.positiveRate(), WINDOW.toDays());
        out.println("  " + plantedAgreement(shop, labeled, cutoff));
        out.println("  Churn is planted by the generator; the real datasets in ../shared/datasets have no true churn "
                + "label (\"no events for N days\" there is only a proxy).");
        out.println();

        LabeledUsers.Split outer = labeled.split(0.2, seed);
        LabeledUsers.Split inner = outer.train().split(0.25, seed + 1);
        LabeledUsers train = inner.train();
        LabeledUsers validation = inner.test();
        LabeledUsers test = outer.test();
        Pipeline.Fit fit = UserPipelines.standard(x).fitTransform(x.select(train.rowsIn(x)),
                FitContext.withLabels(train.labels()).seed(seed));
        FeatureMatrix validationX = fit.pipeline().transform(x.select(validation.rowsIn(x)));
        FeatureMatrix testX = fit.pipeline().transform(x.select(test.rowsIn(x)));
        int[] testY = BinaryScores.labels(test.labels());
        int[] validationY = BinaryScores.labels(validation.labels());

        EvaluationProtocol protocol = EvaluationProtocol.pointwise("users split 60/20/20 train/validation/test, "
                        + "stratified, seed " + seed + "; features before " + Instant.ofEpochMilli(cutoff)
                        + ", label: no event in the next " + WINDOW.toDays() + " days")
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop (planted churn)").withSeed(seed);
        MetricsReport.Builder report = MetricsReport.builder("Churn within " + WINDOW.toDays() + " days (test users: "
                + test.size() + ", " + test.positives() + " churn)", protocol);

        LogisticModel logistic = LogisticRegression.fit(fit.training(), train.labels(), LogisticOptions.defaults(),
                fit.pipeline());
        report.row("logistic regression", BinaryScores.withValidationThreshold(testY, logistic.predict(testX),
                validationY, logistic.predict(validationX)));
        PermutationImportance importance = PermutationImportance.of(ImportanceMetric.auc()).withRepeats(3)
                .withSeed(seed);
        ImportanceResult logisticImportance = importance.compute(logistic::predict, testX, test.labels());
        ImportanceResult mlpImportance;
        MlpOptions options = MlpOptions.binary().withHidden(64, 32).withDropout(0.1).withTraining(
                TrainingOptions.defaults().withEpochs(30).withPatience(4).withSeed(seed).withProgress(progress));
        try (MlpModel mlp = Mlp.fit(fit.training(), train.labels(), validationX, validation.labels(), options,
                fit.pipeline())) {
            bars.close();
            report.row("MLP 64-32", BinaryScores.withValidationThreshold(testY, mlp.predict(testX), validationY,
                    mlp.predict(validationX)));
            mlpImportance = importance.compute(mlp::predict, testX, test.labels());
        }
        MetricsReport result = report.build();
        out.println(result.toTable());
        out.println();
        out.println("Permutation importance on the test users (drop in AUC when one feature is shuffled, "
                + importance.repeats() + " shuffles, seed " + seed + "), top " + top + ":");
        out.println(ImportanceTable.sideBySide("logistic", logisticImportance, "MLP", mlpImportance, top));
        out.printf("Done in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /** How many users the label calls churned really were made to leave by the generator before the window ended. */
    private static String plantedAgreement(ShopData shop, LabeledUsers labeled, long cutoff) {
        UserTruth truth = shop.truth().users();
        long windowEnd = cutoff + WINDOW.toMillis();
        double[] churned = labeled.labels();
        int churners = 0;
        int planted = 0;
        for (int k = 0; k < churned.length; k++) {
            if (churned[k] == 1) {
                churners++;
                int u = shop.interactions().users().indexOf(labeled.users().id(k));
                if (truth.churnMillis()[u] < windowEnd) {
                    planted++;
                }
            }
        }
        return String.format("of the %,d labelled churners, %,d (%.0f%%) were made to leave by the generator; the "
                        + "rest were only quiet for %d days", churners, planted,
                churners == 0 ? 0.0 : 100.0 * planted / churners, WINDOW.toDays());
    }
}
