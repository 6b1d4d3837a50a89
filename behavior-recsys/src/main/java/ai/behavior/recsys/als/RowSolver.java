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
 * {@code y_j . v} and sums {@code sum_j w_j y_j}, and each step multiplies by the Gram matrix; both are done
 * by a {@link RowPasses} (scalar kernels, or Vector API ones that fuse each step's dot products and sum into
 * one pass). The last step, which only moves {@code x}, gets {@code p . A p} from the dot products
 * ({@code p.(Y^T Y + lambda I)p + sum_j (c_j - 1)(y_j.p)^2}) instead of forming {@code A p}, so it skips a sum
 * pass. The result is the same conjugate-gradient iterate up to float rounding.
 */
final class RowSolver {
    private static final float RESIDUAL_FLOOR = 1e-20f;

    private final int d;
    private final RowPasses passes;
    private final float[] r;
    private final float[] p;
    private final float[] ap;
    private float[] z;
    private float[] cw;
    private double[] a;
    private double[] b;

    /**
     * Scratch for rows of up to {@code maxRowLength} entries with {@code d} factors; the kernels are
     * {@link RowPasses#create}'s.
     */
    RowSolver(int d, int maxRowLength) {
        this(d, maxRowLength, RowPasses.create(d, maxRowLength));
    }

    /**
     * Scalar kernels, copying rows of up to {@code gatherLimit} entries factor-major
     * ({@link ScalarRowPasses#ScalarRowPasses(int, int, int)}).
     */
    RowSolver(int d, int maxRowLength, int gatherLimit) {
        this(d, maxRowLength, new ScalarRowPasses(d, maxRowLength, gatherLimit));
    }

    /** As {@link #RowSolver(int, int)} with the given kernels (used by this solver only). */
    RowSolver(int d, int maxRowLength, RowPasses passes) {
        this.d = d;
        this.passes = passes;
        this.r = new float[d];
        this.p = new float[d];
        this.ap = new float[d];
        int room = RowPasses.room(Math.max(1, maxRowLength));
        this.z = new float[room];
        this.cw = new float[room];
    }

    /** The kernels this solver runs (also for {@link AlsObjective#of}, so both take the same dot products). */
    RowPasses passes() {
        return passes;
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
        // r = b - A x = sum_j (c_j - (c_j - 1) y_j.x) y_j - (Y^T Y + lambda I) x
        passes.gramTimes(gram, x, r);
        float xGx = Kernels.dot(x, r);
        for (int k = 0; k < d; k++) {
            r[k] = -r[k];
        }
        passes.residual(fixed, cols, values, start, n, alpha, x, z, cw, r);
        double term = objective ? AlsObjective.userTerm(xGx, z, values, start, n, alpha) : 0;
        System.arraycopy(r, 0, p, 0, d);
        float rs = Kernels.dot(r, r);
        for (int step = 0; step < steps && rs >= RESIDUAL_FLOOR; step++) {
            // ap = A p = (Y^T Y + lambda I) p + sum_j (c_j - 1) (y_j.p) y_j
            passes.gramTimes(gram, p, ap);
            float pap;
            boolean last = step == steps - 1;
            if (last) {
                // the last step only moves x, so it needs p.Ap but not Ap itself:
                // p.Ap = p.(Y^T Y + lambda I)p + sum_j (c_j - 1) (y_j.p)^2, without a pass adding rows
                passes.stepDots(fixed, cols, start, n, p, z);
                pap = (float) (Kernels.dot(p, ap) + weightedSquares(n));
            } else {
                passes.step(fixed, cols, start, n, p, cw, z, ap);
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
        if (z.length < RowPasses.room(n)) {
            int room = RowPasses.room(n);
            z = new float[room];
            cw = new float[room];
        }
    }
}
