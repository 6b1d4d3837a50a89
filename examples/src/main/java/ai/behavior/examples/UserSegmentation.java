package ai.behavior.examples;

import ai.behavior.analysis.KMeans;
import ai.behavior.analysis.KMeansOptions;
import ai.behavior.analysis.KMeansResult;
import ai.behavior.analysis.KSelection;
import ai.behavior.analysis.SegmentReport;
import ai.behavior.analysis.Segmentation;
import ai.behavior.data.AttributeTable;
import ai.behavior.data.Dataset;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.io.TaobaoUserBehavior;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * User segmentation on behaviour aggregates: recency, frequency, spend, sessions, active days, breadth of
 * items and categories, tenure and recent views and carts per user, each {@code log1p}-compressed and
 * standardised; k-means with k-means++ initialisation for every k in a range, the k with the best silhouette
 * kept, and the segment profile table (size, share, RFM means in raw units, top categories) printed.
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.UserSegmentation --users 5000
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.UserSegmentation \
 *     --data ../shared/datasets/taobao-userbehavior
 * </pre>
 *
 * <p>Without {@code --data} the synthetic shop is segmented. With {@code --data} (a Taobao UserBehavior folder
 * holding {@code UserBehavior_head.csv}, or a CSV file in that format) the real log is; Taobao has no prices,
 * so its "monetary" mean is the mean number of purchases. Exit codes: 0 done, 2 bad arguments, 3 the data
 * path is missing (the message says what was expected).
 */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = "k-means++ user segments on behaviour aggregates; k chosen by silhouette; segment profiles.")
public final class UserSegmentation implements Callable<Integer> {
    /** The Taobao file looked for inside a {@code --data} folder. */
    static final String TAOBAO_FILE = "UserBehavior_head.csv";
    /** The aggregate columns the segments are built on (none is ever NaN). */
    static final List<String> COLUMNS = List.of(UserAggregates.RECENCY_DAYS, UserAggregates.FREQUENCY,
            UserAggregates.MONETARY_SUM, UserAggregates.SESSIONS, UserAggregates.ACTIVE_DAYS,
            UserAggregates.DISTINCT_ITEMS, UserAggregates.DISTINCT_CATEGORIES, UserAggregates.TENURE_DAYS,
            "view_30d", "cart_30d");

    @Option(names = "--data", description = "Taobao UserBehavior folder or CSV file; without it, the synthetic shop")
    Path data;

    @Option(names = "--users", description = "users in the synthetic shop (default: ${DEFAULT-VALUE})")
    int users = 5_000;

    @Option(names = "--seed", description = "seed of the shop and of k-means (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--min-k", description = "smallest k tried, >= 2 (default: ${DEFAULT-VALUE})")
    int minK = 2;

    @Option(names = "--max-k", description = "largest k tried (default: ${DEFAULT-VALUE})")
    int maxK = 8;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private SegmentReport report;
    private KSelection selection;

    UserSegmentation(PrintStream out) {
        this.out = out;
    }

    /** Runs the segmentation; see the class comment for exit codes. */
    public static void main(String[] args) {
        System.exit(ExampleCommand.execute(new UserSegmentation(System.out), args));
    }

    @Override
    public Integer call() throws IOException {
        if (minK < 2 || maxK < minK) {
            throw new CommandLine.ParameterException(spec.commandLine(), "need 2 <= --min-k <= --max-k, got --min-k "
                    + minK + " --max-k " + maxK + " (the silhouette needs at least two segments)");
        }
        long t0 = System.nanoTime();
        Interactions log;
        AttributeTable items;
        String name;
        if (data != null) {
            Path csv = Files.isDirectory(data) ? data.resolve(TAOBAO_FILE) : data;
            if (!Files.isRegularFile(csv)) {
                System.err.println("Taobao UserBehavior is not at " + csv.toAbsolutePath().normalize() + ": expected "
                        + TAOBAO_FILE + " (user_id,item_id,category_id,behavior_type,timestamp). Pass --data FOLDER "
                        + "or FILE, or leave --data out to segment the synthetic shop.");
                return 3;
            }
            Dataset taobao = TaobaoUserBehavior.read(csv);
            log = taobao.interactions();
            items = taobao.items();
            name = "Taobao UserBehavior (" + csv.getFileName() + "; no prices: monetary = purchases)";
        } else {
            ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(users).withSeed(seed));
            log = shop.interactions();
            items = shop.items();
            name = "synthetic shop (seed " + seed + ")";
        }
        segment(log, items, name);
        out.printf("%nDone in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Aggregates the whole log, scans k, clusters with the best k and prints the profiles. */
    void segment(Interactions log, AttributeTable items, String name) {
        long cutoff = log.maxTimestamp() + 1; // describe all the behaviour so far
        FeatureFrame aggregates = UserAggregates.compute(log, items, cutoff,
                AggregateOptions.defaults().withDwell(false));
        Pipeline.Builder b = Pipeline.builder();
        for (String c : COLUMNS) {
            b.add(c, Log1p.of(c).clampNegatives().thenStandardize()); // spend and counts are heavy-tailed
        }
        FeatureMatrix x = b.build().fit(aggregates).transform(aggregates);
        out.printf("%s: %,d events, %,d users segmented on %d standardised log1p aggregates:%n  %s%n%n", name,
                log.size(), aggregates.rows(), COLUMNS.size(), String.join(", ", COLUMNS));

        if (aggregates.rows() <= minK) {
            throw new IllegalArgumentException("only " + aggregates.rows() + " users have events: segmenting needs "
                    + "more than --min-k (" + minK + ") of them; generate more with --users");
        }
        int toK = Math.min(maxK, aggregates.rows() - 1);
        out.println("Silhouette by k (k-means++, " + KMeansOptions.DEFAULT_RESTARTS + " restarts, seed " + seed
                + "; silhouette exact up to 5,000 users, else on a seeded sample of 5,000):");
        selection = Segmentation.chooseK(x, minK, toK, KMeansOptions.of(minK).withSeed(seed), null);
        out.print(selection.toTable());
        int k = selection.best().k();
        KMeansResult km = KMeans.fit(x, KMeansOptions.of(k).withSeed(seed));
        report = Segmentation.profile(aggregates, km.assignments(), log, items);
        out.printf("%nSegments at k = %d (best silhouette %.3f); recency in days, frequency = purchases, "
                + "monetary = total spend, top categories by share of the segment's events:%n", k,
                selection.best().silhouette());
        out.print(report.toTable());
        if (k == minK) {
            out.println("(The silhouette favours a few well separated segments; pass --min-k " + (minK + 1)
                    + " or more for finer ones.)");
        }
    }

    /** The profile table of the last run. */
    SegmentReport report() {
        return report;
    }

    /** The k scan of the last run. */
    KSelection selection() {
        return selection;
    }
}
