package ai.behavior.analysis;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilhouetteTest {
    @Test
    void fourPointsByHand() {
        // points on the line y = 1 at x = 0, 1 (cluster 0) and 4, 6 (cluster 1):
        // x=0: a = 1, b = (4 + 6) / 2 = 5,   s = 4 / 5     = 0.8
        // x=1: a = 1, b = (3 + 5) / 2 = 4,   s = 3 / 4     = 0.75
        // x=4: a = 2, b = (4 + 3) / 2 = 3.5, s = 1.5 / 3.5 = 0.428571...
        // x=6: a = 2, b = (6 + 5) / 2 = 5.5, s = 3.5 / 5.5 = 0.636363...
        double expected = (0.8 + 0.75 + 1.5 / 3.5 + 3.5 / 5.5) / 4; // 0.6537337...
        double[][] rows = {{0, 1}, {1, 1}, {4, 1}, {6, 1}};
        assertEquals(expected, Silhouette.exact(rows, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(expected, Silhouette.score(rows, new int[] {0, 0, 1, 1}), 1e-12);
        // label numbers do not matter
        assertEquals(expected, Silhouette.exact(rows, new int[] {7, 7, 2, 2}), 1e-12);
    }

    @Test
    void fivePointsWithASingletonByHand() {
        // x = 0, 1 (cluster 0), 4, 6 (cluster 1), 10 (cluster 2, alone: s = 0):
        // x=0: a = 1, b = min((4+6)/2, 10) = 5,   s = 0.8
        // x=1: a = 1, b = min((3+5)/2, 9)  = 4,   s = 0.75
        // x=4: a = 2, b = min((4+3)/2, 6)  = 3.5, s = 1.5 / 3.5
        // x=6: a = 2, b = min((6+5)/2, 4)  = 4,   s = 2 / 4 = 0.5  (the singleton is nearer)
        double expected = (0.8 + 0.75 + 1.5 / 3.5 + 0.5 + 0) / 5; // 0.4957142...
        double[][] rows = {{0}, {1}, {4}, {6}, {10}};
        assertEquals(expected, Silhouette.exact(rows, new int[] {0, 0, 1, 1, 2}), 1e-12);
    }

    @Test
    void blobsScoreHigh() {
        double s = Silhouette.exact(Blobs.rows(), Blobs.truth());
        assertTrue(s > 0.7 && s < 1, "silhouette " + s);
        // a wrong clustering (blob 0 split off blob 1's points) scores lower
        int[] wrong = Blobs.truth();
        wrong[5] = 0;
        wrong[6] = 0;
        assertTrue(Silhouette.exact(Blobs.rows(), wrong) < s);
    }

    @Test
    void sampledIsExactWhenTheSampleCoversEveryRowAndReproducibleOtherwise() {
        double[][] rows = Blobs.rows();
        int[] labels = Blobs.truth();
        assertEquals(Silhouette.exact(rows, labels), Silhouette.sampled(rows, labels, 15, 1), 0);
        double a = Silhouette.sampled(rows, labels, 9, 5);
        assertEquals(a, Silhouette.sampled(rows, labels, 9, 5), 0);
        assertTrue(a > 0.7, "sampled silhouette " + a);
    }

    @Test
    void scoreSamplesAboveTheExactBound() {
        // 6000 rows: 3000 near (0,0), 3000 near (20,0), jitter in [-1, 1)
        int n = Silhouette.EXACT_MAX_ROWS + 1000;
        SplittableRandom random = new SplittableRandom(3);
        double[][] rows = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            rows[i] = new double[] {20 * labels[i] + random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
        }
        double s = Silhouette.score(rows, labels);
        assertEquals(Silhouette.sampled(rows, labels, Silhouette.EXACT_MAX_ROWS, Silhouette.DEFAULT_SEED), s, 0);
        assertNotEquals(Silhouette.sampled(rows, labels, Silhouette.EXACT_MAX_ROWS, 99), s);
        assertTrue(s > 0.9, "silhouette " + s);
    }

    @Test
    void undefinedCasesAreErrors() {
        double[][] rows = {{0}, {1}, {2}};
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Silhouette.exact(rows, new int[] {0, 0, 0}));
        assertTrue(one.getMessage().contains("got 1"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Silhouette.exact(rows, new int[] {0, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.exact(rows, new int[] {0, 1}));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Silhouette.exact(rows, new int[] {0, -1, 1}));
        assertTrue(negative.getMessage().contains("row 1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Silhouette.sampled(rows, new int[] {0, 0, 1}, 1, 0));
    }
}
