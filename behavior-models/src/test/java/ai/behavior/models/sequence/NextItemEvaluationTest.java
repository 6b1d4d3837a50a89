package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.Ordering;
import ai.behavior.metric.RankingMetric;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextItemEvaluationTest {
    @Test
    void transformerBeatsPopularityOnAPlantedWalkUnderBothProtocolsAndTheBestValidationSettingIsTested() {
        Interactions log = Cycles.log(150, 30, 12, 30, 0.1, 31);
        Map<String, List<SequenceOptions>> models = new LinkedHashMap<>();
        SequenceOptions tf = NextItemTest.small(SequenceOptions.transformer(), 10);
        // the second setting cannot learn anything in one epoch at a tiny learning rate: selection must skip it
        models.put("Transformer", List.of(tf, tf.withTraining(tf.training().withEpochs(1).withLearningRate(1e-6))));
        NextItemEvaluation.Result r = NextItemEvaluation.run(log, NextItemEvaluation.Options.defaults()
                .withDataset("cycles").withModels(models).withNegatives(20));
        assertEquals(150, r.testUsers());
        NextItemEvaluation.ModelRun t = r.run("Transformer");
        assertEquals(2, t.trials().size());
        assertTrue(t.trials().get(0).validationNdcg() > t.trials().get(1).validationNdcg());
        assertEquals(tf, t.chosen());
        assertEquals(List.of(t.trials().get(0)), t.chosenTrials());
        assertEquals(1, t.tests().size());
        assertEquals(tf.training().seed(), t.tests().get(0).seed());
        NextItemEvaluation.ModelRun pop = r.run("popularity");
        for (RankingMetric m : new RankingMetric[] {RankingMetric.HIT_RATE, RankingMetric.NDCG}) {
            assertTrue(t.mean(false, m, 10) > pop.mean(false, m, 10) + 0.2, m + " full");
            assertTrue(t.mean(true, m, 10) > pop.mean(true, m, 10) + 0.2, m + " sampled");
        }
        // the protocols travel with the tables: time order, leave-last-out, full ranking keeps seen items
        assertEquals(Ordering.TEMPORAL, r.full().protocol().ordering());
        assertTrue(r.full().protocol().split().startsWith("leave-last-1-out per user by time, 1 validation"));
        assertEquals(new CandidateMode.Full(), r.full().protocol().candidates());
        assertFalse(r.full().protocol().excludeSeen());
        assertEquals(new CandidateMode.SampledUniform(20), r.sampled().protocol().candidates());
        assertTrue(r.full().toTable().contains("popularity") && r.describe().contains("sequences/s"));
        assertEquals(t.mean(false, RankingMetric.NDCG, 10), r.full().value(r.full().rows().get(1).name(), "ndcg@10"));
        // the per-user ranks reproduce the tables' means, and the bootstrap sees the planted gap
        for (RankingMetric m : new RankingMetric[] {RankingMetric.HIT_RATE, RankingMetric.NDCG}) {
            assertEquals(t.mean(false, m, 10), mean(t.tests().get(0).fullRanks(), m), 1e-9, m + " full");
            assertEquals(pop.mean(true, m, 10), mean(pop.tests().get(0).sampledRanks(), m), 1e-9, m + " sampled");
        }
        assertTrue(r.difference(t, pop, false, RankingMetric.NDCG, 500, 1).low() > 0.1);
        assertTrue(r.describe().contains("Transformer - popularity: full HR@10 +"), r.describe());
    }

    @Test
    void withSeveralSeedsEachSettingIsChosenOnItsMeanValidationAndTestedWithEverySeedsModel() {
        Interactions log = Cycles.log(80, 20, 10, 20, 0.1, 5);
        SequenceOptions gru = NextItemTest.small(SequenceOptions.gru(), 4);
        SequenceOptions frozen = gru.withTraining(gru.training().withEpochs(1).withLearningRate(1e-6));
        Map<String, List<SequenceOptions>> models = new LinkedHashMap<>();
        models.put("GRU", List.of(frozen, gru));
        NextItemEvaluation.Result r = NextItemEvaluation.run(log, NextItemEvaluation.Options.defaults()
                .withModels(models).withNegatives(10).withTrainingSeeds(11L, 12L));
        NextItemEvaluation.ModelRun g = r.run("GRU");
        // 2 settings x 2 seeds, in order; the learning setting wins on the mean of its two seeds
        assertEquals(List.of(11L, 12L, 11L, 12L), g.trials().stream().map(NextItemEvaluation.Trial::seed).toList());
        assertEquals(gru, g.chosen());
        assertEquals(List.of(11L, 12L), g.tests().stream().map(NextItemEvaluation.SeedRun::seed).toList());
        assertEquals((g.trials().get(2).validationNdcg() + g.trials().get(3).validationNdcg()) / 2,
                g.validationNdcg(), 1e-12);
        // the table holds the mean over the seeds' tests; per-user values average the seeds' hits
        for (boolean sampled : new boolean[] {false, true}) {
            double a = (sampled ? g.tests().get(0).sampled() : g.tests().get(0).full()).mean(RankingMetric.HIT_RATE, 10);
            double b = (sampled ? g.tests().get(1).sampled() : g.tests().get(1).full()).mean(RankingMetric.HIT_RATE, 10);
            assertEquals((a + b) / 2, g.mean(sampled, RankingMetric.HIT_RATE, 10), 1e-12);
            assertEquals(Math.abs(a - b) / Math.sqrt(2), g.spread(sampled, RankingMetric.HIT_RATE, 10), 1e-12);
            double[] perUser = g.perUser(sampled, RankingMetric.HIT_RATE);
            assertEquals((a + b) / 2, Arrays.stream(perUser).average().orElseThrow(), 1e-12);
            assertTrue(Arrays.stream(perUser).allMatch(v -> v == 0 || v == 0.5 || v == 1), Arrays.toString(perUser));
        }
        String row = r.full().rows().get(1).name();
        assertTrue(row.endsWith(", mean of seeds 11/12)"), row);
        assertEquals(g.mean(false, RankingMetric.NDCG, 10), r.full().value(row, "ndcg@10"), 1e-12);
        assertTrue(r.describe().contains("(mean of seeds 11: "), r.describe());
        assertThrows(IllegalArgumentException.class, () -> NextItemEvaluation.Options.defaults()
                .withTrainingSeeds(1L, 1L));
        assertThrows(IllegalArgumentException.class, () -> NextItemEvaluation.Options.defaults()
                .withModels(Map.of("GRU", List.of(gru, gru))));
    }

    private static double mean(int[] ranks, RankingMetric metric) {
        double s = 0;
        for (int rank : ranks) {
            s += PairedBootstrap.value(metric, rank);
        }
        return s / ranks.length;
    }

    @Test
    void sampledNegativesAreDistinctItemsTheUserNeverTouched() {
        // user a touched items 0..5 (item index = number), the last one (5) is the test item; 10 items in all
        var b = Interactions.builder();
        for (int i = 0; i < 10; i++) {
            b.items().intern("i" + i);
        }
        for (int i = 0; i < 6; i++) {
            b.add("a", "i" + i, EventType.VIEW, 1_000L * i, 1f);
        }
        Interactions log = b.build();
        SplitResult parts = LeaveLastOut.of(1).withValidation(1).apply(log);
        NextItemQueries q = NextItemQueries.of(LeaveLastOut.of(1).apply(log).train(), parts.test());
        assertArrayEquals(new int[] {5}, q.targets());
        int[][] c = NextItemEvaluation.sampleNegatives(log, q, 3, 7);
        assertEquals(5, c[0][0]);
        assertEquals(4, c[0].length);
        int[] negatives = Arrays.copyOfRange(c[0], 1, 4);
        assertEquals(3, Arrays.stream(negatives).distinct().count());
        assertTrue(Arrays.stream(negatives).allMatch(i -> i >= 6), Arrays.toString(negatives));
        // asking for more than the 4 untouched items gives all of them
        int[][] all = NextItemEvaluation.sampleNegatives(log, q, 100, 7);
        int[] sorted = Arrays.copyOfRange(all[0], 1, all[0].length);
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {6, 7, 8, 9}, sorted);
    }

    @Test
    void refusesLogsWithNothingToEvaluateAndBadOptions() {
        Interactions two = Cycles.log(5, 10, 2, 2, 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextItemEvaluation.run(two,
                NextItemEvaluation.Options.defaults())).getMessage().contains("three or more events"));
        assertThrows(IllegalArgumentException.class, () -> NextItemEvaluation.Options.defaults().withK(0));
        assertThrows(IllegalArgumentException.class, () -> NextItemEvaluation.Options.defaults()
                .withModels(Map.of("popularity", List.of(SequenceOptions.gru()))));
    }
}
