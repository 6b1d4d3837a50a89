package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Train, save, load, serve: a purchase model (logistic regression with its feature pipeline), an MLP and an
 * implicit-ALS recommender are trained on the synthetic shop, each saved to its own checksummed model folder,
 * loaded back into fresh objects whose predictions are checked to be identical, and then served: purchase
 * probabilities for a few users from their raw features, top-5 recommendations with already-seen items
 * filtered out, and the popularity fallback for a user the model has never seen, labelled as such. The
 * recommender is saved as a whole serving bundle (the ALS model, the seen items and the popularity fallback),
 * so serving after loading needs no training log. Last, one bit of a saved file is flipped to show the error
 * a corrupted model folder produces.
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.SaveLoadServe --dir target/saved-models
 * </pre>
 *
 * <p>Without {@code --dir} the models go to a new temporary folder, whose path is printed. Exit codes: 0 done
 * (the corruption error is expected and part of the demo), 1 a loaded model disagreed with the original,
 * 2 bad arguments.
 */
@Command(name = "save-load-serve", mixinStandardHelpOptions = true,
        description = "Train logistic + pipeline, MLP and implicit ALS; save, load, verify, serve; "
                + "show a corrupted file.")
public final class SaveLoadServe implements Callable<Integer> {
    private static final Duration HORIZON = Duration.ofDays(7);
    private static final Weighting BY_TYPE = Weighting.byType(Map.of(EventType.PURCHASE, 5f, EventType.CART, 2f,
            EventType.VIEW, 1f));

    @Option(names = "--dir", description = "folder to save the models in (default: a new temporary folder)")
    Path dir;

    @Option(names = "--users", description = "users in the synthetic shop (default: ${DEFAULT-VALUE})")
    int users = 3_000;

    @Option(names = "--seed", description = "seed of the shop, the split and training (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    private final PrintStream out;
    private Outcome outcome;

    SaveLoadServe(PrintStream out) {
        this.out = out;
    }

    /** Runs the example; see the class comment for exit codes. */
    public static void main(String[] args) {
        OfflineDjl.configure();
        System.exit(ExampleCommand.execute(new SaveLoadServe(System.out), args));
    }

    /**
     * What the run found, for tests.
     *
     * @param logisticDiff   largest |original - loaded| logistic probability over the test users
     * @param mlpDiff        the same for the MLP
     * @param alsDiff        largest |original - loaded| ALS score over every user and item
     * @param servingDiffs   users whose top 10 from the loaded bundle differ from the original recommender's
     * @param known          the top 5 of a user the recommender knows
     * @param seenOfKnown    items that user interacted with in training (excluded from the list)
     * @param coldStart      the top 5 of a user the recommender has never seen
     * @param corruptedError the message of the error loading the corrupted folder
     */
    record Outcome(double logisticDiff, double mlpDiff, double alsDiff, int servingDiffs, Recommendations known,
                   Set<String> seenOfKnown,
                   Recommendations coldStart, String corruptedError) {
    }

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("behavior-models-");
        outcome = run(root);
        out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return outcome.logisticDiff() == 0 && outcome.mlpDiff() == 0 && outcome.alsDiff() == 0
                && outcome.servingDiffs() == 0 ? 0 : 1;
    }

    /** The result of the last run. */
    Outcome outcome() {
        return outcome;
    }

    private Outcome run(Path root) throws IOException {
        ConsoleProgress bars = new ConsoleProgress(System.err);
        ProgressListener progress = quiet ? ProgressListener.quiet() : bars;
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withSeed(seed));
        Interactions log = shop.interactions();
        long cutoff = log.maxTimestamp() - HORIZON.toMillis();
        UserPurchaseTask task = UserPurchaseTask.build(log, shop.items(), shop.users(), cutoff, HORIZON);
        LabeledUsers.Split split = task.labels().split(0.2, seed);
        FeatureFrame x = task.users();
        FeatureFrame testUsers = x.select(split.test().rowsIn(x));
        Interactions history = log.filter(r -> log.timestamp(r) < cutoff); // the recommender's training period
        out.printf("Synthetic shop (seed %d): %,d events, %,d users; models trained on events before the cut-off%n",
                seed, log.size(), log.activeUsers());
        out.println("Saving to " + root.toAbsolutePath());

