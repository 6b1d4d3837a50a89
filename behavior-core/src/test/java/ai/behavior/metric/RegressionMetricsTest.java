package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    @Test
    void handComputed() {
        double[] truth = {3, -0.5, 2, 7};
        double[] predicted = {2.5, 0.0, 2, 8};
        assertEquals(Math.sqrt(0.375), RegressionMetrics.rmse(truth, predicted), 1e-15);
        assertEquals(0.5, RegressionMetrics.mae(truth, predicted), 1e-15);
        assertEquals(0.0, RegressionMetrics.rmse(truth, truth));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.rmse(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("predicted[1]"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.mae(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.mae(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.rmse(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.rmse(null, new double[0]));
    }
}
