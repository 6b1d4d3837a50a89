package ai.behavior.spark;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkRankingTest {
    private static final StructType LISTS = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("ranked", DataTypes.createArrayType(DataTypes.IntegerType), true)
            .add("truth", DataTypes.createArrayType(DataTypes.IntegerType), true);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void sparkNumbersEqualTheSingleMachineEvaluationOnTheSyntheticShop() {
        Interactions train = Shop.SPLIT.train();
        Interactions test = Shop.SPLIT.test();
        ImplicitAls als = ImplicitAls.fit(train, ImplicitAls.Options.defaults().withFactors(8).withIterations(5)
                .withThreads(2));
        Popularity pop = Popularity.fit(train, Popularity.Options.defaults());
        Recommender rec = new Recommender(als, UserItemMatrix.of(train, Weighting.counts()), pop);
        EvaluationProtocol p = EvaluationProtocol.fullRanking(Shop.SPLIT.describe(), 5, 10, 20)
                .withDataset("synthetic shop");
        TopNResult single = TopNEvaluator.evaluate(rec, train, test, p, TopNEvaluator.Options.defaults());

        // the same lists and truth sets as the evaluator's, one row per user, spread over 4 partitions
        List<Row> rows = new ArrayList<>();
        List<List<Integer>> truth = new ArrayList<>();
        for (int u = 0; u < train.numUsers(); u++) {
            truth.add(new ArrayList<>());
        }
        for (int r = 0; r < test.size(); r++) {
            List<Integer> t = truth.get(test.user(r));
            if (!t.contains(test.item(r))) {
                t.add(test.item(r));
            }
        }
        RankingAccumulator acc = new RankingAccumulator(train.numItems(), 5, 10, 20);
        for (int u = 0; u < train.numUsers(); u++) {
            // as the evaluator does, a user without test events is skipped and recommends nothing (no coverage)
            int[] ranked = truth.get(u).isEmpty() ? new int[0] : rec.recommend(u, 20, RecommendOptions.defaults());
            int[] t = truth.get(u).stream().mapToInt(Integer::intValue).toArray();
            acc.add(ranked, t);
            rows.add(RowFactory.create(u, Arrays.stream(ranked).boxed().toList(), truth.get(u)));
        }
        Dataset<Row> lists = spark.createDataFrame(rows, LISTS).repartition(4);
        SparkRankingResult distributed = SparkRanking.evaluate(lists, "ranked", "truth", train.numItems(), p);

        Map<String, Double> expected = single.ranking().values();
        assertEquals(acc.result().values().keySet(), distributed.values().keySet());
        assertEquals(expected.keySet(), distributed.values().keySet());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertEquals(e.getValue(), distributed.value(e.getKey()), 1e-9, e.getKey());
            assertEquals(acc.result().values().get(e.getKey()), distributed.value(e.getKey()), 1e-9, e.getKey());
        }
        assertEquals(single.ranking().counts(), distributed.counts());
        assertTrue(distributed.value("ndcg@10") > 0.01, "a real model ranks some held-out items");

        // the printed report carries the same protocol line as a single-machine report
        MetricsReport report = distributed.toReport("implicit ALS", "als");
        assertTrue(report.toTable().contains(p.describe()), report.toTable());
    }

    @Test
    void handComputedListsAndBadInput() {
        // user 0: ranked [3, 1, 2], truth {1}: recall@2 = 1, ndcg@2 = 1/log2(3) = 0.6309; user 1: truth {} skipped
        // user 2: ranked [0, 4], truth {0, 9}: recall@2 = 1/2, ndcg@2 = 1 / (1 + 1/log2(3)) = 0.6131
        List<Row> rows = List.of(
                RowFactory.create(0, List.of(3, 1, 2), List.of(1)),
                RowFactory.create(1, List.of(0), List.of()),
                RowFactory.create(2, List.of(0, 4), List.of(0, 9)));
        Dataset<Row> lists = spark.createDataFrame(rows, LISTS).repartition(2);
        EvaluationProtocol p = EvaluationProtocol.fullRanking("hand-made", 2);
        SparkRankingResult r = SparkRanking.evaluate(lists, "ranked", "truth", 10, p);
        assertEquals(0.75, r.value("recall@2"), 1e-12);
        double ndcgUser0 = 1 / (Math.log(3) / Math.log(2));
        double ndcgUser2 = 1 / (1 + 1 / (Math.log(3) / Math.log(2)));
        assertEquals((ndcgUser0 + ndcgUser2) / 2, r.value("ndcg@2"), 1e-12);
        // items 3, 1 (user 0), 0 (users 1, 2) and 4 in the top 2: 4 of 10
        assertEquals(0.4, r.value("coverage@2"), 1e-12);
        assertEquals(Map.of("users evaluated", 2L, "users skipped", 1L), r.counts());

        Dataset<Row> bad = spark.createDataFrame(List.of(RowFactory.create(0, null, List.of(1))), LISTS);
        Exception e = assertThrows(Exception.class, () -> SparkRanking.evaluate(bad, "ranked", "truth", 10, p));
        assertTrue(e.getMessage().contains("column 'ranked' is null"), e.getMessage());
    }
}
