package ai.behavior.recsys.eval;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.RankingMetric;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.split.Split;
import ai.behavior.split.SplitResult;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every candidate mode gives identical numbers on 1 and 4 threads, and the seed changes sampled ones. */
class TopNEvaluatorDeterminismTest {
    @Test
    void numbersDoNotDependOnThreadsAndSamplesFollowTheSeed() {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(400).withItems(300)
                .withSeed(5)).interactions();
        SplitResult parts = Split.randomPerUser(0.8, 0, 0.2, 42).apply(log);
        ItemKnn knn = ItemKnn.fit(parts.train(), ItemKnn.Options.defaults().withNeighbours(50).withThreads(2));
        Recommender rec = new Recommender(knn, UserItemMatrix.of(parts.train(), Weighting.counts()),
                Popularity.fit(parts.train(), Popularity.Options.defaults()));
        String split = parts.describe();
        for (EvaluationProtocol p : new EvaluationProtocol[] {
            EvaluationProtocol.fullRanking(split, 5, 10),
            EvaluationProtocol.sampledUniform(split, 20, 5, 10),
            EvaluationProtocol.sampledByPopularity(split, 20, 5, 10)}) {
            TopNResult one = TopNEvaluator.evaluate(rec, parts.train(), parts.test(), p,
                    TopNEvaluator.Options.defaults().withThreads(1));
            TopNResult four = TopNEvaluator.evaluate(rec, parts.train(), parts.test(), p,
                    TopNEvaluator.Options.defaults().withThreads(4));
            assertEquals(one.ranking().values(), four.ranking().values(), p.describe());
            assertEquals(one.counts(), four.counts());
            assertEquals(parts.test().activeUsers(), one.ranking().usersEvaluated());
            assertEquals(log.numUsers() - parts.test().activeUsers(), one.ranking().usersSkipped());
            if (!(p.candidates() instanceof ai.behavior.eval.CandidateMode.Full)) {
                TopNResult reseeded = TopNEvaluator.evaluate(rec, parts.train(), parts.test(), p.withSeed(43),
                        TopNEvaluator.Options.defaults().withThreads(2));
                assertNotEquals(one.ranking().mean(RankingMetric.NDCG, 10),
                        reseeded.ranking().mean(RankingMetric.NDCG, 10));
                TopNResult full = TopNEvaluator.evaluate(rec, parts.train(), parts.test(),
                        EvaluationProtocol.fullRanking(split, 5, 10), TopNEvaluator.Options.defaults());
                assertTrue(one.ranking().mean(RankingMetric.RECALL, 10) > full.ranking().mean(RankingMetric.RECALL, 10),
                        "ranking among a few sampled negatives is easier than among the whole catalogue");
            }
        }
    }
}
