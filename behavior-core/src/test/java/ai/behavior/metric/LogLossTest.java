package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLossTest {
    @Test
    void handComputed() {
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.65)) / 4;
        assertEquals(expected, LogLoss.of(new int[] {0, 1, 1, 0}, new double[] {0.1, 0.8, 0.6, 0.35}), 1e-15);
        assertEquals(expected, LogLoss.of(new boolean[] {false, true, true, false},
                new double[] {0.1, 0.8, 0.6, 0.35}), 1e-15);
    }

    @Test
    void clipsCertainMistakes() {
        double worst = -Math.log(LogLoss.DEFAULT_EPS);
        assertEquals(36.04365338911715, worst, 1e-12);
        assertEquals(worst, LogLoss.of(new int[] {1}, new double[] {0.0}), 1e-12);
        assertEquals(worst, LogLoss.of(new int[] {0}, new double[] {1.0}), 1e-9);
        // scikit-learn 1.2.1: log_loss([0,1,1,0], [0,1,.5,1]) = 9.184200142419275
        assertEquals(9.184200142419275, LogLoss.of(new int[] {0, 1, 1, 0}, new double[] {0, 1, 0.5, 1}), 1e-9);
        assertEquals(-Math.log(1e-15), LogLoss.of(new int[] {1}, new double[] {0.0}, null, 1e-15), 1e-12);
        assertTrue(LogLoss.of(new int[] {1}, new double[] {1.0}) < 1e-15);
    }

    @Test
    void singleClassIsDefined() {
        assertEquals(-Math.log(0.5), LogLoss.of(new int[] {1, 1}, new double[] {0.5, 0.5}), 1e-15);
    }

    @Test
    void weightedMean() {
        double expected = (1 * -Math.log(0.9) + 3 * -Math.log(0.8)) / 4;
        assertEquals(expected, LogLoss.of(new int[] {0, 1}, new double[] {0.1, 0.8}, new double[] {1, 3}), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new int[] {0, 1}, new double[] {0.1, 0.8}, new double[] {0, 0}));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new int[] {0, 1}, new double[] {0.1, 1.2}));
        assertTrue(range.getMessage().contains("probabilities[1]"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new int[] {0}, new double[] {-0.1}));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new int[] {0}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new int[] {0, 1}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.of(new int[] {3}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class,
                () -> LogLoss.of(new int[] {1}, new double[] {0.1}, null, 0.5));
    }
}
