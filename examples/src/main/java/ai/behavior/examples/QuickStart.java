package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.metric.AveragePrecision;
import ai.behavior.metric.F1Threshold;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RocAuc;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import ai.behavior.split.TemporalCutSplit;
import ai.behavior.split.TemporalQuantileSplit;
import ai.behavior.synth.FunnelRates;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import ai.behavior.synth.ViewTruth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The quick start and the README's main job: generates a synthetic shop, splits it by time, scores purchase
 * predictions and a popularity recommender, and prints metrics reports with their evaluation protocol.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -jar examples/target/behavior-quickstart.jar --users 5000 --seed 7
 * </pre>
 *
 * <p>Purchase prediction: every VIEW in the test period is a row whose label is whether the view led to a
 * purchase of the item in its session. The baselines learn only from the training period; the planted
 * probability row is the generator's truth, the ceiling no model can beat. Recommendation: for every user
 * who bought in the test period, the items bought are the truth, the catalogue minus the items the user
 * touched in training are the candidates.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Synthetic shop -> temporal split -> purchase prediction and top-N metrics, with the protocol.")
public final class QuickStart implements Callable<Integer> {
    @Option(names = "--users", description = "users in the synthetic shop (default: ${DEFAULT-VALUE})")
    int users = 20_000;

    @Option(names = "--seed", description = "seed of the shop and the protocol (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--json", description = "folder to write purchase.json and topn.json into")
    Path jsonDir;

    private final PrintStream out;

    QuickStart(PrintStream out) {
        this.out = out;
    }

    /** Runs the quick start; exit code 0 on success, 2 on bad arguments. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new QuickStart(System.out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<MetricsReport> reports = run();
        if (jsonDir != null) {
            Files.createDirectories(jsonDir);
            reports.get(0).writeJson(jsonDir.resolve("purchase.json"));
            reports.get(1).writeJson(jsonDir.resolve("topn.json"));
            out.println("Reports written to " + jsonDir.toAbsolutePath());
        }
        return 0;
    }

    /** Generates, splits, evaluates and prints; returns the purchase and top-N reports. */
    List<MetricsReport> run() {
        long t0 = System.nanoTime();
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withSeed(seed));
        Interactions log = shop.interactions();
        describe(shop, (System.nanoTime() - t0) / 1e9);

        TemporalQuantileSplit quantile = new TemporalQuantileSplit(Ratios.trainTest(0.8, 0.2),
                TemporalQuantileSplit.Basis.EVENTS);
        TemporalCutSplit cut = quantile.resolve(log);
        SplitResult split = cut.apply(log);
        out.println(split.describe());
        out.println();

        MetricsReport purchase = purchasePrediction(shop, split, cut.testCut());
        MetricsReport topN = recommendation(log, split);
        out.println(purchase.toTable());
        out.println();
        out.println(topN.toTransposedTable());
        out.printf("%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return List.of(purchase, topN);
    }

    private void describe(ShopData shop, double seconds) {
        Interactions log = shop.interactions();
        FunnelRates f = FunnelRates.of(log);
        out.printf("Synthetic shop (seed %d): %,d events, %,d users, %,d items, %,d sessions, generated in %.1f s%n",
                seed, log.size(), log.activeUsers(), log.activeItems(), log.sessions().size(), seconds);
        out.println("  events by type: " + log.countByType());
        out.println("  time span: " + Instant.ofEpochMilli(log.minTimestamp()) + " .. "
                + Instant.ofEpochMilli(log.maxTimestamp()));
        out.printf("  funnel: view->cart %.2f%%, cart->purchase %.1f%%, view->purchase %.2f%%%n%n",
                100 * f.viewToCart(), 100 * f.cartToPurchase(), 100 * f.viewToPurchase());
    }

    private MetricsReport purchasePrediction(ShopData shop, SplitResult split, long testCut) {
        Interactions log = shop.interactions();
        ViewTruth views = shop.truth().views();
        ConversionRateBaseline baseline = ConversionRateBaseline.fit(split.train(), 20);
        List<Integer> testViews = new ArrayList<>();
        for (int k = 0; k < views.size(); k++) {
            if (log.timestamp(views.rows()[k]) >= testCut) {
                testViews.add(k);
            }
        }
        int n = testViews.size();
        int[] label = new int[n];
        double[] item = new double[n];
        double[] personal = new double[n];
        double[] planted = new double[n];
        for (int j = 0; j < n; j++) {
            int k = testViews.get(j);
            int row = views.rows()[k];
            label[j] = views.purchased()[k] ? 1 : 0;
            item[j] = baseline.purchaseProbability(log.user(row), log.item(row), false);
            personal[j] = baseline.purchaseProbability(log.user(row), log.item(row), true);
            planted[j] = views.purchaseProbability()[k];
        }
        EvaluationProtocol protocol = EvaluationProtocol.pointwise(split.describe())
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop, test-period views").withSeed(seed);
        long positives = java.util.Arrays.stream(label).filter(x -> x == 1).count();
        return MetricsReport.builder("Purchase prediction per view (" + n + " views, " + positives + " purchased)",
                        protocol)
                .row("item conversion rate", binary(label, item))
                .row("item x user conversion rate", binary(label, personal))
                .row("planted probability (ceiling)", binary(label, planted))
                .build();
    }

    private static Map<String, Double> binary(int[] label, double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", RocAuc.of(label, p));
        m.put("pr_auc", AveragePrecision.of(label, p));
        m.put("log_loss", LogLoss.of(label, p));
        m.put("best_f1", F1Threshold.search(label, p).f1());
        return m;
    }

    private MetricsReport recommendation(Interactions log, SplitResult split) {
        Interactions train = split.train();
        Interactions test = split.test();
        // purchases weigh most, then carts, then views
        Popularity popularity = Popularity.fit(train, Popularity.Options.defaults().withWeighting(
                Weighting.byType(Map.of(EventType.PURCHASE, 5f, EventType.CART, 2f, EventType.VIEW, 1f))));
        Recommender recommender = new Recommender(popularity, UserItemMatrix.of(train, Weighting.counts()),
                popularity);
        int[] ks = {5, 10, 20};
        RankingAccumulator acc = new RankingAccumulator(log.numItems(), ks);
        var testByUser = test.byUser();
        for (int u = 0; u < log.numUsers(); u++) {
            int[] bought = purchasedItems(test, testByUser, u);
            if (bought.length > 0) {
                acc.add(recommender.recommend(u, 20, RecommendOptions.defaults()), bought);
            }
        }
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(split.describe(), ks)
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop, test-period purchases").withSeed(seed);
        return MetricsReport.builder("Top-N recommendation (truth: items bought in the test period)", protocol)
                .row("popularity", acc.result())
                .build();
    }

    private static int[] purchasedItems(Interactions test, ai.behavior.data.UserHistories h, int u) {
        BitSet items = new BitSet();
        for (int p = h.start(u); p < h.end(u); p++) {
            int r = h.row(p);
            if (test.type(r) == EventType.PURCHASE) {
                items.set(test.item(r));
            }
        }
        return items.stream().toArray();
    }
}
