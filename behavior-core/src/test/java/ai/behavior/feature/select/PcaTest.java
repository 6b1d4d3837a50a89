package ai.behavior.feature.select;

import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaTest {
    private static final FitContext CTX = FitContext.unsupervised();
    private static final List<String> XY = List.of("x", "y");

    /**
     * Mean (10, 20) plus a*u + b*w with the rotated unit axes u = (0.6, 0.8), w = (-0.8, 0.6) and
     * (a, b) = (5, 0), (-5, 0), (0, 2.5), (0, -2.5). Population variance along u is (25 + 25) / 4 = 12.5 and
     * along w (6.25 + 6.25) / 4 = 3.125: shares 0.8 and 0.2. With the largest loading made positive the
     * components are pc1 = (0.6, 0.8) and pc2 = (0.8, -0.6).
     */
    private static final double[][] ROTATED = {{13, 24}, {7, 16}, {8, 21.5}, {12, 18.5}};

    @Test
    void twoDimensionalFixtureHasTheKnownAxesAndShares() {
        FittedReducer f = Pca.components(2).fit(Blocks.of(ROTATED), 4, XY, CTX);
        assertEquals(List.of("pc1", "pc2"), f.outputNames());
        assertEquals(2, f.inputWidth());
        // scores = ((x, y) - mean) . axis: (3,4) -> (5, 0); (-2, 1.5) -> (0, -2.5); (1, 0) -> (0.6, 0.8)
        assertArrayEquals(new float[] {5, 0}, Blocks.apply(f, 13, 24), 1e-5f);
        assertArrayEquals(new float[] {-5, 0}, Blocks.apply(f, 7, 16), 1e-5f);
        assertArrayEquals(new float[] {0, -2.5f}, Blocks.apply(f, 8, 21.5), 1e-5f);
        assertArrayEquals(new float[] {0.6f, 0.8f}, Blocks.apply(f, 11, 20), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, Blocks.apply(f, 10, 20), 1e-6f);
        assertTrue(f.describe().contains("pc1 0.8000, pc2 0.2000"), f.describe());
        assertTrue(f.describe().contains("2 of 2 components"), f.describe());
    }

    @Test
    void whiteningGivesUnitVarianceScores() {
        FittedReducer f = Pca.components(2).whitened().fit(Blocks.of(ROTATED), 4, XY, CTX);
        // 5 / sqrt(12.5) = sqrt(2) and -2.5 / sqrt(3.125) = -sqrt(2)
        float root2 = (float) Math.sqrt(2);
        assertArrayEquals(new float[] {root2, 0}, Blocks.apply(f, 13, 24), 1e-5f);
        assertArrayEquals(new float[] {0, -root2}, Blocks.apply(f, 8, 21.5), 1e-5f);
        assertTrue(f.describe().contains("whitened"), f.describe());
    }

    /**
     * Axis-aligned points (+-1, 0, 0), (0, +-3, 0), (0, 0, +-2): mean 0, population variances 2/6, 18/6, 8/6,
     * no covariance. Components in order: y, z, x with shares 9/14 = 0.642857, 4/14 = 0.285714, 1/14.
     */
    private static final double[][] AXES = {{1, 0, 0}, {-1, 0, 0}, {0, 3, 0}, {0, -3, 0}, {0, 0, 2}, {0, 0, -2}};
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void varianceShareChoosesTheSmallestSufficientK() {
        assertEquals(1, Pca.varianceShare(0.6).fit(Blocks.of(AXES), 6, ABC, CTX).outputNames().size());
        assertEquals(2, Pca.varianceShare(0.9).fit(Blocks.of(AXES), 6, ABC, CTX).outputNames().size());
        // 13/14 = 0.928571 falls short of 0.93
        assertEquals(3, Pca.varianceShare(0.93).fit(Blocks.of(AXES), 6, ABC, CTX).outputNames().size());
        FittedReducer all = Pca.varianceShare(1.0).fit(Blocks.of(AXES), 6, ABC, CTX);
        assertEquals(List.of("pc1", "pc2", "pc3"), all.outputNames());
        assertArrayEquals(new float[] {3, 0, 0}, Blocks.apply(all, 0, 3, 0), 1e-6f);
        assertArrayEquals(new float[] {0, 2, 0}, Blocks.apply(all, 0, 0, 2), 1e-6f);
        assertArrayEquals(new float[] {0, 0, -1}, Blocks.apply(all, -1, 0, 0), 1e-6f);
        assertTrue(all.describe().contains("pc1 0.6429, pc2 0.2857, pc3 0.0714"), all.describe());
    }

    /**
     * A general 8 x 3 fixture, checked against numpy (not commons-math): population covariance
     * {@code np.cov(X.T, bias=True)}, {@code np.linalg.eigh}, sorted descending, each axis' largest |loading|
     * made positive; scores {@code (t - X.mean(0)) @ V}. Variances 6.39892828784, 1.271943163414,
     * 1.016628548746 (the same as {@code np.linalg.svd} of the centred data squared / 8).
     */
    private static final double[][] GENERAL = {{2, 0, 1}, {4, 1, 3}, {1, 3, 0}, {5, 4, 2}, {3, 2, 2}, {6, 5, 4},
            {0, 1, 1}, {3, 4, 5}};

    @Test
    void generalFixtureMatchesNumpy() {
        FittedReducer f = Pca.components(3).fit(Blocks.of(GENERAL), 8, ABC, CTX);
        assertArrayEquals(new float[] {-1.238797677303f, -0.011829404634f, 1.810453086908f},
                Blocks.apply(f, 1, 2, 3), 1e-5f);
        assertArrayEquals(new float[] {-0.288487410388f, -2.187103679925f, -5.286383688998f},
                Blocks.apply(f, 7, 0, -1), 1e-5f);
        // shares 0.736567284931, 0.146410723846, 0.117021991223
        assertTrue(f.describe().contains("pc1 0.7366, pc2 0.1464, pc3 0.1170"), f.describe());

        FittedReducer w = Pca.components(2).whitened().fit(Blocks.of(GENERAL), 8, ABC, CTX);
        assertArrayEquals(new float[] {-0.489718782203f, -0.010488878018f}, Blocks.apply(w, 1, 2, 3), 1e-5f);
        assertArrayEquals(new float[] {-0.114044210677f, -1.939257673667f}, Blocks.apply(w, 7, 0, -1), 1e-5f);
    }

    @Test
    void signsAreTheSameForReorderedOrNegatedTrainingData() {
        FittedReducer f = Pca.components(3).fit(Blocks.of(GENERAL), 8, ABC, CTX);
        double[][] reversed = new double[8][];
        double[][] negated = new double[8][];
        for (int r = 0; r < 8; r++) {
            reversed[r] = GENERAL[7 - r];
            negated[r] = new double[] {-GENERAL[r][0], -GENERAL[r][1], -GENERAL[r][2]};
        }
        FittedReducer g = Pca.components(3).fit(Blocks.of(reversed), 8, ABC, CTX);
        FittedReducer h = Pca.components(3).fit(Blocks.of(negated), 8, ABC, CTX);
        float[] expected = Blocks.apply(f, 1, 2, 3);
        assertArrayEquals(expected, Blocks.apply(g, 1, 2, 3), 1e-5f);
        // same axes on negated data: a negated point gets the negated scores
        float[] flipped = Blocks.apply(h, -1, -2, -3);
        for (int j = 0; j < 3; j++) {
            assertEquals(-expected[j], flipped[j], 1e-5f, "pc" + (j + 1));
        }
    }

    @Test
    void manyChunksGiveTheSameAnswerAsOne() {
        // 2,500 rows (three QR chunks) repeating the rotated fixture: same means, variances and axes
        double[][] many = new double[2500][];
        for (int r = 0; r < many.length; r++) {
            many[r] = ROTATED[r % 4];
        }
        FittedReducer f = Pca.components(2).fit(Blocks.of(many), many.length, XY, CTX);
        assertArrayEquals(new float[] {5, 0}, Blocks.apply(f, 13, 24), 1e-4f);
        assertArrayEquals(new float[] {0, -2.5f}, Blocks.apply(f, 8, 21.5), 1e-4f);
        assertTrue(f.describe().contains("pc1 0.8000, pc2 0.2000"), f.describe());
    }

    @Test
    void fewerRowsThanColumnsStillFits() {
        // two points differing only in b: all variance (1 each side of the mean) on axis b
        FittedReducer f = Pca.components(1).fit(Blocks.of(new double[][] {{0, 1, 5}, {0, 3, 5}}), 2, ABC, CTX);
        assertArrayEquals(new float[] {1}, Blocks.apply(f, 0, 3, 5), 1e-6f);
        assertTrue(f.describe().contains("pc1 1.0000"), f.describe());
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.components(1).fit(new float[0], 0, XY, CTX));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pca.components(1).fit(new float[] {1, 2, 3, Float.NaN}, 2, XY, CTX));
        assertTrue(e.getMessage().contains("'y' row 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pca.components(3).fit(Blocks.of(ROTATED), 4, XY, CTX));
        assertTrue(e.getMessage().contains("3 components") && e.getMessage().contains("only 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pca.varianceShare(0.9).fit(Blocks.of(new double[][] {{1, 2}, {1, 2}}), 2, XY, CTX));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.components(0));
        assertThrows(IllegalArgumentException.class, () -> Pca.varianceShare(0));
        assertThrows(IllegalArgumentException.class, () -> Pca.varianceShare(1.5));
        assertThrows(IllegalArgumentException.class, () -> Pca.varianceShare(Double.NaN));
    }

    @Test
    void aZeroVarianceComponentCannotBeWhitened() {
        // points on the line y = 2x: pc2 explains nothing
        float[] line = Blocks.of(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pca.components(2).whitened().fit(line, 3, XY, CTX));
        assertTrue(e.getMessage().contains("pc2") && e.getMessage().contains("fewer than 2"), e.getMessage());
        FittedReducer plain = Pca.components(2).fit(line, 3, XY, CTX);
        // (3, 6) - mean (2, 4) = (1, 2), length sqrt(5) along the line, nothing across it
        assertArrayEquals(new float[] {(float) Math.sqrt(5), 0}, Blocks.apply(plain, 3, 6), 1e-5f);
    }
}
