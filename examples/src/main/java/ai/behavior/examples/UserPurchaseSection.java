package ai.behavior.examples;

import ai.behavior.eval.MetricsReport;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.synth.ShopData;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The quick start's purchase model: will a user buy in the 7 days after a cut-off? Features are the user's
 * behaviour before the cut-off plus attributes ({@link UserPurchaseTask}); users are split 60/20/20 into
 * train, validation (MLP early stopping and the F1 threshold) and test; a logistic baseline and an MLP are
 * scored on the test users.
 */
final class UserPurchaseSection {
    private static final Duration HORIZON = Duration.ofDays(7);

    private final PrintStream out;
    private final ProgressListener progress;
    private final long seed;

    UserPurchaseSection(PrintStream out, ProgressListener progress, long seed) {
        this.out = out;
        this.progress = progress;
        this.seed = seed;
    }

    MetricsReport run(ShopData shop) {
        long cutoff = shop.interactions().maxTimestamp() - HORIZON.toMillis();
        UserPurchaseTask task = UserPurchaseTask.build(shop.interactions(), shop.items(), shop.users(), cutoff, HORIZON);
        LabeledUsers.Split outer = task.labels().split(0.2, seed);
        LabeledUsers.Split inner = outer.train().split(0.25, seed + 1);
        LabeledUsers train = inner.train();
        LabeledUsers validation = inner.test();
        LabeledUsers test = outer.test();

        Pipeline.Fit fit = task.defaultPipeline().fitTransform(task.users().select(train.rowsIn(task.users())),
                FitContext.withLabels(train.labels()).seed(seed));
        FeatureMatrix validationX = fit.pipeline().transform(task.users().select(validation.rowsIn(task.users())));
        FeatureMatrix testX = fit.pipeline().transform(task.users().select(test.rowsIn(task.users())));
        out.printf("Purchase within 7 days: %,d users (%.1f%% buy), %d input columns -> %d dense + %d categorical "
                        + "features%n", task.labels().size(), 100 * task.labels().positiveRate(),
                task.users().columnNames().size(), fit.pipeline().schema().denseWidth(),
                fit.pipeline().schema().categoricalWidth());

        LogisticModel logistic = LogisticRegression.fit(fit.training(), train.labels(), LogisticOptions.defaults(),
                fit.pipeline());
        MetricsReport.Builder report = MetricsReport.builder("Purchase within 7 days (test users: "
                + test.size() + ", " + test.positives() + " buy)", task.protocol(
                "users split 60/20/20 train/validation/test, stratified", seed).withDataset("synthetic shop"));
        report.row("logistic regression", BinaryScores.withValidationThreshold(BinaryScores.labels(test.labels()),
                logistic.predict(testX), BinaryScores.labels(validation.labels()), logistic.predict(validationX)));
        MlpOptions options = MlpOptions.binary().withHidden(64, 32).withDropout(0.1).withTraining(
                TrainingOptions.defaults().withEpochs(150).withPatience(10).withSeed(seed).withProgress(progress));
        try (MlpModel mlp = Mlp.fit(fit.training(), train.labels(), validationX, validation.labels(), options,
                fit.pipeline())) {
            report.row("MLP 64-32", BinaryScores.withValidationThreshold(BinaryScores.labels(test.labels()),
                    mlp.predict(testX), BinaryScores.labels(validation.labels()), mlp.predict(validationX)));
        }
        return report.build();
    }
}
