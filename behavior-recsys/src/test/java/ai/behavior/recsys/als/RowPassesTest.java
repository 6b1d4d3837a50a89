package ai.behavior.recsys.als;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both ALS kernels ({@link ScalarRowPasses}, {@link VectorRowPasses}) against sums taken in double precision,
 * and the choice between them. Surefire starts this module's tests with {@code --add-modules
 * jdk.incubator.vector}, so the Vector API kernels are what the other ALS tests run; the tests here that force
 * the scalar kernels cover the path of a JVM without the module.
 */
class RowPassesTest {
    private static final int ROWS = 50;
    private static final int N = 37;
    private static final float ALPHA = 2f;

    @Test
    void theVectorKernelsAreChosenWhenTheModuleIsPresentUnlessThePropertySaysScalar() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the surefire argLine adds --add-modules jdk.incubator.vector");
        // 256-bit vectors exist on any x86-64 with AVX2; below 8 factors (one vector) the scalar kernels serve
        boolean wide = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
        assertEquals(wide ? "vector-256" : "scalar", RowPasses.create(64, 10).name());
        String kernels = AlsKernels.forFactors(64);
        assertEquals(RowPasses.create(64, 10).name(), kernels);
        assertThrows(IllegalArgumentException.class, () -> AlsKernels.forFactors(0));
        assertInstanceOf(ScalarRowPasses.class, RowPasses.create(7, 10));
        assertEquals("scalar", withProperty("scalar", () -> RowPasses.create(64, 10).name()));
        assertEquals(RowPasses.create(64, 10).name(), withProperty("auto", () -> RowPasses.create(64, 10).name()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withProperty("fast", () -> RowPasses.create(64, 10)));
        assertTrue(e.getMessage().contains(RowPasses.PROPERTY) && e.getMessage().contains("'fast'"), e.getMessage());
    }

    @Test
    void bothKernelsTakeTheSameProductsAsDoublePrecisionSums() {
        // 8 and 64 factors: one vector and the register-resident fast path; 12 and 70: a scalar tail past the
        // last full vector; 16: the general vector loop
        for (int d : new int[] {8, 12, 16, 64, 70}) {
            check(new ScalarRowPasses(d, N), d);
            if (VectorRowPasses.suits(d)) {
                check(new VectorRowPasses(d, N), d);
            }
        }
    }

