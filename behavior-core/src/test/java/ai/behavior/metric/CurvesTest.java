package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CurvesTest {
    private static final double EPS = 1e-12;

    @Test
    void rocCurvePointsPerDistinctThreshold() {
        RocCurve roc = RocCurve.of(new int[] {0, 0, 1, 1, 0, 1}, new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.1});
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1}, roc.thresholds());
        assertArrayEquals(new double[] {0, 0, 2 / 3.0, 2 / 3.0, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.tpr(), EPS);
        assertEquals(5, roc.size());
        assertEquals(0.4, roc.threshold(2));
        assertEquals(RocAuc.of(new int[] {0, 0, 1, 1, 0, 1}, new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.1}),
                roc.area(), EPS);
    }

    @Test
    void rocCurveCopiesAreDefensive() {
        RocCurve roc = RocCurve.of(new int[] {0, 1}, new double[] {0.1, 0.2});
        roc.fpr()[0] = 42;
        assertEquals(0.0, roc.fpr(0));
    }

    @Test
    void rocCurveNeedsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new int[] {1, 1}, new double[] {1, 2}));
    }

    @Test
    void precisionRecallCurveHandComputed() {
        // desc: 0.8 pos, 0.4 neg, 0.35 pos, 0.1 neg
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertArrayEquals(new double[] {0.8, 0.4, 0.35, 0.1}, pr.thresholds());
        assertArrayEquals(new double[] {1.0, 0.5, 2 / 3.0, 0.5}, pr.precision(), EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 1.0, 1.0}, pr.recall(), EPS);
        assertEquals(0.5 * 1.0 + 0.5 * 2 / 3.0, pr.averagePrecision(), EPS);
    }

    @Test
    void averagePrecisionGroupsTies() {
        // one tied block holding everything: precision 2/4 at recall 1
        assertEquals(0.5, AveragePrecision.of(new int[] {1, 0, 1, 0}, new double[] {1, 1, 1, 1}), EPS);
        // tie order cannot matter
        assertEquals(AveragePrecision.of(new int[] {1, 0, 0, 1}, new double[] {2, 2, 1, 1}),
                AveragePrecision.of(new int[] {0, 1, 1, 0}, new double[] {2, 2, 1, 1}), EPS);
    }

    @Test
    void averagePrecisionWeighted() {
        // 0.9 neg(.5): P 0 R 0; 0.5 {neg 1, pos 2}: P 2/3.5 R 1/3; 0.2 {pos 1, pos 3}: P 6/7.5 R 1
        double ap = AveragePrecision.of(new int[] {0, 1, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9, 0.2},
                new double[] {1, 2, 1, 0.5, 3});
        assertEquals(1 / 3.0 * (2 / 3.5) + 2 / 3.0 * 0.8, ap, EPS);
        assertEquals(0.7238095238095239, ap, EPS); // scikit-learn 1.2.1
    }

    @Test
    void averagePrecisionEdgeCases() {
        assertEquals(1.0, AveragePrecision.of(new int[] {1, 1}, new double[] {0.3, 0.1}), EPS);
        assertEquals(1.0, AveragePrecision.of(new boolean[] {true, false}, new double[] {0.3, 0.1}), EPS);
        assertThrows(IllegalArgumentException.class,
                () -> AveragePrecision.of(new int[] {0, 0}, new double[] {0.3, 0.1}));
        assertThrows(IllegalArgumentException.class,
                () -> AveragePrecision.of(new int[] {0, 1}, new double[] {Double.NaN, 0.1}));
        assertThrows(IllegalArgumentException.class,
                () -> AveragePrecision.of(new int[] {0, 1}, new double[] {0.1}));
    }

    @Test
    void averagePrecisionMatchesDefinitionOnRandomInputs() {
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(30);
            int[] truth = new int[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(2);
                scores[i] = random.nextInt(6);
            }
            truth[0] = 1;
            assertEquals(bruteAveragePrecision(truth, scores), AveragePrecision.of(truth, scores), 1e-12);
        }
    }

    /** For each positive: precision among items scoring >= its score, averaged (distinct-threshold steps). */
    private static double bruteAveragePrecision(int[] truth, double[] scores) {
        double sum = 0;
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 1) {
                continue;
            }
            positives++;
            int tp = 0;
            int predicted = 0;
            for (int j = 0; j < truth.length; j++) {
                if (scores[j] >= scores[i]) {
                    predicted++;
                    tp += truth[j];
                }
            }
            sum += tp / (double) predicted;
        }
        return sum / positives;
    }
}
