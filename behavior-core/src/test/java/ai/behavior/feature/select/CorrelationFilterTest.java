package ai.behavior.feature.select;

import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationFilterTest {
    private static final FitContext CTX = FitContext.unsupervised();

    @Test
    void dropsTheLaterColumnOfEachCorrelatedPair() {
        // b = 2a + 1 (r = 1), c unrelated to a (r = 0: a.c centred = -1.5*1 - 0.5*-1 + 0.5*-1 + 1.5*1 = 0),
        // d constant (uncorrelated by rule), e = -a (r = -1)
        double[][] rows = {{1, 3, 1, 7, -1}, {2, 5, -1, 7, -2}, {3, 7, -1, 7, -3}, {4, 9, 1, 7, -4}};
        List<String> names = List.of("a", "b", "c", "d", "e");
        FittedReducer f = CorrelationFilter.of().fit(Blocks.of(rows), 4, names, CTX);
        assertEquals(List.of("a", "c", "d"), f.outputNames());
        assertArrayEquals(new float[] {10, 30, 40}, Blocks.apply(f, 10, 20, 30, 40, 50));
        assertTrue(f.describe().contains("drops 2 of 5"), f.describe());
        assertTrue(f.describe().contains("b (r 1.0000 with a)") && f.describe().contains("e (r -1.0000 with a)"),
                f.describe());
    }

    @Test
    void onlyKeptColumnsCauseDrops() {
        // x = (1,1,-1,-1), y = x + z, z = (1,-1,1,-1): var x = var z = 1, var y = 2, cov(x,y) = cov(y,z) = 1,
        // so r(x,y) = r(y,z) = 1/sqrt(2) = 0.7071 and r(x,z) = 0. At 0.7: y goes (with x); z stays, because
        // its only strong partner y was already dropped.
        double[][] rows = {{1, 2, 1}, {1, 0, -1}, {-1, 0, 1}, {-1, -2, -1}};
        FittedReducer f = CorrelationFilter.above(0.7).fit(Blocks.of(rows), 4, List.of("x", "y", "z"), CTX);
        assertEquals(List.of("x", "z"), f.outputNames());
        assertTrue(f.describe().contains("y (r 0.7071 with x)"), f.describe());
        // at 0.71 nothing is above the threshold
        assertEquals(List.of("x", "y", "z"),
                CorrelationFilter.above(0.71).fit(Blocks.of(rows), 4, List.of("x", "y", "z"), CTX).outputNames());
    }

    @Test
    void constantColumnsAreUncorrelatedNotNaN() {
        double[][] cov = {{0, 0}, {0, 4}};
        assertArrayEquals(new double[] {0, 0}, CorrelationFilter.correlations(cov)[0]);
        assertArrayEquals(new double[] {0, 1}, CorrelationFilter.correlations(cov)[1]);
        // two constant columns: both kept, with |r| treated as 0
        FittedReducer f = CorrelationFilter.above(0).fit(Blocks.of(new double[][] {{1, 2}, {1, 2}}), 2,
                List.of("p", "q"), CTX);
        assertEquals(List.of("p", "q"), f.outputNames());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class,
                () -> CorrelationFilter.of().fit(new float[0], 0, List.of("a"), CTX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorrelationFilter.of().fit(new float[] {1, Float.NaN}, 1, List.of("a", "b"), CTX));
        assertTrue(e.getMessage().contains("'b' row 0 is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorrelationFilter.above(1.5));
        assertThrows(IllegalArgumentException.class, () -> CorrelationFilter.above(-0.1));
        assertThrows(IllegalArgumentException.class, () -> CorrelationFilter.above(Double.NaN));
    }
}
