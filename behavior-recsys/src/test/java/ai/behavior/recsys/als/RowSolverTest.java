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
        new RowSolver(D, cols.length).conjugateGradient(x, y, gram(), cols, values, 0, cols.length, ALPHA, D);
        assertTrue(relativeError(x, reference()) < 1e-4, "error " + relativeError(x, reference()));
    }

    @Test
    void warmStartedThreeStepRoundsConverge() {
        float[] x = new float[D];
        RowSolver s = new RowSolver(D, cols.length);
        float[][] g = gram();
        double previous = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            s.conjugateGradient(x, y, g, cols, values, 0, cols.length, ALPHA, 3);
            double e = relativeError(x, reference());
            assertTrue(e <= previous + 1e-7, "round " + round + ": " + e + " after " + previous);
            previous = e;
        }
        assertTrue(previous < 1e-3, "error after 6 warm-started rounds of 3 steps: " + previous);
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
