package ai.behavior.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {
    private static final int[] TRUTH = {0, 1, 0, 1, 1};
    private static final double[] P = {0.1, 0.15, 0.55, 0.6, 1.0};

    @Test
    void twoBinsByHand() {
        // bin [0, .5): p .1, .15 -> mean .125, observed 1/2;  bin [.5, 1]: .55, .6, 1.0 -> mean .7166..., 2/3
        // ECE = 2/5 * |.5 - .125| + 3/5 * |2/3 - .71666| = .15 + .03 = .18;  MCE = .375
        Calibration c = Calibration.of(TRUTH, P, 2);
        assertEquals(2, c.bins().size());
        Calibration.Bin low = c.bins().get(0);
        assertEquals(0.0, low.lower());
        assertEquals(0.5, low.upper());
        assertEquals(2, low.count());
        assertEquals(0.125, low.meanPredicted(), 1e-12);
        assertEquals(0.5, low.observedRate(), 1e-12);
        Calibration.Bin high = c.bins().get(1);
        assertEquals(3, high.count()); // 1.0 lands in the last bin
        assertEquals(2.15 / 3, high.meanPredicted(), 1e-12);
        assertEquals(2.0 / 3, high.observedRate(), 1e-12);
        assertEquals(0.18, c.expectedCalibrationError(), 1e-12);
        assertEquals(0.375, c.maxCalibrationError(), 1e-12);
    }

    @Test
    void emptyBinsAreLeftOut() {
        // four bins: [0,.25) has .1,.15; [.25,.5) nothing; [.5,.75) .55,.6; [.75,1] 1.0
        Calibration c = Calibration.of(TRUTH, P, 4);
        assertEquals(4, c.numBins());
        assertEquals(List.of(0.0, 0.5, 0.75), c.bins().stream().map(Calibration.Bin::lower).toList());
        assertEquals(List.of(2L, 2L, 1L), c.bins().stream().map(Calibration.Bin::count).toList());
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new int[] {0, 1}, new double[] {0.2, Double.NaN}, 5));
        assertTrue(nan.getMessage().contains("probabilities[1] = NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new int[] {0}, new double[] {1.5}, 5));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new int[] {0, 2}, new double[] {0.2, 0.3}, 5));
        assertTrue(label.getMessage().contains("truth[1] = 2"), label.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new int[0], new double[0], 5));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new int[] {0}, new double[] {0.1, 0.2}, 5));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(TRUTH, P, 0));
    }
}
