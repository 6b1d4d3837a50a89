package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingAccumulatorTest {
    private static final double EPS = 1e-12;

    @Test
    void meansMatchPerUserMetricsAndSkipEmptyTruth() {
        Random random = new Random(4);
        int catalogue = 50;
        int[] ks = {20, 1, 5, 10, 5, 80};
        RankingAccumulator acc = new RankingAccumulator(catalogue, ks);
        List<int[][]> users = new ArrayList<>();
        int skipped = 0;
        for (int u = 0; u < 200; u++) {
            int[] ranked = random.ints(random.nextInt(30), 0, catalogue).toArray();
            int[] truth = random.ints(random.nextInt(6), 0, catalogue).toArray();
            boolean evaluated = acc.add(ranked, truth);
            assertEquals(truth.length > 0, evaluated);
            if (truth.length == 0) {
                skipped++;
            } else {
                users.add(new int[][] {ranked, truth});
            }
        }
        RankingResult r = acc.result();
        assertArrayEquals(new int[] {1, 5, 10, 20, 80}, r.ks());
        assertEquals(users.size(), r.usersEvaluated());
        assertEquals(skipped, r.usersSkipped());
        assertTrue(skipped > 0);
        for (int k : r.ks()) {
            for (RankingMetric m : RankingMetric.values()) {
                double sum = 0;
                for (int[][] user : users) {
                    sum += TopKMetrics.of(m, user[0], user[1], k);
                }
                assertEquals(sum / users.size(), r.mean(m, k), EPS, m.label(k));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> r.mean(RankingMetric.NDCG, 7));
    }

    @Test
    void coverageCountsDistinctItemsWithinK() {
        RankingAccumulator acc = new RankingAccumulator(10, 1, 2, 20);
        acc.add(new int[] {0, 1, 2}, new int[] {1});
        acc.add(new int[] {0, 3}, new int[0]); // skipped for the means, still recommended
        acc.add(new int[] {4, 0, 0}, new int[] {9});
        RankingResult r = acc.result();
        assertEquals(2 / 10.0, r.coverage(1), EPS); // items 0, 4
        assertEquals(4 / 10.0, r.coverage(2), EPS); // 0, 1, 3, 4
        assertEquals(5 / 10.0, r.coverage(20), EPS); // 0, 1, 2, 3, 4
        assertEquals(2, r.usersEvaluated());
        assertEquals(1, r.usersSkipped());
        Map<String, Double> values = r.values();
        assertEquals(r.mean(RankingMetric.RECALL, 2), values.get("recall@2"));
        assertEquals(r.coverage(20), values.get("coverage@20"));
        assertEquals(6 * 3 + 3, values.size());
        assertEquals(2L, r.counts().get("users evaluated"));
        assertEquals(1L, r.counts().get("users skipped"));
    }

    @Test
    void mergeEqualsOneAccumulator() {
        Random random = new Random(8);
        RankingAccumulator all = new RankingAccumulator(30, 3, 10);
        RankingAccumulator a = new RankingAccumulator(30, 3, 10);
        RankingAccumulator b = new RankingAccumulator(30, 10, 3);
        for (int u = 0; u < 100; u++) {
            int[] ranked = random.ints(12, 0, 30).toArray();
            int[] truth = random.ints(random.nextInt(4), 0, 30).toArray();
            all.add(ranked, truth);
            (u % 2 == 0 ? a : b).add(ranked, truth);
        }
        RankingResult merged = a.merge(b).result();
        RankingResult expected = all.result();
        assertEquals(expected.usersEvaluated(), merged.usersEvaluated());
        assertEquals(expected.usersSkipped(), merged.usersSkipped());
        expected.values().forEach((k, v) -> assertEquals(v, merged.values().get(k), EPS, k));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new RankingAccumulator(31, 3, 10)));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new RankingAccumulator(30, 3)));
    }

    @Test
    void emptyAccumulatorHasNaNMeans() {
        RankingAccumulator acc = new RankingAccumulator(5, 3);
        assertFalse(acc.add(new int[] {1, 2}, new int[0]));
        RankingResult r = acc.result();
        assertTrue(Double.isNaN(r.mean(RankingMetric.NDCG, 3)));
        assertEquals(0.4, r.coverage(3), EPS);
        assertEquals(0, acc.usersEvaluated());
        assertEquals(1, acc.usersSkipped());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RankingAccumulator(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new RankingAccumulator(10));
        assertThrows(IllegalArgumentException.class, () -> new RankingAccumulator(10, 5, 0));
        RankingAccumulator acc = new RankingAccumulator(10, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> acc.add(new int[] {1, 10}, new int[] {1}));
        assertTrue(e.getMessage().contains("ranked[1] = 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add(new int[] {-1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> acc.add(null, new int[] {1}));
        // beyond the top K an item id is never looked at
        acc.add(new int[] {1, 2, 99}, new int[] {2});
        assertEquals(1, acc.usersEvaluated());
    }
}
