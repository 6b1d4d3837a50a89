package ai.behavior.bench.runner;

import ai.behavior.bench.peers.TribuoLogistic;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionsCsvWriter;
import ai.behavior.io.ReadResult;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RocAuc;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.split.SplitResult;
import ai.behavior.split.TemporalCutSplit;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code synthetic-shop}: the whole path on generated data of {@code --size} events (default 1 million):
 * generate, write and read back as CSV, build user features before a cut-off 7 days before the end, fit the
 * pipeline and a logistic purchase model on 70 % of the users and score the rest, and fit implicit ALS on the
 * events before the cut-off and rank the purchases after it. Reports seconds per stage, the peak heap, and the
 * quality figures with their protocols.
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run synthetic-shop --size 1000000 --threads 2
 * }</pre>
 */
public final class SyntheticShopScenario implements Scenario {
    private static final long DEFAULT_EVENTS = 1_000_000;
    private static final Duration HORIZON = Duration.ofDays(7);
    private static final long SEED = 42;
    private static final String TRIBUO = "peer: Tribuo 4.3.2 LogisticRegressionTrainer (defaults: AdaGrad, 5 epochs)";

    @Override
    public String name() {
        return "synthetic-shop";
    }

    @Override
    public String dataset() {
        return "synthetic shop";
    }

    @Override
    public String description() {
        return "generate, CSV read, features, logistic purchase model, implicit ALS: seconds per stage, peak heap";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return DataStatus.present("generated in memory (--size events)");
    }

    @Override
    public boolean usesSize() {
        return true;
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws Exception {
        long events = context.size().orElse(DEFAULT_EVENTS);
        int threads = context.threads();
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        PeakHeap.reset();
        String stages = "stages on " + events + " target events, seed " + SEED;
        out.protocol(stages);

        long t = System.nanoTime();
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withTargetEvents(events).withSeed(SEED));
        stage(out, context, "generate", t, threads);

        Path csv = Files.createTempFile("synthetic-shop", ".csv");
        Interactions log;
        try {
            t = System.nanoTime();
            InteractionsCsvWriter.write(shop.interactions(), csv);
            stage(out, context, "write CSV", t, 1);
            t = System.nanoTime();
            ReadResult read = CsvInteractionReader.read(csv, InteractionsCsvWriter.schema(true));
            log = read.interactions();
            stage(out, context, "read CSV", t, 1);
            out.add("read CSV", "rows", log.size(), seconds(t), 1);
        } finally {
            Files.deleteIfExists(csv);
        }
        long cutoff = log.maxTimestamp() - HORIZON.toMillis();

        t = System.nanoTime();
        UserPurchaseTask task = UserPurchaseTask.build(log, shop.items(), shop.users(), cutoff, HORIZON);
        LabeledUsers.Split split = task.labels().split(0.3, SEED);
        FeatureFrame train = task.users().select(split.train().rowsIn(task.users()));
        FeatureFrame test = task.users().select(split.test().rowsIn(task.users()));
        Pipeline.Fit fit = task.defaultPipeline().fitTransform(train, FitContext.withLabels(split.train().labels()));
        stage(out, context, "features", t, 1);

        t = System.nanoTime();
        LogisticModel model = LogisticRegression.fit(fit.training(), split.train().labels(), LogisticOptions.defaults(),
                fit.pipeline());
        double oursFit = seconds(t);
        stage(out, context, "train logistic", t, 1);
        // the peer: Tribuo's logistic regression on exactly the same features, in the same run
        t = System.nanoTime();
        TribuoLogistic peer = TribuoLogistic.fit(fit.training(), split.train().labels());
        double peerFit = seconds(t);
        double[] peerP = peer.predict(fit.pipeline().transform(test));

        t = System.nanoTime();
        double[] p = model.predict(test);
        int[] y = Arrays.stream(split.test().labels()).mapToInt(v -> (int) v).toArray();
        double evalSeconds = seconds(t);
        String purchaseProtocol = task.protocol("users split 70/30 stratified", SEED)
                .withDataset(dataset()).describe();
        out.protocol(purchaseProtocol);
        out.add("logistic purchase model", "auc", RocAuc.of(y, p), evalSeconds, 1);
        out.add("logistic purchase model", "log_loss", LogLoss.of(y, p), evalSeconds, 1);
        out.add("logistic purchase model", "test users", y.length, evalSeconds, 1);
        out.add("logistic purchase model", "fit seconds", oursFit, oursFit, 1);
        out.add(TRIBUO, "auc", RocAuc.of(y, peerP), peerFit, 1);
        out.add(TRIBUO, "log_loss", LogLoss.of(y, peerP), peerFit, 1);
        out.add(TRIBUO, "fit seconds", peerFit, peerFit, 1);

        out.protocol(stages);
        SplitResult parts = new TemporalCutSplit(cutoff, cutoff).apply(log);
        t = System.nanoTime();
        ImplicitAls als = ImplicitAls.fit(parts.train(), ImplicitAls.Options.defaults().withThreads(threads));
        stage(out, context, "train implicit ALS", t, threads);

        t = System.nanoTime();
        Interactions purchases = parts.test().ofTypes(EventType.PURCHASE);
        UserItemMatrix seen = UserItemMatrix.of(parts.train(), Weighting.counts());
        Popularity popularity = Popularity.fit(parts.train(), Popularity.Options.defaults());
        EvaluationProtocol topN = EvaluationProtocol.fullRanking(parts.describe() + "; truth: purchases after the cut-off",
                10).withOrdering(Ordering.TEMPORAL).withDataset(dataset());
        TopNResult alsResult = TopNEvaluator.evaluate(new Recommender(als, seen, popularity), parts.train(), purchases,
                topN, TopNEvaluator.Options.defaults().withThreads(threads));
        TopNResult popResult = TopNEvaluator.evaluate(new Recommender(popularity, seen, popularity), parts.train(),
                purchases, topN, TopNEvaluator.Options.defaults().withThreads(threads));
        double rankSeconds = seconds(t);
        out.protocol(topN.describe());
        for (String metric : new String[] {"recall@10", "ndcg@10"}) {
            out.add("implicit ALS", metric, alsResult.values().get(metric), rankSeconds, threads);
            out.add("popularity", metric, popResult.values().get(metric), rankSeconds, threads);
        }
        out.protocol(stages);
        out.add("all stages", "peak heap MiB", PeakHeap.mebibytes(), 0, threads);
        return out.build();
    }

    private static void stage(ScenarioOutcome.Builder out, RunContext context, String name, long startNanos,
                              int threads) {
        double s = seconds(startNanos);
        context.log().printf(Locale.ROOT, "  %-20s %.2f s%n", name, s);
        out.add(name, "seconds", s, s, threads);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
