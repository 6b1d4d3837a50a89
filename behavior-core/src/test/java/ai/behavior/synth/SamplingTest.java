package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void aliasTableDrawsInProportionToWeights() {
        double[] w = {9, 1, 2, 3, 4, 0.5, 9}; // positions 1..5 form the table; 0 and 6 lie outside it
        double[] keep = new double[w.length];
        int[] other = new int[w.length];
        Sampling.alias(w, 1, 6, keep, other);
        int[] counts = new int[w.length];
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            double x = rng.nextDouble() * 5;
            int j = (int) x;
            int p = 1 + j;
            counts[x - j < keep[p] ? p : other[p]]++;
        }
        assertEquals(0, counts[0] + counts[6]);
        for (int p = 1; p < 6; p++) {
            double expected = w[p] / 10.5;
            double sd = Math.sqrt(expected * (1 - expected) / n);
            assertEquals(expected, (double) counts[p] / n, 5 * sd, "position " + p);
        }
    }

    @Test
    void cumulativeSearchFindsTheBucket() {
        double[] cum = {1, 3, 3, 6};
        assertEquals(0, Sampling.cumulative(cum, 0, 4, 0.0));
        assertEquals(0, Sampling.cumulative(cum, 0, 4, 0.99));
        assertEquals(1, Sampling.cumulative(cum, 0, 4, 1.0));
        assertEquals(3, Sampling.cumulative(cum, 0, 4, 3.0)); // the empty bucket 2 is skipped
        assertEquals(3, Sampling.cumulative(cum, 0, 4, 5.99));
    }

    @Test
    void geometricHasTheRequestedMeanAndCap() {
        SplittableRandom rng = new SplittableRandom(5);
        double sum = 0;
        int max = 0;
        for (int k = 0; k < 100_000; k++) {
            int g = Sampling.geometric(rng, 0.25, 20);
            sum += g;
            max = Math.max(max, g);
        }
        assertTrue(max <= 20);
        assertEquals(3.0, sum / 100_000, 0.1); // (1 - q) / q, barely affected by the cap
    }
}
