package ai.behavior.examples;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.split.SplitResult;

import java.io.PrintStream;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * The quick start's recommender: popularity and implicit ALS fitted on the training period (purchases weigh
 * most, then carts, then views), ranked for every user who bought in the test period (full ranking, items the
 * user touched in training excluded), and the top 5 for one of those users.
 */
final class RecommendationSection {
    private static final int[] KS = {5, 10, 20};

    private final PrintStream out;
    private final ProgressListener progress;
    private final long seed;

    RecommendationSection(PrintStream out, ProgressListener progress, long seed) {
        this.out = out;
        this.progress = progress;
        this.seed = seed;
    }

    MetricsReport run(Interactions log, AttributeTable items, SplitResult split) {
        Interactions train = split.train();
        Weighting byType = Weighting.byType(Map.of(EventType.PURCHASE, 5f, EventType.CART, 2f, EventType.VIEW, 1f));
        Popularity popularity = Popularity.fit(train, Popularity.Options.defaults().withWeighting(byType));
        ImplicitAls als = ImplicitAls.fit(train, ImplicitAls.Options.defaults().withWeighting(byType)
                .withProgress(progress));
        UserItemMatrix seen = UserItemMatrix.of(train, Weighting.counts());
        Recommender byPopularity = new Recommender(popularity, seen, popularity);
        Recommender byAls = new Recommender(als, seen, popularity);

        RankingAccumulator popAcc = new RankingAccumulator(log.numItems(), KS);
        RankingAccumulator alsAcc = new RankingAccumulator(log.numItems(), KS);
        UserHistories testByUser = split.test().byUser();
        int example = -1;
        for (int u = 0; u < log.numUsers(); u++) {
            int[] bought = purchasedItems(split.test(), testByUser, u);
            if (bought.length > 0) {
                popAcc.add(byPopularity.recommend(u, 20, RecommendOptions.defaults()), bought);
                alsAcc.add(byAls.recommend(u, 20, RecommendOptions.defaults()), bought);
                example = example < 0 ? u : example;
            }
        }
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(split.describe(), KS)
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop, test-period purchases").withSeed(seed);
        if (example >= 0) {
            showTop5(log, items, byAls, example, split);
        }
        return MetricsReport.builder("Top-N recommendation (truth: items bought in the test period)", protocol)
                .row("popularity", popAcc.result())
                .row("implicit ALS", alsAcc.result())
                .build();
    }

    private void showTop5(Interactions log, AttributeTable items, Recommender rec, int user, SplitResult split) {
        String id = log.users().id(user);
        Recommendations r = rec.recommend(id, 5);
        AttributeTable.CategoricalColumn category = items.categorical("category");
        out.printf("Top 5 for user %s (implicit ALS, %s):%n", id, r.source().toString().toLowerCase(Locale.ROOT));
        for (int k = 0; k < r.items().size(); k++) {
            Recommendations.Item item = r.items().get(k);
            int row = items.keys().indexOf(item.itemId());
            out.printf(Locale.ROOT, "  %d. %-10s %-14s score %.3f%s%n", k + 1, item.itemId(),
                    row < 0 ? "" : category.label(row), item.score(),
                    bought(split.test(), user, item.itemId()) ? "   <- bought in the test period" : "");
        }
        out.println();
    }

    private static boolean bought(Interactions test, int user, String item) {
        int i = test.items().indexOf(item);
        for (int r = 0; r < test.size() && i >= 0; r++) {
            if (test.user(r) == user && test.item(r) == i && test.type(r) == EventType.PURCHASE) {
                return true;
            }
        }
        return false;
    }

    private static int[] purchasedItems(Interactions test, UserHistories h, int u) {
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
