package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedPairs() {
        // positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs won
        assertEquals(0.75, RocAuc.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}), EPS);
        assertEquals(1.0, RocAuc.of(new int[] {0, 1}, new double[] {0.1, 0.2}), EPS);
        assertEquals(0.0, RocAuc.of(new int[] {0, 1}, new double[] {0.2, 0.1}), EPS);
    }

    @Test
    void tiedPairsCountHalf() {
        assertEquals(0.5, RocAuc.of(new int[] {1, 0}, new double[] {0.5, 0.5}), EPS);
        // pos {0.5, 0.9}, neg {0.5, 0.2}: 0.5 vs 0.5 tie (0.5), 0.5 vs 0.2 win, 0.9 wins both -> 3.5 / 4
        assertEquals(0.875, RocAuc.of(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.9, 0.2}), EPS);
    }

    @Test
    void negativeZeroEqualsZero() {
        assertEquals(0.5, RocAuc.of(new int[] {1, 0}, new double[] {-0.0, 0.0}), EPS);
        assertEquals(0.5, RocAuc.of(new int[] {1, 0}, new double[] {0.0, -0.0}), EPS);
        assertEquals(0.5, RocAuc.of(new int[] {1, 0}, new double[] {-0.0, 0.0}, new double[] {1, 2}), EPS);
    }

    @Test
    void infiniteScoresAreOrdered() {
        assertEquals(1.0, RocAuc.of(new int[] {1, 0, 0}, new double[] {Double.POSITIVE_INFINITY, 3, -1}), EPS);
        assertEquals(0.5, RocAuc.of(new int[] {1, 0},
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}), EPS);
    }

    @Test
    void booleanTruthMatchesInts() {
        double[] s = {0.3, 0.1, 0.7, 0.7};
        assertEquals(RocAuc.of(new int[] {1, 0, 0, 1}, s), RocAuc.of(new boolean[] {true, false, false, true}, s));
    }

    @Test
    void weightsCountPairsByProduct() {
        // pos 0.2 (w1) beats neg 0.1 (w2): 2; pos 0.05 (w3) loses: 0; total pair weight 4 * 2 = 8
        double auc = RocAuc.of(new int[] {0, 1, 1}, new double[] {0.1, 0.2, 0.05}, new double[] {2, 1, 3});
        assertEquals(0.25, auc, EPS);
        // integer weights == repeating rows
        double repeated = RocAuc.of(new int[] {0, 0, 1, 1, 1, 1}, new double[] {0.1, 0.1, 0.2, 0.05, 0.05, 0.05});
        assertEquals(repeated, auc, EPS);
    }

    @Test
    void nullWeightsMeanUnweighted() {
        assertEquals(0.75, RocAuc.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}, null), EPS);
    }

    @Test
    void oneClassIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {1, 1, 1}, new double[] {0.2, 0.5, 0.9}));
        assertTrue(e.getMessage().contains("one class"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new int[] {0, 0}, new double[] {0.2, 0.5}));
        // zero total weight on the positives is one class too
        assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1}, new double[] {0.2, 0.5}, new double[] {1, 0}));
    }

    @Test
    void invalidInputIsAnError() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1, 1}, new double[] {0.2, Double.NaN, 0.1}));
        assertTrue(nan.getMessage().contains("scores[1]"), nan.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 2}, new double[] {0.2, 0.1}));
        assertTrue(label.getMessage().contains("truth[1] = 2"), label.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1}, new double[] {0.2}));
        assertTrue(length.getMessage().contains("length mismatch"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of((int[]) null, new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1}, new double[] {0.2, 0.1}, new double[] {1}));
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new int[] {0, 1}, new double[] {0.2, 0.1}, new double[] {1, -1}));
        assertTrue(weight.getMessage().contains("weights[1]"), weight.getMessage());
    }

    @Test
    void partialAucHandComputed() {
        int[] truth = {0, 0, 1, 1};
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        // ROC (0,0) (0,.5) (.5,.5) (.5,1) (1,1): area to fpr .5 is .25; McClish 0.5 * (1 + (.25 - .125) / .375)
        assertEquals(2.0 / 3.0, RocAuc.partial(truth, scores, 0.5), EPS);
        // interpolated: ROC (0,0) (0,1/3) (2/3,1/3) ...: area to .3 is .1; 0.5 * (1 + (.1 - .045) / .255)
        assertEquals(0.6078431372549019, RocAuc.partial(new int[] {0, 0, 1, 1, 0, 1},
                new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.1}, 0.3), EPS);
        assertEquals(RocAuc.of(truth, scores), RocAuc.partial(truth, scores, 1.0), EPS);
        assertEquals(1.0, RocAuc.partial(new int[] {0, 1, 0, 1}, new double[] {1, 2, 1, 3}, 0.2), EPS);
    }

    @Test
    void partialAucRejectsBadMaxFpr() {
        int[] truth = {0, 1};
        double[] scores = {0.1, 0.2};
        assertThrows(IllegalArgumentException.class, () -> RocAuc.partial(truth, scores, 0.0));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.partial(truth, scores, 1.5));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.partial(truth, scores, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.partial(new int[] {1, 1}, scores, 0.5));
    }

    @Test
    void randomSmallInputsMatchBruteForcePairCount() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + random.nextInt(40);
            int[] truth = new int[n];
            double[] scores = new double[n];
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(2);
                scores[i] = randomTiedScore(random);
                weights[i] = random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 3;
            }
            truth[0] = 0;
            truth[1] = 1;
            weights[0] = 1.0;
            weights[1] = 1.0;
            assertEquals(bruteForce(truth, scores, null), RocAuc.of(truth, scores), 1e-12, "trial " + trial);
            assertEquals(bruteForce(truth, scores, weights), RocAuc.of(truth, scores, weights), 1e-12,
                    "weighted trial " + trial);
            assertEquals(RocAuc.of(truth, scores, weights), RocCurve.of(truth, scores, weights).area(), 1e-12);
        }
    }

    @Test
    void radixPathsAgreeWithBruteForceAndEachOther() {
        Random random = new Random(11);
        int n = 6000; // above the radix threshold of the unweighted path
        int[] truth = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(3) == 0 ? 1 : 0;
            scores[i] = random.nextInt(10) == 0 ? randomTiedScore(random) : random.nextGaussian() * 1e3;
        }
        assertEquals(bruteForce(truth, scores, null), RocAuc.of(truth, scores), 1e-12);

        int big = 200_000; // above the 16-bit radix threshold of the weighted path
        int[] t = new int[big];
        double[] s = new double[big];
        double[] ones = new double[big];
        for (int i = 0; i < big; i++) {
            t[i] = random.nextInt(2);
            s[i] = Math.round(random.nextGaussian() * 100) / 10.0 + t[i] * 0.3;
            ones[i] = 1.0;
        }
        assertEquals(RocAuc.of(t, s), RocAuc.of(t, s, ones), 1e-12);
    }

    static double randomTiedScore(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return -0.0;
            case 1:
                return 0.0;
            case 2:
                return -random.nextInt(3) / 2.0;
            default:
                return random.nextInt(5) / 4.0;
        }
    }

    static double bruteForce(int[] truth, double[] scores, double[] weights) {
        double won = 0;
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 1) {
                continue;
            }
            for (int j = 0; j < truth.length; j++) {
                if (truth[j] != 0) {
                    continue;
                }
                double w = weights == null ? 1.0 : weights[i] * weights[j];
                total += w;
                if (scores[i] > scores[j]) {
                    won += w;
                } else if (scores[i] == scores[j]) {
                    won += 0.5 * w;
                }
            }
        }
        return won / total;
    }
}
