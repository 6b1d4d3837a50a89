package ai.behavior.recsys.als;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatentFactorsTest {
    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void scoreEqualsScoreAllBitForBitWithAndWithoutBias() {
        for (int d : new int[] {1, 4, 6, 10}) {
            for (boolean withBias : new boolean[] {false, true}) {
                float[] bias = withBias ? random(23, 3) : null;
                LatentFactors f = LatentFactors.of(5, 23, d, random(5 * d, 1), random(23 * d, 2), bias);
                float[] all = new float[23];
                for (int u = 0; u < 5; u++) {
                    f.scoreAll(u, all);
                    for (int i = 0; i < 23; i++) {
                        assertEquals(Float.floatToIntBits(all[i]), Float.floatToIntBits(f.score(u, i)));
                        double want = withBias ? bias[i] : 0;
                        for (int k = 0; k < d; k++) {
                            want += (double) f.userVector(u)[k] * f.itemVector(i)[k];
                        }
                        assertEquals(want, all[i], 1e-4);
                    }
                    float[] byVector = new float[23];
                    f.scoreAll(f.userVector(u), byVector);
                    assertArrayEquals(all, byVector);
                    assertEquals(all[7], f.score(f.userVector(u), 7));
                }
            }
        }
    }

    @Test
    void cosineSkipsTheItemAndZeroItems() {
        float[] items = {1, 0, 2, 0, 0, 0, -1, 0};
        LatentFactors f = LatentFactors.of(1, 4, 2, new float[2], items, null);
        float[] cos = new float[4];
        f.cosineAll(0, cos);
        assertTrue(Float.isNaN(cos[0]));
        assertEquals(1f, cos[1], 1e-6);
        assertTrue(Float.isNaN(cos[2]));
        assertEquals(-1f, cos[3], 1e-6);
        f.cosineAll(2, cos);
        for (float c : cos) {
            assertTrue(Float.isNaN(c));
        }
    }

    @Test
    void inputIsValidatedAndCopied() {
        assertThrows(IllegalArgumentException.class, () -> LatentFactors.of(2, 2, 2, new float[3], new float[4], null));
        assertThrows(IllegalArgumentException.class,
                () -> LatentFactors.of(1, 1, 1, new float[] {Float.NaN}, new float[1], null));
        assertThrows(IllegalArgumentException.class, () -> LatentFactors.of(1, 1, 0, new float[0], new float[0], null));
        float[] users = {1, 2};
        LatentFactors f = LatentFactors.of(1, 1, 2, users, new float[] {3, 4}, null);
        users[0] = 100;
        assertEquals(11f, f.score(0, 0));
        assertThrows(IllegalArgumentException.class, () -> f.scoreAll(0, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> f.scoreAll(new float[3], new float[1]));
    }
}
