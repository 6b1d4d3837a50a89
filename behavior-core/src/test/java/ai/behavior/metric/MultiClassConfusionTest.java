package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MultiClassConfusionTest {
    private static final int[] TRUTH = {0, 1, 2, 2, 1, 0, 2, 1, 1, 0};
    private static final int[] PREDICTED = {0, 2, 2, 2, 1, 0, 1, 1, 0, 0};

    @Test
    void matrixAndPerClassValues() {
        MultiClassConfusion c = MultiClassConfusion.of(TRUTH, PREDICTED);
        assertArrayEquals(new int[] {0, 1, 2}, c.labels());
        assertArrayEquals(new long[][] {{3, 0, 0}, {1, 2, 1}, {0, 1, 2}}, c.matrix());
        assertEquals(0.7, c.accuracy(), 1e-15);
        assertEquals(10, c.total());
        assertEquals(4, c.support(1));
        assertEquals(1, c.count(1, 2));
        assertEquals(0, c.count(5, 2));
        assertEquals(0.75, c.precision(0, ZeroDivision.ZERO), 1e-15);
        assertEquals(0.5, c.recall(1, ZeroDivision.ZERO), 1e-15);
        assertEquals(2 / 3.0, c.f1(2, ZeroDivision.ZERO), 1e-15);
        assertEquals(new BinaryConfusion(2, 1, 5, 2), c.binary(1));
    }

    @Test
    void averages() {
        MultiClassConfusion c = MultiClassConfusion.of(TRUTH, PREDICTED);
        double f0 = 6 / 7.0;
        double f1 = 4 / 7.0;
        double f2 = 2 / 3.0;
        assertEquals((f0 + f1 + f2) / 3, c.f1(Average.MACRO, ZeroDivision.ZERO), 1e-15);
        assertEquals((3 * f0 + 4 * f1 + 3 * f2) / 10, c.f1(Average.WEIGHTED, ZeroDivision.ZERO), 1e-15);
        assertEquals(0.7, c.f1(Average.MICRO, ZeroDivision.ZERO), 1e-15);
        assertEquals(0.7, c.precision(Average.MICRO, ZeroDivision.ZERO), 1e-15);
        assertEquals(0.7, c.recall(Average.MICRO, ZeroDivision.ZERO), 1e-15);
        assertEquals((0.75 + 2 / 3.0 + 2 / 3.0) / 3, c.precision(Average.MACRO, ZeroDivision.ZERO), 1e-15);
        assertEquals((1.0 + 0.5 + 2 / 3.0) / 3, c.recall(Average.MACRO, ZeroDivision.ZERO), 1e-15);
    }

    @Test
    void classOnlyPredictedUsesZeroDivision() {
        // label 9 is predicted but never true: recall undefined, F1 0 (fp > 0), support 0
        MultiClassConfusion c = MultiClassConfusion.of(new int[] {1, 1}, new int[] {1, 9});
        assertArrayEquals(new int[] {1, 9}, c.labels());
        assertEquals(1.0, c.recall(9, ZeroDivision.ONE));
        assertEquals(0.0, c.recall(9, ZeroDivision.ZERO));
        assertEquals(0.0, c.f1(9, ZeroDivision.ONE));
        assertEquals((0.5 + 1.0) / 2, c.recall(Average.MACRO, ZeroDivision.ONE), 1e-15);
        assertEquals(0.5, c.recall(Average.WEIGHTED, ZeroDivision.ONE), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> MultiClassConfusion.of(new int[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> MultiClassConfusion.of(new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> MultiClassConfusion.of(null, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> MultiClassConfusion.of(new int[] {1}, new int[] {1}).support(3));
    }
}