    /** Every pass of {@code passes} against the same sums in double, to float rounding (relative 1e-5). */
    private static void check(RowPasses passes, int d) {
        SplittableRandom r = new SplittableRandom(d);
        float[][] fixed = new float[ROWS][d];
        for (float[] row : fixed) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        int start = 3;
        int[] cols = new int[start + N];
        float[] values = new float[start + N];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = r.nextInt(ROWS);
            values[j] = 1 + r.nextInt(5);
        }
        float[] x = vector(r, d);
        float[] p = vector(r, d);
        float[] r0 = vector(r, d);
        float[] z = new float[RowPasses.room(N)];
        float[] cw = new float[RowPasses.room(N)];
        float[] res = r0.clone();
        passes.residual(fixed, cols, values, start, N, ALPHA, x, z, cw, res);
        double[] wantRes = toDouble(r0);
        for (int j = 0; j < N; j++) {
            float[] y = fixed[cols[start + j]];
            double s = dot(y, x);
            double c1 = ALPHA * values[start + j];
            assertClose(s, z[j], norm(y) * norm(x), passes, d, "residual z " + j);
            assertEquals(c1, cw[j], 0.0);
            for (int k = 0; k < d; k++) {
                wantRes[k] += ((1 + c1) - c1 * s) * y[k];
            }
        }
        assertVector(wantRes, res, passes, d, "residual r");
        float[] ap = r0.clone();
        passes.step(fixed, cols, start, N, p, cw, z, ap);
        double[] wantAp = toDouble(r0);
        for (int j = 0; j < N; j++) {
            float[] y = fixed[cols[start + j]];
            double s = dot(y, p);
            assertClose(s, z[j], norm(y) * norm(p), passes, d, "step z " + j);
            for (int k = 0; k < d; k++) {
                wantAp[k] += cw[j] * s * y[k];
            }
        }
        assertVector(wantAp, ap, passes, d, "step ap");
        float[] stepDots = new float[RowPasses.room(N)];
        passes.stepDots(fixed, cols, start, N, x, stepDots);
        float[] dots = new float[RowPasses.room(N)];
        passes.dots(fixed, cols, start, N, x, dots);
        passes.residual(fixed, cols, values, start, N, ALPHA, x, z, cw, r0.clone());
        for (int j = 0; j < N; j++) {
            // the objective's dot products are the residual pass's, bit for bit (the trainer's loss relies on it)
            assertEquals(Float.floatToIntBits(z[j]), Float.floatToIntBits(dots[j]), passes.name() + " d=" + d);
            assertEquals(Float.floatToIntBits(z[j]), Float.floatToIntBits(stepDots[j]), passes.name() + " d=" + d);
        }
        float[][] gram = new float[d][d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l <= k; l++) {
                gram[k][l] = (float) r.nextGaussian();
                gram[l][k] = gram[k][l];
            }
        }
        float[] gx = new float[d];
        passes.gramTimes(gram, x, gx);
        double[] wantGx = new double[d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                wantGx[l] += (double) gram[k][l] * x[k];
            }
        }
        assertVector(wantGx, gx, passes, d, "gram times");
    }

    @Test
    void fitsWithEitherKernelsAgreeToFloatRoundingAndDoNotDependOnTheThreadCount() {
        // 64 factors: the Vector API's fast path. The two kernels sum in different orders, so the factors differ
        // in the last bits, which the iterations carry on; the scores stay within 1e-3 of each other
        Interactions log = PlantedLog.generate(300, 200, 4, 20, 3);
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.counts());
        ImplicitAls.Options o = ImplicitAls.Options.defaults().withFactors(64).withIterations(5).withThreads(2);
        ImplicitAls auto = ImplicitAls.fit(m, o);
        ImplicitAls scalar = withProperty("scalar", () -> ImplicitAls.fit(m, o));
        // either kernels alone: the same bits on any number of threads
        assertArrayEquals(auto.factors().userRows(), ImplicitAls.fit(m, o.withThreads(1)).factors().userRows());
        assertArrayEquals(scalar.factors().itemRows(),
                withProperty("scalar", () -> ImplicitAls.fit(m, o.withThreads(1))).factors().itemRows());
        double worst = 0;
        double scale = 0;
        for (int u = 0; u < m.numRows(); u += 7) {
            for (int i = 0; i < m.numCols(); i++) {
                worst = Math.max(worst, Math.abs(auto.score(u, i) - scalar.score(u, i)));
                scale = Math.max(scale, Math.abs(scalar.score(u, i)));
            }
        }
        assertTrue(scale > 0.1, "scores too small to compare: " + scale);
        assertTrue(worst < 1e-3 * scale, "largest score difference " + worst + " against scores up to " + scale);
    }

    private static <T> T withProperty(String value, Supplier<T> body) {
        String old = System.getProperty(RowPasses.PROPERTY);
        System.setProperty(RowPasses.PROPERTY, value);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(RowPasses.PROPERTY);
            } else {
                System.setProperty(RowPasses.PROPERTY, old);
            }
        }
    }

    private static float[] vector(SplittableRandom r, int d) {
        float[] v = new float[d];
        for (int k = 0; k < d; k++) {
            v[k] = (float) r.nextGaussian();
        }
        return v;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k];
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code got} within float rounding of {@code want}, relative to {@code scale} (a bound on the terms' size). */
    private static void assertClose(double want, float got, double scale, RowPasses passes, int d, String what) {
        assertEquals(want, got, 1e-5 * scale, passes.name() + " d=" + d + " " + what);
    }

    private static void assertVector(double[] want, float[] got, RowPasses passes, int d, String what) {
        double scale = 0;
        for (double w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int k = 0; k < want.length; k++) {
            assertClose(want[k], got[k], scale * 10, passes, d, what + " k=" + k);
        }
    }
}
