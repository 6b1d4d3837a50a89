package ai.behavior.examples;

import ai.behavior.data.Interactions;
import ai.behavior.eval.MetricsReport;
import ai.behavior.progress.ProgressListener;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import ai.behavior.split.TemporalCutSplit;
import ai.behavior.split.TemporalQuantileSplit;
import ai.behavior.synth.FunnelRates;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The quick start and the README's main job, on the built-in synthetic shop: generates a shop, builds user
 * features and trains purchase models (logistic regression and an MLP), trains recommenders (popularity and
 * implicit ALS), prints every evaluation under its protocol, shows the top 5 for one user, and checks the
 * evaluation against the generator's planted purchase probabilities.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -jar examples/target/behavior-quickstart.jar --users 5000 --seed 7
 * </pre>
 *
 * <p>Purchase models: will a user buy in the 7 days after a cut-off (features strictly before it)?
 * Recommendation: for every user who bought in the last 20 % of events, the items bought are the truth and the
 * catalogue minus the items the user touched in training are the candidates. Per-view check: every test-period
 * VIEW is a row labelled by whether it led to a purchase; train-only baselines sit between chance and the
 * planted probability, the ceiling no model can beat. Progress bars go to standard error.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Synthetic shop -> features -> purchase models and recommenders, evaluated with their protocols.")
public final class QuickStart implements Callable<Integer> {
    @Option(names = "--users", description = "users in the synthetic shop (default: ${DEFAULT-VALUE})")
    int users = 20_000;

    @Option(names = "--seed", description = "seed of the shop and the protocol (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--json", description = "folder to write users.json, topn.json and views.json into")
    Path jsonDir;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    private final PrintStream out;

    QuickStart(PrintStream out) {
        this.out = out;
    }

    /** Runs the quick start; exit code 0 on success, 2 on bad arguments. */
    public static void main(String[] args) {
        OfflineDjl.configure();
        System.exit(ExampleCommand.execute(new QuickStart(System.out), args));
    }

    @Override
    public Integer call() throws IOException {
        List<MetricsReport> reports = run();
        if (jsonDir != null) {
            Files.createDirectories(jsonDir);
            reports.get(0).writeJson(jsonDir.resolve("users.json"));
            reports.get(1).writeJson(jsonDir.resolve("topn.json"));
            reports.get(2).writeJson(jsonDir.resolve("views.json"));
            out.println("Reports written to " + jsonDir.toAbsolutePath());
        }
        return 0;
    }

    /** Generates, trains, evaluates and prints; returns the user-purchase, top-N and per-view reports. */
    List<MetricsReport> run() {
        long t0 = System.nanoTime();
        ConsoleProgress bars = new ConsoleProgress(System.err);
        ProgressListener progress = quiet ? ProgressListener.quiet() : bars;
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withSeed(seed));
        Interactions log = shop.interactions();
        describe(shop, (System.nanoTime() - t0) / 1e9);

        MetricsReport purchase = new UserPurchaseSection(out, progress, seed).run(shop);
        bars.close();
        out.println(purchase.toTable());
        out.println();

        TemporalCutSplit cut = new TemporalQuantileSplit(Ratios.trainTest(0.8, 0.2),
                TemporalQuantileSplit.Basis.EVENTS).resolve(log);
        SplitResult split = cut.apply(log);
        MetricsReport topN = new RecommendationSection(out, progress, seed).run(log, shop.items(), split);
        bars.close();
        out.println(topN.toTransposedTable());
        out.println();

        MetricsReport views = ViewPurchaseSection.run(shop, split, cut.testCut(), seed);
        out.println(views.toTable());
        out.printf("%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return List.of(purchase, topN, views);
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
}
