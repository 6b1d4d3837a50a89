package ai.behavior.recsys.eval;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.io.MovieLens;
import ai.behavior.metric.RankingMetric;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.knn.Reweighting;
import ai.behavior.recsys.knn.Similarity;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The published ML-100K implicit top-N protocol on the real data (path from system property
 * {@code behavior.datasets}, default {@code ../shared/datasets}): a 75/25 random split stratified per user
 * (seed 42), every rating an implicit positive, full ranking with seen items excluded, K = 10. Prints the
 * report; skips with a message when the data is absent.
 */
class MovieLens100kTopNTest {
    @Test
    void itemKnnBeatsPopularityOnTheMovieLens100kProtocol() throws IOException {
        Path folder = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "ml-100k");
        assumeTrue(Files.isDirectory(folder), "real dataset folder " + folder.toAbsolutePath().normalize()
                + " is absent: skipping the ML-100K top-N measurement");
        Interactions log = MovieLens.read(folder).interactions();
        SplitResult parts = new RandomSplit(Ratios.trainTest(0.75, 0.25), RandomSplit.Scope.PER_USER, 42).apply(log);
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(parts.describe(), 10).withDataset("ml-100k");
        Interactions train = parts.train();
        UserItemMatrix seen = UserItemMatrix.of(train, Weighting.counts()); // every rating is a positive
        Popularity popularity = Popularity.fit(train, Popularity.Options.defaults());

        Map<String, TopNResult> results = new LinkedHashMap<>();
        results.put("popularity", evaluate(popularity, seen, popularity, parts, protocol));
        results.put("item-knn defaults", evaluate(ItemKnn.fit(train, ItemKnn.Options.defaults()), seen,
                popularity, parts, protocol));
        results.put("item-knn bm25 dot 400", evaluate(ItemKnn.fit(train, ItemKnn.Options.defaults()
                .withNeighbours(400).withSimilarity(Similarity.DOT_PRODUCT)
                .withReweighting(Reweighting.bm25(3.0, 0.25))), seen, popularity, parts, protocol));
        System.out.println(TopNResult.report("ML-100K implicit top-10", results).toTable());

        double pop = results.get("popularity").ranking().mean(RankingMetric.NDCG, 10);
        assertEquals(943, results.get("popularity").ranking().usersEvaluated());
        assertTrue(pop > 0.2 && pop < 0.3, "popularity NDCG@10 " + pop);
        for (String knn : new String[] {"item-knn defaults", "item-knn bm25 dot 400"}) {
            double ndcg = results.get(knn).ranking().mean(RankingMetric.NDCG, 10);
            assertTrue(ndcg > pop + 0.1 && ndcg < 0.5, knn + " NDCG@10 " + ndcg);
        }
    }

    private static TopNResult evaluate(ItemScorer model, UserItemMatrix seen, Popularity fallback, SplitResult parts,
                                       EvaluationProtocol protocol) {
        return TopNEvaluator.evaluate(new Recommender(model, seen, fallback), parts.train(), parts.test(), protocol,
                TopNEvaluator.Options.defaults());
    }
}
