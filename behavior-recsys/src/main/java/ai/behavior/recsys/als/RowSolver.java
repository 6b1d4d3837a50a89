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
 * double term = s.conjugateGradient(x, fixedRows, gram, csr.cols(), csr.values(), start, end, alpha, 3, true);
 * }</pre>
 *
 * <p>{@link #conjugateGradient} takes a few conjugate-gradient steps starting from the row's current factors
 * (warm start), as the {@code implicit} library does: each step costs one pass over the row's entries plus a
 * {@code d x d} product with the precomputed Gram matrix, instead of the {@code O(n d^2 + d^3)} of building
 * and factorising the system. {@link #exact} does the latter, in double precision (reference and fold-in).
 * One solver per thread: it owns scratch buffers.
 *
 * <p>Where the time goes, and what is done about it: the passes over the entries are dot products
 * {@code y_j . v} and sums {@code sum_j w_j y_j}. The dot products of the later passes run on a factor-major
 * copy of the entries made by the first pass ({@link Kernels#dotGroup}, {@link Kernels#columnDots}), which
 * vectorises; the first pass adds each group of eight entries to the residual while they are in the L1 cache;
 * and the last step, which only moves {@code x}, gets {@code p . A p} from the dot products
 * ({@code p.(Y^T Y + lambda I)p + sum_j (c_j - 1)(y_j.p)^2}) instead of forming {@code A p}, so it skips a sum
 * pass. The result is the same conjugate-gradient iterate up to float rounding.
 */
final class RowSolver {
    private static final float RESIDUAL_FLOOR = 1e-20f;
    /** Floats of the factor-major copy of a row's entries; longer rows take the (slower) row-major dots. */
    private static final int GATHER_BUDGET = 1 << 21;

    private final int d;
    private final float[] zero;
    private final float[] r;
    private final float[] p;
    private final float[] ap;
    private float[] z;
    private float[] w;
    private float[] cw;
    private final int gatherLimit;
    private float[][] columns;
    private double[] a;
    private double[] b;

    /** Scratch for rows of up to {@code maxRowLength} entries with {@code d} factors. */
    RowSolver(int d, int maxRowLength) {
        this(d, maxRowLength, Math.max(8, GATHER_BUDGET / d));
    }

    /**
     * As {@link #RowSolver(int, int)}, copying rows of up to {@code gatherLimit} entries (rounded down to a
     * multiple of 8, at least 8) factor-major; longer rows take row-major dot products (same bits, slower).
     */
    RowSolver(int d, int maxRowLength, int gatherLimit) {
        this.d = d;
        this.zero = new float[d];
        this.r = new float[d];
        this.p = new float[d];
        this.ap = new float[d];
        int room = Kernels.padded(Math.max(1, maxRowLength));
        this.z = new float[room];
        this.w = new float[room];
        this.cw = new float[room];
        this.gatherLimit = Math.max(8, gatherLimit & ~7);
        this.columns = new float[d][Math.min(room, this.gatherLimit)];
    }

    /**
     * Improves {@code x} in place by up to {@code steps} conjugate-gradient steps on the system of the row
     * whose entries are {@code cols/values[start, end)}; {@code gram} is {@code Y^T Y + lambda I}.
     *
     * @param objective whether to return the objective term (else 0)
     * @return the row's term of the objective at the incoming {@code x} ({@link AlsObjective#userTerm}): its
     *         starting residual needs the same products, so it comes almost free
     */
    double conjugateGradient(float[] x, float[][] fixed, float[][] gram, int[] cols, float[] values, int start,
                             int end, float alpha, int steps, boolean objective) {
        int n = end - start;
        ensure(n);
        // every step needs the dot products of the row's entries with one vector: the first pass also copies
        // the entries factor-major, so that the later products vectorise (same bits as Kernels.dots)
        boolean gathered = n <= gatherLimit;
        float[][] gather = gathered ? columns : null;
        // r = b - A x = sum_j (c_j - (c_j - 1) y_j.x) y_j - (Y^T Y + lambda I) x, eight entries at a time so
        // that each group is added while it is still in the L1 cache (the same sums as one addRows pass)
        Kernels.symmetricTimes(gram, x, r, zero);
        float xGx = Kernels.dot(x, r);
        for (int k = 0; k < d; k++) {
            r[k] = -r[k];
        }
        for (int j = 0; j < n; j += 8) {
            Kernels.dotGroup(fixed, cols, start, n, j, x, z, zero, gather);
            int to = Math.min(n, j + 8);
            for (int q = j; q < to; q++) {
                float c1 = alpha * values[start + q];
                cw[q] = c1;
                w[q] = (1f + c1) - c1 * z[q];
            }
            Kernels.addRows(fixed, cols, start, j, to, w, r, zero);
        }
        double term = objective ? AlsObjective.userTerm(xGx, z, values, start, n, alpha) : 0;
        System.arraycopy(r, 0, p, 0, d);
        float rs = Kernels.dot(r, r);
        for (int step = 0; step < steps && rs >= RESIDUAL_FLOOR; step++) {
            // ap = A p = (Y^T Y + lambda I) p + sum_j (c_j - 1) (y_j.p) y_j
            Kernels.symmetricTimes(gram, p, ap, zero);
            dots(gathered, fixed, cols, start, n, p);
            float pap;
            boolean last = step == steps - 1;
            if (last) {
                // the last step only moves x, so it needs p.Ap but not Ap itself:
                // p.Ap = p.(Y^T Y + lambda I)p + sum_j (c_j - 1) (y_j.p)^2, without a pass adding rows
                pap = (float) (Kernels.dot(p, ap) + weightedSquares(n));
            } else {
                for (int j = 0; j < n; j++) {
                    w[j] = cw[j] * z[j];
                }
                Kernels.addRows(fixed, cols, start, n, w, ap, zero);
                pap = Kernels.dot(p, ap);
            }
            if (!(pap > 0)) {
                break;
            }
            float t = rs / pap;
            if (last) {
                for (int k = 0; k < d; k++) {
                    x[k] += t * p[k];
                }
                break;
            }
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
        return term;
    }

    /** {@code sum_j cw[j] z[j]^2} for {@code j < n}, in double with four partial sums (a serial sum is slow). */
    private double weightedSquares(int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            s0 += (double) cw[j] * z[j] * z[j];
            s1 += (double) cw[j + 1] * z[j + 1] * z[j + 1];
            s2 += (double) cw[j + 2] * z[j + 2] * z[j + 2];
            s3 += (double) cw[j + 3] * z[j + 3] * z[j + 3];
        }
        for (; j < n; j++) {
            s0 += (double) cw[j] * z[j] * z[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code z[j] = y_j . v} for the row's entries, from the gathered copy when there is one. */
    private void dots(boolean gathered, float[][] fixed, int[] cols, int start, int n, float[] v) {
        if (gathered) {
            Kernels.columnDots(columns, n, v, z);
        } else {
            Kernels.dots(fixed, cols, start, n, v, z, zero);
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
        if (n <= gatherLimit && columns[0].length < n) {
            columns = new float[d][Math.min(Kernels.padded(n), gatherLimit)];
        }
    }
}
