package ai.behavior.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void countsSumToNAndStayWithinOneOfTheQuota() {
        Ratios[] all = {Ratios.of(0.8, 0.1, 0.1), Ratios.of(0.29, 0.29, 0.42), Ratios.trainTest(0.7, 0.3),
                Ratios.of(1.0 / 3, 1.0 / 3, 1.0 / 3), Ratios.of(1, 0, 0)};
        for (Ratios r : all) {
            double[] f = {r.train(), r.validation(), r.test()};
            for (int n = 0; n <= 500; n++) {
                int[] c = r.counts(n);
                assertEquals(n, c[0] + c[1] + c[2], r + " n=" + n);
                for (int i = 0; i < 3; i++) {
                    assertTrue(Math.abs(c[i] - n * f[i]) < 1, r + " n=" + n + " part " + i);
                    if (f[i] == 0) {
                        assertEquals(0, c[i]);
                    }
                }
            }
        }
    }

    @Test
    void largestRemainderWithTiesToTheEarlierPart() {
        Ratios r = Ratios.of(0.8, 0.1, 0.1);
        assertArrayEquals(new int[] {1, 0, 0}, r.counts(1));
        assertArrayEquals(new int[] {2, 0, 0}, r.counts(2));
        assertArrayEquals(new int[] {4, 1, 0}, r.counts(5));
        assertArrayEquals(new int[] {8, 1, 1}, r.counts(10));
        assertArrayEquals(new int[] {29, 29, 42}, Ratios.of(0.29, 0.29, 0.42).counts(100));
    }

    @Test
    void rejectsBadFractionsWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ratios.of(0.9, -0.1, 0.2)).getMessage()
                .contains(">= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ratios.of(0.8, 0.1, 0.2)).getMessage()
                .contains("sum to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ratios.of(0, 0.5, 0.5)).getMessage()
                .contains("train ratio must be > 0"));
        assertThrows(IllegalArgumentException.class, () -> Ratios.of(Double.NaN, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Ratios.of(0.8, 0.1, 0.1).counts(-1));
        Ratios.of(0.7, 0.2, 0.1); // 0.9999999999999999 is within the tolerance
    }

    @Test
    void labels() {
        assertEquals("80/10/10 train/validation/test", Ratios.of(0.8, 0.1, 0.1).label());
        assertEquals("75/25 train/test", Ratios.trainTest(0.75, 0.25).label());
        assertEquals("33.33/33.33/33.33 train/validation/test", Ratios.of(1.0 / 3, 1.0 / 3, 1.0 / 3).label());
    }
}
