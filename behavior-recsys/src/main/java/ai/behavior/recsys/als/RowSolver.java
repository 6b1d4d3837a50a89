package ai.behavior.recsys.als;

import java.util.Arrays;

/**
 * Solves one row's weighted least-squares system of implicit ALS against fixed factors {@code Y}:
 * <pre>
 *   (Y^T Y + lambda I + sum_j (c_j - 1) y_j y_j^T) x = sum_j c_j y_j,    c_j = 1 + alpha * value_j
 * </pre>
 * where {@code j} runs over the row's stored entries (the items a user interacted with, or the users of an
 * item). Every other column is an implicit zero with confidence 1, which {@code Y^T Y} accounts for without
 * visiting it (Hu, Koren and Volinsky, 2008).
 *
 * <pre>{@code
 * RowSolver s = new RowSolver(d, maxRowLength);
 * s.conjugateGradient(x, fixedRows, gram, csr.cols(), csr.values(), start, end, alpha, 3);
 * }</pre>
 *
 * <p>{@link #conjugateGradient} takes a few conjugate-gradient steps starting from the row's current factors
 * (warm start), as the {@code implicit} library does: each step costs one pass over the row's entries plus a
 * {@code d x d} product with the precomputed Gram matrix, instead of the {@code O(n d^2 + d^3)} of building
 * and factorising the system. {@link #exact} does the latter, in double precision (reference and fold-in).
 * One solver per thread: it owns scratch buffers.
 */
final class RowSolver {
    private static final float RESIDUAL_FLOOR = 1e-20f;

    private final int d;
    private final float[] zero;
    private final float[] r;
    private final float[] p;
    private final float[] ap;
    private float[] z;
    private float[] w;
    private float[] cw;
    private double[] a;
    private double[] b;

    /** Scratch for rows of up to {@code maxRowLength} entries with {@code d} factors. */
    RowSolver(int d, int maxRowLength) {
        this.d = d;
        this.zero = new float[d];
        this.r = new float[d];
        this.p = new float[d];
        this.ap = new float[d];
        int room = Kernels.padded(Math.max(1, maxRowLength));
        this.z = new float[room];
        this.w = new float[room];
        this.cw = new float[room];
    }

    /**
     * Improves {@code x} in place by up to {@code steps} conjugate-gradient steps on the system of the row
     * whose entries are {@code cols/values[start, end)}; {@code gram} is {@code Y^T Y + lambda I}.
     */
    void conjugateGradient(float[] x, float[][] fixed, float[][] gram, int[] cols, float[] values, int start,
                           int end, float alpha, int steps) {
        int n = end - start;
        ensure(n);
        for (int j = 0; j < n; j++) {
            cw[j] = alpha * values[start + j];
        }
        // r = b - A x = sum_j (c_j - (c_j - 1) y_j.x) y_j - (Y^T Y + lambda I) x
        Kernels.dots(fixed, cols, start, n, x, z, zero);
        for (int j = 0; j < n; j++) {
            w[j] = (1f + cw[j]) - cw[j] * z[j];
        }
        Kernels.symmetricTimes(gram, x, r, zero);
        for (int k = 0; k < d; k++) {
            r[k] = -r[k];
        }
        Kernels.addRows(fixed, cols, start, n, w, r, zero);
        System.arraycopy(r, 0, p, 0, d);
        float rs = Kernels.dot(r, r);
        for (int step = 0; step < steps && rs >= RESIDUAL_FLOOR; step++) {
            // ap = A p = (Y^T Y + lambda I) p + sum_j (c_j - 1) (y_j.p) y_j
            Kernels.symmetricTimes(gram, p, ap, zero);
            Kernels.dots(fixed, cols, start, n, p, z, zero);
            for (int j = 0; j < n; j++) {
                w[j] = cw[j] * z[j];
            }
            Kernels.addRows(fixed, cols, start, n, w, ap, zero);
            float pap = Kernels.dot(p, ap);
            if (!(pap > 0)) {
                break;
            }
            float t = rs / pap;
            for (int k = 0; k < d; k++) {
                x[k] += t * p[k];
                r[k] -= t * ap[k];
            }
            float rsNew = Kernels.dot(r, r);
            float beta = rsNew / rs;
            for (int k = 0; k < d; k++) {
                p[k] = r[k] + beta * p[k];
            }
            rs = rsNew;
        }
    }

    /**
     * Solves the row's system exactly (Cholesky in double precision) and writes the solution to {@code x}.
     *
     * @return false if the system is not positive definite ({@code x} is then unchanged)
     */
    boolean exact(float[] x, float[][] fixed, float[][] gram, int[] cols, float[] values, int start, int end,
                  float alpha) {
        if (a == null) {
            a = new double[d * d];
            b = new double[d];
        }
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                a[k * d + l] = gram[k][l];
            }
        }
        Arrays.fill(b, 0);
        for (int q = start; q < end; q++) {
            float[] y = fixed[cols[q]];
            double c1 = (double) alpha * values[q];
            for (int k = 0; k < d; k++) {
                double yk = y[k];
                b[k] += (1 + c1) * yk;
                double s = c1 * yk;
                if (s != 0) {
                    for (int l = 0; l <= k; l++) {
                        a[k * d + l] += s * y[l];
                    }
                }
            }
        }
        if (!Cholesky.solveInPlace(a, b, d)) {
            return false;
        }
        for (int k = 0; k < d; k++) {
            x[k] = (float) b[k];
        }
        return true;
    }

    private void ensure(int n) {
        if (z.length < Kernels.padded(n)) {
            int room = Kernels.padded(n);
            z = new float[room];
            w = new float[room];
            cw = new float[room];
        }
    }
}
