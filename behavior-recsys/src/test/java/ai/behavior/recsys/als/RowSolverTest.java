package ai.behavior.recsys.als;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conjugate-gradient and exact row solves against commons-math3's Cholesky on small dense problems. */
class RowSolverTest {
    private static final int D = 8;
    private static final int ITEMS = 40;
    private static final float ALPHA = 3f;
    private static final double LAMBDA = 0.5;

    private final float[][] y = new float[ITEMS][D];
    private final int[] cols = {1, 4, 5, 9, 11, 17, 22, 23, 30, 38, 39};
    private final float[] values = {1, 2, 5, 1, 3, 1, 4, 2, 1, 1, 5};

    RowSolverTest() {
        SplittableRandom r = new SplittableRandom(11);
        for (float[] row : y) {
            for (int k = 0; k < D; k++) {
                row[k] = (float) (r.nextGaussian() * 0.5);
            }
        }
    }

    /** The exact solution of the row's system by commons-math3. */
    private double[] reference() {
        double[][] a = new double[D][D];
        double[] b = new double[D];
        for (float[] row : y) {
            for (int k = 0; k < D; k++) {
                for (int l = 0; l < D; l++) {
                    a[k][l] += (double) row[k] * row[l];
                }
            }
        }
        for (int k = 0; k < D; k++) {
            a[k][k] += LAMBDA;
        }
        for (int j = 0; j < cols.length; j++) {
            float[] row = y[cols[j]];
            double c = 1 + (double) ALPHA * values[j];
            for (int k = 0; k < D; k++) {
                b[k] += c * row[k];
                for (int l = 0; l < D; l++) {
                    a[k][l] += (c - 1) * row[k] * row[l];
                }
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(a);
        return new CholeskyDecomposition(m).getSolver().solve(new ArrayRealVector(b)).toArray();
    }

    private float[][] gram() {
        try (ParallelRows pool = new ParallelRows(1, "test")) {
            return Gram.of(y, D, LAMBDA, pool);
        }
    }

    private static double relativeError(float[] x, double[] want) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < want.length; k++) {
            num += (x[k] - want[k]) * (x[k] - want[k]);
            den += want[k] * want[k];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void conjugateGradientWithDStepsMatchesTheDirectSolve() {
        float[] x = new float[D];
        new RowSolver(D, cols.length).conjugateGradient(x, y, gram(), cols, values, 0, cols.length, ALPHA, D, false);
        assertTrue(relativeError(x, reference()) < 1e-4, "error " + relativeError(x, reference()));
    }

    @Test
    void warmStartedThreeStepRoundsConverge() {
        float[] x = new float[D];
        RowSolver s = new RowSolver(D, cols.length);
        float[][] g = gram();
        double previous = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            s.conjugateGradient(x, y, g, cols, values, 0, cols.length, ALPHA, 3, false);
            double e = relativeError(x, reference());
            assertTrue(e <= previous + 1e-7, "round " + round + ": " + e + " after " + previous);
            previous = e;
        }
        assertTrue(previous < 1e-3, "error after 6 warm-started rounds of 3 steps: " + previous);
    }

    @Test
    void oneStepFromZeroSolvesAOneFactorSystem() {
        // d = 1, items y = {1, 2}, lambda 0.5: Y^T Y + lambda = 1 + 4 + 0.5 = 5.5. The row holds item 1 (y = 2)
        // with value 1 and alpha 3, so c = 4: A = 5.5 + (4 - 1) * 2 * 2 = 17.5 and b = 4 * 2 = 8, x = 8 / 17.5.
        // One CG step from 0 is exact in one dimension: r = p = 8, p.Ap = 8 * 17.5 * 8 = 1120 (the last step
        // gets it as p.Gp + (c - 1)(y p)^2 = 352 + 3 * 16^2), t = 64 / 1120, x = 8 t = 0.457142857...
        float[][] items = {{1f}, {2f}};
        float[][] g;
        try (ParallelRows pool = new ParallelRows(1, "test")) {
            g = Gram.of(items, 1, 0.5, pool);
        }
        assertEquals(5.5f, g[0][0]);
        float[] x = new float[1];
        new RowSolver(1, 1).conjugateGradient(x, items, g, new int[] {1}, new float[] {1f}, 0, 1, 3f, 1, false);
        assertEquals(8 / 17.5, x[0], 1e-7);
    }

    @Test
    void rowsTooLongToCopyFactorMajorGiveTheSameBits() {
        // 11 entries: the scalar kernels copy them factor-major, ones limited to 8 take row-major dot products
        float[] copied = {0.1f, -0.2f, 0.3f, 0f, 0.05f, -0.1f, 0.2f, 0.4f};
        float[] rowMajor = copied.clone();
        float[][] g = gram();
        double t1 = new RowSolver(D, cols.length, new ScalarRowPasses(D, cols.length)).conjugateGradient(copied, y,
                g, cols, values, 0, cols.length, ALPHA, 3, true);
        double t2 = new RowSolver(D, cols.length, 8).conjugateGradient(rowMajor, y, g, cols, values, 0,
                cols.length, ALPHA, 3, true);
        for (int k = 0; k < D; k++) {
            assertEquals(Float.floatToIntBits(copied[k]), Float.floatToIntBits(rowMajor[k]), "k=" + k);
        }
        assertEquals(Double.doubleToLongBits(t1), Double.doubleToLongBits(t2));
    }

    @Test
    void theReturnedTermIsTheRowsObjectiveAtTheIncomingFactors() {
        // x.(Y^T Y + lambda I)x + sum_j (c_j (1 - s_j)^2 - s_j^2), s_j = y_j.x, summed here in double
        float[] x = {0.3f, -0.1f, 0.2f, 0.05f, 0f, -0.25f, 0.1f, 0.15f};
        double want = 0;
        for (float[] row : y) {
            double s = 0;
            for (int k = 0; k < D; k++) {
                s += (double) row[k] * x[k];
            }
            want += s * s;
        }
        for (int k = 0; k < D; k++) {
            want += LAMBDA * x[k] * x[k];
        }
        for (int j = 0; j < cols.length; j++) {
            double s = 0;
            for (int k = 0; k < D; k++) {
                s += (double) y[cols[j]][k] * x[k];
            }
            double c = 1 + (double) ALPHA * values[j];
            want += c * (1 - s) * (1 - s) - s * s;
        }
        double term = new RowSolver(D, cols.length).conjugateGradient(x.clone(), y, gram(), cols, values, 0,
                cols.length, ALPHA, 3, true);
        assertEquals(want, term, 1e-5 * Math.abs(want));
        assertEquals(0.0, new RowSolver(D, cols.length).conjugateGradient(x.clone(), y, gram(), cols, values, 0,
                cols.length, ALPHA, 3, false));
    }

    @Test
    void exactSolveMatchesTheDirectSolve() {
        float[] x = new float[D];
        assertTrue(new RowSolver(D, cols.length).exact(x, y, gram(), cols, values, 0, cols.length, ALPHA));
        double[] want = reference();
        for (int k = 0; k < D; k++) {
            assertEquals(want[k], x[k], 1e-5);
        }
    }

    @Test
    void choleskyRejectsANonPositiveDefiniteMatrix() {
        double[] a = {1, 2, 2, 1};
        assertFalse(Cholesky.solveInPlace(a, new double[] {1, 1}, 2));
    }

    @Test
    void gramIsTheSameOnAnyNumberOfThreads() {
        float[][] rows = new float[3000][5];
        SplittableRandom r = new SplittableRandom(2);
        for (float[] row : rows) {
            for (int k = 0; k < 5; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        float[][] one;
        float[][] three;
        try (ParallelRows p1 = new ParallelRows(1, "t"); ParallelRows p3 = new ParallelRows(3, "t")) {
            one = Gram.of(rows, 5, 0.1, p1);
            three = Gram.of(rows, 5, 0.1, p3);
        }
        for (int k = 0; k < 5; k++) {
            assertTrue(java.util.Arrays.equals(one[k], three[k]));
        }
    }
}
