package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NdcgTest {
    private static final double EPS = 1e-12;
    private static final double[] REL = {3, 2, 3, 0, 1, 2};
    private static final double[] SCORES = {0.9, 0.8, 0.1, 0.2, 0.7, 0.3};

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void linearGainsAndLogDiscount() {
        // ranked gains 3, 2, 1, 2, 0, 3; ideal 3, 3, 2, 2, 1, 0
        double dcg = 3 + 2 / log2(3) + 1 / log2(4) + 2 / log2(5) + 0 + 3 / log2(7);
        double ideal = 3 + 3 / log2(3) + 2 / log2(4) + 2 / log2(5) + 1 / log2(6);
        assertEquals(dcg, Ndcg.dcgOfQuery(REL, SCORES, 0, false), EPS);
        assertEquals(dcg / ideal, Ndcg.ndcgOfQuery(REL, SCORES, 0, false), EPS);
        assertEquals(dcg / ideal, Ndcg.ndcg(new double[][] {REL}, new double[][] {SCORES}), EPS);
        double dcg3 = 3 + 2 / log2(3) + 1 / log2(4);
        double ideal3 = 3 + 3 / log2(3) + 2 / log2(4);
        assertEquals(dcg3 / ideal3, Ndcg.ndcg(new double[][] {REL}, new double[][] {SCORES}, 3, false), EPS);
        assertEquals(dcg3, Ndcg.dcg(new double[][] {REL}, new double[][] {SCORES}, 3, false), EPS);
        // k beyond the row is all ranks
        assertEquals(dcg / ideal, Ndcg.ndcg(new double[][] {REL}, new double[][] {SCORES}, 20, false), EPS);
    }

    @Test
    void tiedScoresShareTheirBlockGain() {
        // every score tied: each of the first two ranks gets the mean gain 3/4
        double ndcg = Ndcg.ndcgOfQuery(new double[] {1, 0, 2, 0}, new double[] {.5, .5, .5, .5}, 2, false);
        assertEquals(0.75 * (1 + 1 / log2(3)) / (2 + 1 / log2(3)), ndcg, EPS);
        // a tied block cut by k: only its first position counts, with the block's mean gain 0.5
        double dcg = Ndcg.dcgOfQuery(new double[] {0, 1, 0, 1}, new double[] {0.9, 0.5, 0.5, 0.1}, 2, false);
        assertEquals(0.5 / log2(3), dcg, EPS);
        // averaged ties do not depend on the order of the tied items
        double a = Ndcg.ndcgOfQuery(new double[] {2, 0, 1}, new double[] {1, 1, 0}, 1, false);
        double b = Ndcg.ndcgOfQuery(new double[] {0, 2, 1}, new double[] {1, 1, 0}, 1, false);
        assertEquals(a, b, EPS);
    }

    @Test
    void ignoredTiesTakeHigherIndexFirst() {
        double[] scores = {0.5, 0.5, 0.1, 0.5, 0.7, 0.3};
        // order 4, 3, 1, 0, 5, 2 -> gains 1, 0, 2 in the top 3
        double dcg = Ndcg.dcgOfQuery(REL, scores, 3, true);
        assertEquals(1 + 0 + 2 / log2(4), dcg, EPS);
        // without ties, ignoring them changes nothing
        assertEquals(Ndcg.ndcgOfQuery(REL, SCORES, 4, false), Ndcg.ndcgOfQuery(REL, SCORES, 4, true), EPS);
    }

    @Test
    void allZeroQueryScoresZeroAndCounts() {
        double[][] rel = {{0, 0, 0}, {1, 0, 0}};
        double[][] scores = {{0.3, 0.2, 0.1}, {0.3, 0.2, 0.1}};
        assertEquals(0.5, Ndcg.ndcg(rel, scores), EPS);
    }

    @Test
    void singleItemQueryIsDefined() {
        assertEquals(1.0, Ndcg.ndcg(new double[][] {{1}}, new double[][] {{0.5}}), EPS);
        assertEquals(0.0, Ndcg.ndcg(new double[][] {{0}}, new double[][] {{0.5}}), EPS);
        assertEquals(2.5, Ndcg.dcg(new double[][] {{2.5}}, new double[][] {{0.5}}), EPS);
    }

    @Test
    void raggedQueriesAreAllowed() {
        double[][] rel = {{1}, {0, 1}};
        double[][] scores = {{0.5}, {0.9, 0.1}};
        assertEquals((1.0 + 1 / log2(3)) / 2, Ndcg.ndcg(rel, scores), EPS);
    }

    @Test
    void perfectRankingScoresOne() {
        Random random = new Random(2);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(30);
            double[] rel = new double[n];
            for (int i = 0; i < n; i++) {
                rel[i] = random.nextInt(4);
            }
            rel[0] = 1;
            double ndcg = Ndcg.ndcgOfQuery(rel, rel.clone(), 1 + random.nextInt(n), false);
            assertEquals(1.0, ndcg, 1e-12);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{-1, 2}}, new double[][] {{0.1, 0.2}}));
        assertEquals(-1 + 2 / log2(3), Ndcg.dcg(new double[][] {{-1, 2}}, new double[][] {{0.2, 0.1}}), EPS);
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{1, 2}}, new double[][] {{0.1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{Double.NaN, 2}}, new double[][] {{0.1, 0.2}}));
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{1, 2}}, new double[][] {{0.1}}));
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{1, 2}}, new double[][] {{0.1, 0.2}, {0.1, 0.2}}));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Ndcg.ndcg(new double[][] {{}}, new double[][] {{}}));
        assertThrows(IllegalArgumentException.class,
                () -> Ndcg.ndcg(new double[][] {{1}}, new double[][] {{1}}, -1, false));
    }
}
