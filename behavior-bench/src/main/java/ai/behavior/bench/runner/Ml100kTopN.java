package ai.behavior.bench.runner;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.bpr.Bpr;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.knn.Reweighting;
import ai.behavior.recsys.knn.Similarity;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ml100k-topn}: implicit top-N on MovieLens-100K. Every rating is a positive; a random 75/25 split
 * stratified per user (seed 42); full ranking over the catalogue with each user's training items excluded;
 * every @10 metric (precision, recall, NDCG, hit rate, MRR, MAP, coverage) for popularity, item-kNN (cosine,
 * and BM25 with dot product), BPR (the tuned setting) and implicit ALS (defaults).
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run ml100k-topn --threads 2
 * }</pre>
 *
 * <p>Settings are those of {@code MovieLensRecommendations} in the examples, chosen without the test part
 * (see the ML-100K section of docs/benchmarks.md). Besides the metrics each model reports
 * {@code "fit seconds"}; a row's {@code seconds} is fit plus evaluation. BPR with more than one thread
 * (Hogwild) varies slightly from run to run.
 */
public final class Ml100kTopN implements Scenario {
    private static final int K = 10;
    private static final long SEED = 42;

    @Override
    public String name() {
        return "ml100k-topn";
    }

    @Override
    public String dataset() {
        return Ml100kData.NAME;
    }

    @Override
    public String description() {
        return "75/25 per-user split, full ranking, seen excluded, @10: popularity, item-kNN, BPR, implicit ALS";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return Ml100kData.status(datasetsRoot);
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws Exception {
        Interactions ratings = Ml100kData.read(context.datasetsRoot());
        int threads = context.threads();
        SplitResult parts = new RandomSplit(Ratios.trainTest(0.75, 0.25), RandomSplit.Scope.PER_USER, SEED)
                .apply(ratings);
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(parts.describe(), K).withDataset(dataset());
        Interactions train = parts.train();
        context.log().printf(Locale.ROOT, "%s: %,d train / %,d test events, %,d users, %,d items%n", name(),
                train.size(), parts.test().size(), ratings.numUsers(), ratings.numItems());
        UserItemMatrix seen = UserItemMatrix.of(train, Weighting.counts());
        Popularity popularity = Popularity.fit(train, Popularity.Options.defaults());
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        for (Map.Entry<String, Function<Interactions, ItemScorer>> m : models(popularity, threads).entrySet()) {
            long t0 = System.nanoTime();
            ItemScorer model = m.getValue().apply(train);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            TopNResult r = TopNEvaluator.evaluate(new Recommender(model, seen, popularity), train, parts.test(),
                    protocol, TopNEvaluator.Options.defaults().withThreads(threads));
            double seconds = fitSeconds + r.seconds();
            context.log().printf(Locale.ROOT, "  %-44s fit %.2f s, evaluated in %.2f s%n", m.getKey(), fitSeconds,
                    r.seconds());
            out.protocol(protocol.describe() + "; truth: " + r.truth());
            r.values().forEach((metric, value) -> out.add(m.getKey(), metric, value, seconds, threads));
            out.add(m.getKey(), "fit seconds", fitSeconds, seconds, threads);
        }
        return out.build();
    }

    /** Row name to model, in report order. */
    private static Map<String, Function<Interactions, ItemScorer>> models(Popularity popularity, int threads) {
        Map<String, Function<Interactions, ItemScorer>> m = new LinkedHashMap<>();
        m.put("popularity", t -> popularity);
        m.put("item-kNN, cosine, 100 neighbours", t -> ItemKnn.fit(t, ItemKnn.Options.defaults()
                .withThreads(threads)));
        m.put("item-kNN, BM25(3, .25), dot, 400", t -> ItemKnn.fit(t, ItemKnn.Options.defaults()
                .withNeighbours(400).withSimilarity(Similarity.DOT_PRODUCT).withReweighting(Reweighting.bm25(3.0, 0.25))
                .withThreads(threads)));
        // selected by NDCG@10 on an 80/20 per-user split of the training part (seed 7), never on the test part
        m.put("BPR, 128 f, lr .02, reg .02, 400 epochs", t -> Bpr.fit(t, Bpr.Options.defaults()
                .withFactors(128).withLearningRate(0.02).withRegularization(0.02).withEpochs(400)
                .withThreads(threads)));
        m.put("implicit ALS, defaults (64 f)", t -> ImplicitAls.fit(t, ImplicitAls.Options.defaults()
                .withThreads(threads)));
        return m;
    }
}