        // 1. train and save
        Pipeline.Fit fit = task.defaultPipeline().fitTransform(x.select(split.train().rowsIn(x)),
                FitContext.withLabels(split.train().labels()).seed(seed));
        LogisticModel logistic = LogisticRegression.fit(fit.training(), split.train().labels(),
                LogisticOptions.defaults(), fit.pipeline());
        Path logisticDir = root.resolve("purchase-logistic");
        logistic.save(logisticDir);
        MlpOptions mlpOptions = MlpOptions.binary().withHidden(32).withTraining(TrainingOptions.defaults()
                .withEpochs(8).withSeed(seed).withProgress(progress));
        Path mlpDir = root.resolve("purchase-mlp");
        double[] mlpBefore;
        try (MlpModel mlp = Mlp.fit(fit.training(), split.train().labels(), mlpOptions, fit.pipeline())) {
            bars.close();
            mlp.save(mlpDir);
            mlpBefore = mlp.predict(testUsers);
        }
        ImplicitAls als = ImplicitAls.fit(history, ImplicitAls.Options.defaults().withWeighting(BY_TYPE)
                .withSeed(seed).withProgress(progress));
        bars.close();
        // the serving bundle: the model, what each user has seen, and the cold-start fallback, in one folder
        Recommender serving = new Recommender(als, UserItemMatrix.of(history, Weighting.counts()),
                Popularity.fit(history, Popularity.Options.defaults().withWeighting(BY_TYPE)));
        Path alsDir = root.resolve("recommender-als");
        serving.save(alsDir);
        for (Path p : List.of(logisticDir, mlpDir, alsDir)) {
            out.println("  saved " + root.relativize(p) + "/  " + listing(p));
        }

