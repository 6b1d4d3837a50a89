package ai.behavior.models.sequence;

import ai.behavior.metric.RankingMetric;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedBootstrapTest {
    @Test
    void differenceOfMeansIsHandComputedAndTheIntervalHoldsIt() {
        // per user, rank of the held-out item in the top K (-1 = miss)
        int[] a = {0, -1, 1, -1};
        int[] b = {-1, -1, 0, -1};
        // hits: A 1,0,1,0 and B 0,0,1,0 -> differences 1,0,0,0 -> mean 0.25
        PairedBootstrap.Interval hit = PairedBootstrap.of(a, b, RankingMetric.HIT_RATE, 1000, 7);
        assertEquals(0.25, hit.difference(), 1e-12);
        // NDCG: A 1, 0, 1/log2(3) = 0.63093, 0; B 0, 0, 1, 0 -> differences 1, 0, -0.36907, 0 -> mean 0.15773
        PairedBootstrap.Interval ndcg = PairedBootstrap.of(a, b, RankingMetric.NDCG, 1000, 7);
        assertEquals((1 + 1 / (Math.log(3) / Math.log(2)) - 1) / 4, ndcg.difference(), 1e-12);
        assertEquals(0.157732, ndcg.difference(), 1e-6);
        for (PairedBootstrap.Interval i : new PairedBootstrap.Interval[] {hit, ndcg}) {
            assertTrue(i.low() <= i.difference() && i.difference() <= i.high(), i.toString());
            // with 4 users a resample can hold no hit of A at all: the interval reaches 0 or below
            assertFalse(i.excludesZero(), i.toString());
        }
        assertEquals("+0.2500 [", hit.toString().substring(0, 9));
    }

    @Test
    void aModelThatAlwaysHitsAgainstOneThatNeverDoesHasADegenerateInterval() {
        int[] always = {0, 0, 0, 0, 0};
        int[] never = {-1, -1, -1, -1, -1};
        PairedBootstrap.Interval i = PairedBootstrap.of(always, never, RankingMetric.NDCG, 200, 1);
        assertEquals(1.0, i.low(), 0);
        assertEquals(1.0, i.high(), 0);
        assertTrue(i.excludesZero());
        // identical models: every draw is 0
        PairedBootstrap.Interval same = PairedBootstrap.of(always, always, RankingMetric.HIT_RATE, 200, 1);
        assertEquals(0.0, same.low(), 0);
        assertEquals(0.0, same.high(), 0);
    }

    @Test
    void perUserValuesAveragedOverSeedsGiveTheDifferenceOfTheSeedMeans() {
        // model A with two seeds: hits 1,0,1,0 and 1,1,0,0 -> per user 1, 0.5, 0.5, 0; model B 0, 0, 1, 0
        double[] a = {1, 0.5, 0.5, 0};
        double[] b = {0, 0, 1, 0};
        // differences 1, 0.5, -0.5, 0 -> mean 0.25 = (0.5 + 0.5) / 2 - 0.25
        PairedBootstrap.Interval i = PairedBootstrap.of(a, b, 1000, 7);
        assertEquals(0.25, i.difference(), 1e-12);
        assertTrue(i.low() <= 0.25 && 0.25 <= i.high(), i.toString());
        // the rank form is the value form of the per-user values
        int[] ra = {0, -1, 1, -1};
        int[] rb = {-1, -1, 0, -1};
        double[] va = {1, 0, 1 / (Math.log(3) / Math.log(2)), 0};
        double[] vb = {0, 0, 1, 0};
        assertEquals(PairedBootstrap.of(ra, rb, RankingMetric.NDCG, 500, 3),
                PairedBootstrap.of(va, vb, 500, 3));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new double[0], new double[0], 200, 1));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new double[2], new double[1], 200, 1));
    }

    @Test
    void refusesMismatchedUsersFewDrawsAndOtherMetrics() {
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new int[2], new int[3],
                RankingMetric.NDCG, 200, 1));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.of(new int[2], new int[2],
                RankingMetric.NDCG, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.value(RankingMetric.MRR, 0));
    }
}
