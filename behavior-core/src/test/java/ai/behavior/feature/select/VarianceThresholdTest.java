package ai.behavior.feature.select;

import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VarianceThresholdTest {
    private static final FitContext CTX = FitContext.unsupervised();
    private static final List<String> NAMES = List.of("a", "b", "c");

    /**
     * a = 1, 2, 3, 4: mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25;
     * b = 5 everywhere: variance 0; c = 0, 0, 0, 1: mean 0.25, variance 0.25 - 0.0625 = 0.1875.
     */
    private static final float[] BLOCK = Blocks.of(new double[][] {{1, 5, 0}, {2, 5, 0}, {3, 5, 0}, {4, 5, 1}});

    @Test
    void defaultDropsOnlyConstantColumns() {
        FittedReducer f = VarianceThreshold.of().fit(BLOCK, 4, NAMES, CTX);
        assertEquals(List.of("a", "c"), f.outputNames());
        assertEquals(3, f.inputWidth());
        assertArrayEquals(new float[] {7, 9}, Blocks.apply(f, 7, 8, 9));
        assertTrue(f.describe().contains("keeps 2 of 3") && f.describe().contains("b (variance 0.00000)"),
                f.describe());
    }

    @Test
    void thresholdIsInclusive() {
        // 0.1875 <= 0.2 is dropped; so is 0.1875 <= 0.1875
        assertEquals(List.of("a"), VarianceThreshold.atMost(0.2).fit(BLOCK, 4, NAMES, CTX).outputNames());
        assertEquals(List.of("a"), VarianceThreshold.atMost(0.1875).fit(BLOCK, 4, NAMES, CTX).outputNames());
        assertEquals(List.of("a", "c"), VarianceThreshold.atMost(0.18).fit(BLOCK, 4, NAMES, CTX).outputNames());
    }

    @Test
    void nothingSurvivingListsTheVariances() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VarianceThreshold.atMost(2).fit(BLOCK, 4, NAMES, CTX));
        assertTrue(e.getMessage().contains("a 1.25000, b 0.00000, c 0.187500"), e.getMessage());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> VarianceThreshold.of().fit(new float[0], 0, NAMES, CTX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VarianceThreshold.of().fit(new float[] {1, Float.POSITIVE_INFINITY, 2}, 1, NAMES, CTX));
        assertTrue(e.getMessage().contains("'b' row 0 is Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> VarianceThreshold.of().fit(new float[5], 2, NAMES, CTX));
        assertTrue(e.getMessage().contains("needs 6 values, got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VarianceThreshold.atMost(-1));
        assertThrows(IllegalArgumentException.class, () -> VarianceThreshold.atMost(Double.NaN));
    }
}
