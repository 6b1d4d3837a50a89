package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinaryConfusionTest {
    private static final int[] TRUTH = {1, 0, 1, 1, 0, 1, 0, 0, 1, 1};
    private static final double[] SCORES = {0.9, 0.1, 0.5, 0.7, 0.5, 0.51, 0.49, 0.6, 0.95, 0.2};

    @Test
    void thresholdIsInclusive() {
        BinaryConfusion c = BinaryConfusion.atThreshold(TRUTH, SCORES, 0.5);
        assertEquals(new BinaryConfusion(5, 2, 2, 1), c);
        assertEquals(10, c.total());
        assertEquals(0.7, c.accuracy(), 1e-15);
        assertEquals(5 / 7.0, c.precision(ZeroDivision.ZERO), 1e-15);
        assertEquals(5 / 6.0, c.recall(ZeroDivision.ZERO), 1e-15);
        assertEquals(10 / 13.0, c.f1(ZeroDivision.ZERO), 1e-15);
        assertEquals(0.5, c.falsePositiveRate(ZeroDivision.ZERO), 1e-15);
        assertEquals(6, c.positives());
        assertEquals(4, c.negatives());
        // strictly above 0.5 differs: the two scores equal to 0.5 become negative
        BinaryConfusion strict = BinaryConfusion.atThreshold(TRUTH, SCORES, Math.nextUp(0.5));
        assertEquals(new BinaryConfusion(4, 1, 3, 2), strict);
    }

    @Test
    void weightedCounts() {
        BinaryConfusion c = BinaryConfusion.atThreshold(new int[] {1, 0, 1}, new double[] {0.9, 0.8, 0.1},
                new double[] {2, 0.5, 1.5}, 0.5);
        assertEquals(new BinaryConfusion(2, 0.5, 0, 1.5), c);
        assertEquals(0.8, c.precision(ZeroDivision.ZERO), 1e-15);
    }

    @Test
    void labelsWithPositiveLabel() {
        int[] truth = {1, 0, 1, 1, 0, 1, 0, 0, 1, 1};
        int[] predicted = {1, 0, 0, 1, 1, 1, 0, 1, 1, 0};
        BinaryConfusion c = BinaryConfusion.ofLabels(truth, predicted);
        assertEquals(new BinaryConfusion(4, 2, 2, 2), c);
        assertEquals(2 / 3.0, c.f1(ZeroDivision.ZERO), 1e-15);
        BinaryConfusion zero = BinaryConfusion.ofLabels(truth, predicted, 0);
        assertEquals(new BinaryConfusion(2, 2, 4, 2), zero);
        assertEquals(0.5, zero.f1(ZeroDivision.ZERO), 1e-15);
    }

    @Test
    void zeroDivisionPolicy() {
        BinaryConfusion noPredicted = BinaryConfusion.ofLabels(new int[] {1, 0, 1, 0}, new int[] {0, 0, 0, 0});
        assertEquals(0.0, noPredicted.precision(ZeroDivision.ZERO));
        assertEquals(1.0, noPredicted.precision(ZeroDivision.ONE));
        assertEquals(Double.NaN, noPredicted.precision(ZeroDivision.NAN));
        assertEquals(0.0, noPredicted.f1(ZeroDivision.ONE)); // recall 0 is defined, so F1 is 0
        BinaryConfusion nothing = BinaryConfusion.ofLabels(new int[] {0, 0}, new int[] {0, 0});
        assertEquals(0.0, nothing.f1(ZeroDivision.ZERO));
        assertEquals(1.0, nothing.f1(ZeroDivision.ONE));
        assertEquals(1.0, nothing.recall(ZeroDivision.ONE));
        assertEquals(Double.NaN, new BinaryConfusion(0, 0, 0, 0).accuracy());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BinaryConfusion.ofLabels(new int[] {1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryConfusion.ofLabels(new int[] {1}, new int[] {1}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryConfusion.ofLabels(new int[] {1}, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> BinaryConfusion.ofLabels(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryConfusion.atThreshold(new int[] {1}, new double[] {0.1}, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryConfusion.atThreshold(new int[] {1}, new double[] {Double.NaN}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new BinaryConfusion(-1, 0, 0, 0));
    }
}
