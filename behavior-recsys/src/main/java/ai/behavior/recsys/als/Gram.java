package ai.behavior.recsys.als;

/**
 * The regularised Gram matrix {@code F^T F + lambda I} of a factor matrix held as rows: the dense part of
 * every least-squares system of an ALS half-step, computed once per half-step.
 *
 * <pre>{@code
 * float[][] g = Gram.of(itemRows, factors, lambda, pool);   // d x d, symmetric
 * }</pre>
 *
 * <p>Rows are summed in fixed chunks whose partial sums are added in chunk order in double precision, so the
 * result is the same on any number of threads Only the lower triangle is summed and then mirrored (the
 * upper one would repeat the same products in the same order).
 */
final class Gram {
    private static final int GRAIN = 512;

    private Gram() {
    }

    /** {@code sum_r rows[r] rows[r]^T + lambda I}, as {@code d} rows of length {@code d}. */
    static float[][] of(float[][] rows, int d, double lambda, ParallelRows pool) {
        int n = rows.length;
        float[][][] parts = new float[ParallelRows.chunks(n, GRAIN)][][];
        float[] zero = new float[d];
        pool.forEach(n, GRAIN, (worker, from, to) -> {
            float[][] g = new float[d][d];
            int r = from;
            // only the lower triangle, g[k][0..k]: the matrix is symmetric (mirrored below)
            for (; r + 4 <= to; r += 4) {
                float[] a = rows[r];
                float[] b = rows[r + 1];
                float[] c = rows[r + 2];
                float[] e = rows[r + 3];
                for (int k = 0; k < d; k++) {
                    Kernels.add4(a[k], a, b[k], b, c[k], c, e[k], e, g[k], k + 1);
                }
            }
            for (; r < to; r++) {
                float[] a = rows[r];
                for (int k = 0; k < d; k++) {
                    Kernels.add4(a[k], a, 0f, zero, 0f, zero, 0f, zero, g[k], k + 1);
                }
            }
            parts[from / GRAIN] = g;
        });
        double[] sum = new double[d * d];
        for (float[][] g : parts) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l <= k; l++) {
                    sum[k * d + l] += g[k][l];
                }
            }
        }
        float[][] out = new float[d][d];
        for (int k = 0; k < d; k++) {
            for (int l = 0; l <= k; l++) {
                float v = (float) (sum[k * d + l] + (k == l ? lambda : 0));
                out[k][l] = v;
                out[l][k] = v;
            }
        }
        return out;
    }
}
