package ai.behavior.models.twotower;

import ai.behavior.data.EventType;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.recsys.eval.TruthFilter;
import ai.behavior.metric.RankingMetric;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-tower retrieval on the synthetic shop, served by the recommenders' top-K code with seen-item filtering
 * and the popularity fallback: Recall@20 of the purchases after a temporal cut must clearly beat popularity's.
 */
class TwoTowerShopTest {
    private static final long DAY = 86_400_000L;
    private static ShopData shop;
    private static ShopRetrieval task;
    private static Popularity popularity;
    private static UserItemMatrix seen;
    private static EvaluationProtocol protocol;
    private static double popularityRecall;

    @BeforeAll
    static void build() {
        shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(2_000).withDays(60).withSeed(5));
        long end = shop.interactions().maxTimestamp();
        long cut = end - 14 * DAY;
        task = ShopRetrieval.of(shop, cut - 21 * DAY, cut);
        popularity = Popularity.fit(task.split().train(), Popularity.Options.defaults());
        seen = UserItemMatrix.of(task.split().train(), Weighting.counts());
        protocol = EvaluationProtocol.fullRanking(task.split().describe(), 20);
        popularityRecall = recall(popularity);
        System.out.printf("%,d events; %,d training pairs, %,d validation pairs; popularity Recall@20 %.4f%n",
                shop.interactions().size(), task.train().pairs(), task.validation().pairs(), popularityRecall);
    }

    private static double recall(ItemScorer scorer) {
        TopNResult r = TopNEvaluator.evaluate(new Recommender(scorer, seen, popularity), task.split().train(),
                task.split().test(), protocol, TopNEvaluator.Options.defaults().withThreads(1)
                        .withTruth(TruthFilter.ofTypes(EventType.PURCHASE)));
        return r.ranking().mean(RankingMetric.RECALL, 20);
    }

    private static double fitAndMeasure(TwoTowerOptions options) {
        try (TwoTowerModel m = TwoTower.fit(task.train(), task.validation(), SequenceEncoderFactory.meanPool(32),
                options)) {
            TwoTowerScorer scorer = m.scorer(shop.interactions().users(), task.servingUsers(),
                    shop.interactions().items(), task.items());
            double r = recall(scorer);
            System.out.printf("%s: Recall@20 %.4f (kept epoch %d, %s %.4f, %.1f s)%n", options.describe(), r,
                    m.training().orElseThrow().bestEpoch(), m.training().orElseThrow().metricName(),
                    m.training().orElseThrow().bestMetric().orElse(0), m.training().orElseThrow().seconds());
            return r;
        }
    }

    private static TwoTowerOptions options() {
        return TwoTowerOptions.defaults().withTraining(TrainingOptions.defaults().withEpochs(10).withBatchSize(256)
                .withLearningRate(2e-3).withPatience(3));
    }

    @Test
    void inBatchSoftmaxWithLogQCorrectionBeatsPopularity() {
        double r = fitAndMeasure(options());
        assertTrue(r > popularityRecall * 1.3, "two-tower " + r + " vs popularity " + popularityRecall);
    }

    @Test
    void sampledSoftmaxBeatsPopularity() {
        double r = fitAndMeasure(options().withObjective(TwoTowerObjective.SAMPLED).withNegatives(256)
                .withSampling(NegativeSampling.UNIFORM));
        assertTrue(r > popularityRecall * 1.3, "two-tower " + r + " vs popularity " + popularityRecall);
    }
}
