package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class F1ThresholdTest {
    @Test
    void handComputed() {
        // thresholds 0.9: tp1 fp0 fn2 -> 0.5; 0.8: tp1 fp1 -> 0.4; 0.4: tp2 fp1 fn1 -> 2/3; 0.1: tp3 fp2 -> 0.75
        F1Threshold best = F1Threshold.search(new int[] {1, 0, 1, 0, 1}, new double[] {0.9, 0.8, 0.4, 0.1, 0.1});
        assertEquals(0.1, best.threshold());
        assertEquals(0.75, best.f1(), 1e-15);
        assertEquals(new BinaryConfusion(3, 2, 0, 0), best.confusion());
    }

    @Test
    void tiesInF1PreferTheHigherThreshold() {
        // threshold 0.9: tp1 fp0 fn1 -> 2/3; threshold 0.5: tp2 fp2 fn0 -> 2/3
        F1Threshold best = F1Threshold.search(new int[] {1, 0, 1, 0}, new double[] {0.9, 0.5, 0.5, 0.5});
        assertEquals(0.9, best.threshold());
        assertEquals(2 / 3.0, best.f1(), 1e-15);
    }

    @Test
    void matchesExhaustiveSearchOnRandomInputs() {
        Random random = new Random(5);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(25);
            int[] truth = new int[n];
            double[] scores = new double[n];
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                truth[i] = random.nextInt(2);
                scores[i] = random.nextInt(8) / 8.0;
                weights[i] = 0.5 + random.nextInt(3);
            }
            truth[0] = 1;
            double bestF1 = -1;
            double bestThreshold = Double.NaN;
            for (double t : scores) {
                double f1 = BinaryConfusion.atThreshold(truth, scores, weights, t).f1(ZeroDivision.ZERO);
                if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && t > bestThreshold)) {
                    bestF1 = f1;
                    bestThreshold = t;
                }
            }
            F1Threshold found = F1Threshold.search(truth, scores, weights);
            assertEquals(bestF1, found.f1(), 1e-12, "trial " + trial);
            assertEquals(bestThreshold, found.threshold(), "trial " + trial);
            assertEquals(found.f1(), BinaryConfusion.atThreshold(truth, scores, weights, found.threshold())
                    .f1(ZeroDivision.ZERO), 1e-12);
        }
    }

    @Test
    void needsAPositive() {
        assertThrows(IllegalArgumentException.class,
                () -> F1Threshold.search(new int[] {0, 0}, new double[] {0.2, 0.3}));
        assertEquals(1.0, F1Threshold.search(new boolean[] {true, false}, new double[] {0.7, 0.3}).f1(), 1e-15);
    }
}
