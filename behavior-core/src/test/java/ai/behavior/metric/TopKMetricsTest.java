package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopKMetricsTest {
    private static final double EPS = 1e-12;
    // hits at rank 2 (item 3) and rank 5 (item 7); rank 4 repeats item 3 and earns nothing
    private static final int[] RANKED = {5, 3, 9, 3, 7};
    private static final int[] TRUTH = {3, 7, 11};

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void atFive() {
        assertEquals(2 / 5.0, TopKMetrics.precision(RANKED, TRUTH, 5), EPS);
        assertEquals(2 / 3.0, TopKMetrics.recall(RANKED, TRUTH, 5), EPS);
        assertEquals(1.0, TopKMetrics.hitRate(RANKED, TRUTH, 5), EPS);
        assertEquals(0.5, TopKMetrics.mrr(RANKED, TRUTH, 5), EPS);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4);
        assertEquals((1 / log2(3) + 1 / log2(6)) / ideal, TopKMetrics.ndcg(RANKED, TRUTH, 5), EPS);
        assertEquals((1 / 2.0 + 2 / 5.0) / 3, TopKMetrics.averagePrecision(RANKED, TRUTH, 5), EPS);
    }

    @Test
    void atThreeAndOne() {
        assertEquals(1 / 3.0, TopKMetrics.precision(RANKED, TRUTH, 3), EPS);
        assertEquals(1 / 3.0, TopKMetrics.recall(RANKED, TRUTH, 3), EPS);
        assertEquals((1 / log2(3)) / (1 + 1 / log2(3) + 0.5), TopKMetrics.ndcg(RANKED, TRUTH, 3), EPS);
        assertEquals(0.5 / 3, TopKMetrics.averagePrecision(RANKED, TRUTH, 3), EPS);
        for (RankingMetric m : RankingMetric.values()) {
            assertEquals(0.0, TopKMetrics.of(m, RANKED, TRUTH, 1), EPS, m.name());
        }
        // with one relevant item and K = 2, the MAP denominator is min(K, |truth|) = 1
        assertEquals(0.5, TopKMetrics.averagePrecision(new int[] {4, 1}, new int[] {1}, 2), EPS);
    }

    @Test
    void listShorterThanK() {
        assertEquals(2 / 10.0, TopKMetrics.precision(RANKED, TRUTH, 10), EPS);
        assertEquals(2 / 3.0, TopKMetrics.recall(RANKED, TRUTH, 10), EPS);
        assertEquals(TopKMetrics.ndcg(RANKED, TRUTH, 5), TopKMetrics.ndcg(RANKED, TRUTH, 10), EPS);
        assertEquals(TopKMetrics.averagePrecision(RANKED, TRUTH, 5),
                TopKMetrics.averagePrecision(RANKED, TRUTH, 10), EPS);
        assertEquals(0.0, TopKMetrics.recall(new int[0], TRUTH, 10), EPS);
    }

    @Test
    void duplicatesEarnOnce() {
        int[] repeated = {3, 3, 3};
        assertEquals(1 / 3.0, TopKMetrics.precision(repeated, new int[] {3}, 3), EPS);
        assertEquals(1.0, TopKMetrics.ndcg(repeated, new int[] {3}, 3), EPS);
        assertEquals(1.0, TopKMetrics.averagePrecision(repeated, new int[] {3}, 3), EPS);
        // duplicates in the truth set count once
        assertEquals(TopKMetrics.recall(RANKED, TRUTH, 5), TopKMetrics.recall(RANKED, new int[] {3, 3, 7, 11}, 5));
    }

    @Test
    void perfectListScoresOne() {
        int[] ranked = {4, 8, 15};
        int[] truth = {15, 8, 4};
        for (RankingMetric m : RankingMetric.values()) {
            assertEquals(1.0, TopKMetrics.of(m, ranked, truth, 3), EPS, m.name());
        }
    }

    @Test
    void emptyTruthIsUndefined() {
        for (RankingMetric m : RankingMetric.values()) {
            assertTrue(Double.isNaN(TopKMetrics.of(m, RANKED, new int[0], 5)), m.name());
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> TopKMetrics.ndcg(RANKED, TRUTH, 0));
        assertThrows(IllegalArgumentException.class, () -> TopKMetrics.ndcg(RANKED, TRUTH, -3));
        assertThrows(IllegalArgumentException.class, () -> TopKMetrics.ndcg(null, TRUTH, 3));
        assertThrows(IllegalArgumentException.class, () -> TopKMetrics.ndcg(RANKED, null, 3));
        assertThrows(IllegalArgumentException.class, () -> TopKMetrics.of(null, RANKED, TRUTH, 3));
    }

    @Test
    void labels() {
        assertEquals("ndcg@10", RankingMetric.NDCG.label(10));
        assertEquals("hit@5", RankingMetric.HIT_RATE.label(5));
    }
}
