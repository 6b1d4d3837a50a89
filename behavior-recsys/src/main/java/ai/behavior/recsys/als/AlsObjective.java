package ai.behavior.recsys.als;

/**
 * The implicit-ALS objective, evaluated without visiting the unobserved pairs:
 * <pre>
 *   sum_{u,i} c_ui (p_ui - x_u.y_i)^2 + lambda (|X|^2 + |Y|^2)
 *     = sum_u [ x_u^T (Y^T Y + lambda I) x_u + sum_{i in u} (c_ui (1 - s_ui)^2 - s_ui^2) ] + lambda |Y|^2
 * </pre>
 * with {@code s_ui = x_u.y_i}, {@code p_ui = 1} and {@code c_ui = 1 + alpha r_ui} for stored pairs,
 * {@code p_ui = 0} and {@code c_ui = 1} otherwise. One pass over the stored pairs plus a {@code d x d} product
 * per user.
 *
 * <pre>{@code
 * double objective = AlsObjective.of(users, x, y, gramY, alpha, lambda, pool);
 * }</pre>
 */
final class AlsObjective {
    private static final int GRAIN = 256;

    private AlsObjective() {
    }

    /** The objective; {@code gram} is {@code Y^T Y + lambda I}. Summed in fixed chunks (thread-count independent). */
    static double of(Csr users, float[][] x, float[][] y, float[][] gram, float alpha, double lambda,
                     ParallelRows pool) {
        int d = gram.length;
        int n = users.numRows();
        double[] parts = new double[ParallelRows.chunks(n, GRAIN)];
        int room = Kernels.padded(Math.max(1, users.maxRowLength()));
        float[][] dots = new float[pool.threads()][room];
        float[][] gx = new float[pool.threads()][d];
        float[] zero = new float[d];
        int[] offsets = users.offsets();
        float[] values = users.values();
        pool.forEach(n, GRAIN, (worker, from, to) -> {
            double sum = 0;
            float[] s = dots[worker];
            float[] g = gx[worker];
            for (int u = from; u < to; u++) {
                int start = offsets[u];
                int len = offsets[u + 1] - start;
                if (len == 0) {
                    continue;
                }
                Kernels.symmetricTimes(gram, x[u], g, zero);
                sum += Kernels.dot(x[u], g);
                Kernels.dots(y, users.cols(), start, len, x[u], s, zero);
                for (int j = 0; j < len; j++) {
                    double c = 1.0 + (double) alpha * values[start + j];
                    double e = 1.0 - s[j];
                    sum += c * e * e - (double) s[j] * s[j];
                }
            }
            parts[from / GRAIN] = sum;
        });
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        double items = 0;
        for (float[] row : y) {
            items += Kernels.dot(row, row);
        }
        return total + lambda * items;
    }
}
