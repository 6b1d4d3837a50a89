package ai.behavior.recsys.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link NegativeSampler}: distinct, eligible, capped, reproducible, and distributed as documented. */
class NegativeSamplerTest {
    private static void checkValid(int[] s, int[] excluded, int numItems, double[] weights) {
        int[] sorted = s.clone();
        Arrays.sort(sorted);
        for (int t = 0; t < sorted.length; t++) {
            assertTrue(sorted[t] >= 0 && sorted[t] < numItems);
            assertTrue(t == 0 || sorted[t] != sorted[t - 1], "distinct");
            assertTrue(Arrays.binarySearch(excluded, sorted[t]) < 0, "never an interacted item");
            assertTrue(weights == null || weights[sorted[t]] > 0, "never a weight-0 item");
        }
    }

    @Test
    void uniformDrawsAreDistinctEligibleAndReproducible() {
        NegativeSampler s = NegativeSampler.uniform(1000);
        int[] excluded = {3, 10, 500, 999};
        BitSet scratch = new BitSet();
        for (int m : new int[] {1, 50, 400, 600, 996}) { // sparse (rejection) and dense (exact) paths
            int[] a = s.sample(m, excluded, new SplittableRandom(m), scratch);
            assertEquals(m, a.length);
            checkValid(a, excluded, 1000, null);
            assertTrue(scratch.isEmpty(), "scratch left clear");
            assertArrayEquals(a, s.sample(m, excluded, new SplittableRandom(m), scratch));
        }
        assertEquals(996, s.sample(5000, excluded, new SplittableRandom(1), scratch).length, "capped at the eligible");
        assertEquals(0, NegativeSampler.uniform(2).sample(3, new int[] {0, 1}, new SplittableRandom(1), scratch).length,
                "nothing is eligible");
    }

    @Test
    void uniformDrawsAreUniform() {
        NegativeSampler s = NegativeSampler.uniform(10);
        int[] excluded = {0};
        int[] counts = new int[10];
        SplittableRandom r = new SplittableRandom(7);
        int trials = 45_000;
        for (int t = 0; t < trials; t++) {
            for (int i : s.sample(2, excluded, r, new BitSet())) {
                counts[i]++;
            }
        }
        assertEquals(0, counts[0]);
        for (int i = 1; i < 10; i++) {
            assertEquals(2.0 * trials / 9, counts[i], 0.05 * 2 * trials / 9, "item " + i);
        }
    }

    @Test
    void popularityDrawsFollowTheWeights() {
        double[] w = {0, 1, 0, 3, 6};
        NegativeSampler s = NegativeSampler.weighted(w);
        int[] counts = new int[5];
        SplittableRandom r = new SplittableRandom(3);
        int trials = 40_000;
        for (int t = 0; t < trials; t++) {
            int[] one = s.sample(1, new int[0], r, new BitSet());
            counts[one[0]]++;
        }
        assertEquals(0, counts[0] + counts[2], "weight 0 is never drawn");
        assertEquals(0.1 * trials, counts[1], 0.01 * trials);
        assertEquals(0.3 * trials, counts[3], 0.015 * trials);
        assertEquals(0.6 * trials, counts[4], 0.015 * trials);
        int[] all = s.sample(10, new int[] {3}, r, new BitSet());
        Arrays.sort(all);
        assertArrayEquals(new int[] {1, 4}, all, "capped at the positive-weight eligible items");
    }

    @Test
    void theExactFallbackDrawsFromTheSameDistribution() {
        // the excluded item holds almost all the weight, so rejection gives up and the exact method finishes
        double[] w = {1e9, 1, 3};
        NegativeSampler s = NegativeSampler.weighted(w);
        int[] counts = new int[3];
        SplittableRandom r = new SplittableRandom(9);
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            counts[s.sample(1, new int[] {0}, r, new BitSet())[0]]++;
        }
        assertEquals(0.25 * trials, counts[1], 0.02 * trials);
        assertEquals(0.75 * trials, counts[2], 0.02 * trials);
    }

    @Test
    void successiveWeightedSamplingWithoutReplacement() {
        // two draws from weights 1, 1, 2: P(item 2 among them) = 1/2 + 2 * 1/4 * 2/3 = 5/6
        NegativeSampler s = NegativeSampler.weighted(new double[] {1, 1, 2});
        SplittableRandom r = new SplittableRandom(4);
        int trials = 30_000;
        int with2 = 0;
        for (int t = 0; t < trials; t++) {
            int[] two = s.sample(2, new int[0], r, new BitSet());
            checkValid(two, new int[0], 3, null);
            if (two[0] == 2 || two[1] == 2) {
                with2++;
            }
        }
        assertEquals(5.0 / 6, with2 / (double) trials, 0.01);
    }
}