        // 2. load into fresh objects and compare
        out.println();
        out.println("Loaded back into fresh objects; largest |original - loaded| difference:");
        LogisticModel logisticAgain = LogisticModel.load(logisticDir);
        double logisticDiff = maxDiff(logistic.predict(testUsers), logisticAgain.predict(testUsers));
        double mlpDiff;
        try (MlpModel mlpAgain = MlpModel.load(mlpDir)) {
            mlpDiff = maxDiff(mlpBefore, mlpAgain.predict(testUsers));
            Recommender recommender = Recommender.load(alsDir); // no training log needed from here on
            ImplicitAls alsAgain = (ImplicitAls) recommender.model();
            double alsDiff = alsDiff(als, alsAgain);
            int servingDiffs = servingDiffs(serving, recommender);
            long knownUsers = IntStream.range(0, als.users().size()).filter(als::knowsUser).count();
            out.printf(Locale.ROOT, "  %-20s %.1e  %-52s %s%n", "logistic + pipeline", logisticDiff,
                    "purchase probabilities of " + testUsers.rows() + " test users", verdict(logisticDiff));
            out.printf(Locale.ROOT, "  %-20s %.1e  %-52s %s%n", "MLP + pipeline", mlpDiff,
                    "purchase probabilities of the same users", verdict(mlpDiff));
            out.printf(Locale.ROOT, "  %-20s %.1e  %-52s %s%n", "implicit ALS", alsDiff,
                    "scores of " + knownUsers + " known users x " + als.items().size() + " items", verdict(alsDiff));
            out.printf(Locale.ROOT, "  %-20s %7d  %-52s %s%n", "ALS serving bundle", servingDiffs,
                    "users whose top 10 differ (seen items excluded)", servingDiffs == 0 ? "identical" : "DIFFERENT");

            // 3. serve from the loaded models only
            out.println();
            scorePurchases(split.test(), x, logisticAgain, mlpAgain);
            UserItemMatrix seen = recommender.seen();
            String knownId = log.users().id(mostActive(seen));
            Set<String> seenOfKnown = seenItems(seen, seen.rowIds().indexOf(knownId));
            Recommendations known = recommender.recommend(knownId, 5);
            show(known, seenOfKnown.size() + " items seen in training excluded");
            Recommendations cold = recommender.recommend("new-visitor-1", 5);
            show(cold, "not in the training data");

            // 4. a corrupted file
            out.println();
            String error = corrupt(alsDir, root.resolve("recommender-als-corrupted"));
            return new Outcome(logisticDiff, mlpDiff, alsDiff, servingDiffs, known, seenOfKnown, cold, error);
        }
    }

    private void scorePurchases(LabeledUsers test, FeatureFrame x, LogisticModel logistic, MlpModel mlp) {
        out.println("Purchase within 7 days, scored from each user's raw aggregates by the loaded models:");
        for (int k = 0; k < Math.min(3, test.size()); k++) {
            String id = test.users().id(k);
            FeatureFrame row = x.select(new int[] {x.keys().indexOf(id)});
            out.printf(Locale.ROOT, "  user %-8s logistic %.3f   MLP %.3f   (bought: %s)%n", id,
                    logistic.predict(row)[0], mlp.predict(row)[0], test.labels()[k] == 1 ? "yes" : "no");
        }
        out.println();
    }

    private void show(Recommendations r, String note) {
        boolean fallback = r.source() == Recommendations.Source.POPULARITY_FALLBACK;
        out.printf("Top 5 for user %s (%s; %s):%n", r.userId(),
                fallback ? "COLD START -> popularity fallback" : "implicit ALS", note);
        if (fallback) {
            out.println("  reason: " + r.reason());
        }
        for (int k = 0; k < r.items().size(); k++) {
            Recommendations.Item item = r.items().get(k);
            out.printf(Locale.ROOT, "  %d. %-10s score %.3f%n", k + 1, item.itemId(), item.score());
        }
    }

    /** Copies a bundle folder, flips one bit of its scorer's item factors and tries to load it. */
    private String corrupt(Path good, Path bad) throws IOException {
        try (Stream<Path> files = Files.walk(good)) {
            for (Path f : files.sorted().toList()) {
                Path copy = bad.resolve(good.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING); // re-runs reuse --dir
                }
            }
        }
        Path victim = bad.resolve("scorer").resolve("item_factors");
        if (!Files.isRegularFile(victim)) {
            throw new IllegalStateException("no scorer/item_factors file in " + good);
        }
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x01; // one bit: the kind of damage a bad disk or a partial copy does
        Files.write(victim, bytes);
        out.println("Flipped one bit in " + bad.getFileName() + "/scorer/" + victim.getFileName() + "; loading it:");
        try {
            Recommender.load(bad);
            throw new IllegalStateException("a corrupted model folder loaded without an error");
        } catch (ModelFileException e) {
            out.println("  ModelFileException: " + e.getMessage());
            return e.getMessage();
        }
    }

    /** Files (counted through sub-folders), their bytes, and the top-level names (folders end in '/'). */
    private static String listing(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        try (Stream<Path> top = Files.list(folder)) {
            return String.format(Locale.ROOT, "%d files, %,d bytes: %s", files.size(), bytes, String.join(" ",
                    top.sorted().map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).toList()));
        }
    }

    private static int servingDiffs(Recommender a, Recommender b) {
        int[][] ta = a.recommendAll(10, RecommendOptions.defaults(), 2);
        int[][] tb = b.recommendAll(10, RecommendOptions.defaults(), 2);
        int diffs = 0;
        for (int u = 0; u < ta.length; u++) {
            diffs += Arrays.equals(ta[u], tb[u]) ? 0 : 1;
        }
        return diffs;
    }

    private static int mostActive(UserItemMatrix seen) {
        int best = 0;
        for (int u = 1; u < seen.numRows(); u++) {
            if (seen.rowLength(u) > seen.rowLength(best)) {
                best = u;
            }
        }
        return best;
    }

    private static Set<String> seenItems(UserItemMatrix seen, int u) {
        Set<String> items = new HashSet<>();
        for (int p = seen.rowStart(u); p < seen.rowEnd(u); p++) {
            items.add(seen.colIds().id(seen.col(p)));
        }
        return items;
    }

    private static double alsDiff(ImplicitAls a, ImplicitAls b) {
        float[] sa = new float[a.items().size()];
        float[] sb = new float[b.items().size()];
        double worst = 0;
        for (int u = 0; u < a.users().size(); u++) {
            if (a.knowsUser(u)) {
                a.scoreAll(u, sa);
                b.scoreAll(u, sb);
                for (int i = 0; i < sa.length; i++) {
                    worst = Math.max(worst, Math.abs(sa[i] - sb[i]));
                }
            }
        }
        return worst;
    }

    private static double maxDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static String verdict(double diff) {
        return diff == 0 ? "identical" : "DIFFERENT";
    }
}
