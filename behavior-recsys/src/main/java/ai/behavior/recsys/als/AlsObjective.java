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
 * double objective = AlsObjective.of(users, x, y, gramY, alpha, lambda, pool, solvers);
 * }</pre>
 *
 * <p>The bracket is one term per user ({@link #userTerm}); the user half-step of the next iteration computes
 * the same {@code x_u^T (Y^T Y + lambda I) x_u} and {@code s_ui} as its starting residual, so the trainer takes
 * the terms from there ({@link RowSolver#conjugateGradient}) instead of making this extra pass. Terms are
 * summed in user order ({@link #total}), so both ways give the same bits on any number of threads.
 */
final class AlsObjective {
    private static final int GRAIN = 256;

    private AlsObjective() {
    }

    /** The objective; {@code gram} is {@code Y^T Y + lambda I}. Summed in user order (thread-count independent). */
    static double of(Csr users, float[][] x, float[][] y, float[][] gram, float alpha, double lambda,
                     ParallelRows pool, RowSolver[] solvers) {
        int d = gram.length;
        int n = users.numRows();
        double[] terms = new double[n];
        int room = RowPasses.room(Math.max(1, users.maxRowLength()));
        float[][] dots = new float[pool.threads()][room];
        float[][] gx = new float[pool.threads()][d];
        int[] offsets = users.offsets();
        float[] values = users.values();
        pool.forEach(n, GRAIN, (worker, from, to) -> {
            float[] s = dots[worker];
            float[] g = gx[worker];
            for (int u = from; u < to; u++) {
                int start = offsets[u];
                int len = offsets[u + 1] - start;
                if (len == 0) {
                    terms[u] = 0;
                    continue;
                }
                solvers[worker].passes().gramTimes(gram, x[u], g);
                solvers[worker].passes().dots(y, users.cols(), start, len, x[u], s);
                terms[u] = userTerm(Kernels.dot(x[u], g), s, values, start, len, alpha);
            }
        });
        return total(terms, y, lambda);
    }

    /**
     * One user's bracket: {@code xGx + sum_j (c_j (1 - s_j)^2 - s_j^2)} with {@code xGx = x.(Y^T Y + lambda I) x},
     * {@code s_j = dots[j]} and {@code c_j = 1 + alpha * values[start + j]}, {@code j < n}.
     */
    static double userTerm(float xGx, float[] dots, float[] values, int start, int n, float alpha) {
        // four partial sums: one serial chain of double additions would be the slowest part of this pass
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            s0 += pairTerm(dots[j], values[start + j], alpha);
            s1 += pairTerm(dots[j + 1], values[start + j + 1], alpha);
            s2 += pairTerm(dots[j + 2], values[start + j + 2], alpha);
            s3 += pairTerm(dots[j + 3], values[start + j + 3], alpha);
        }
        for (; j < n; j++) {
            s0 += pairTerm(dots[j], values[start + j], alpha);
        }
        return xGx + ((s0 + s1) + (s2 + s3));
    }

    /** {@code c (1 - s)^2 - s^2} of a stored pair with dot product {@code s} and value {@code v}. */
    private static double pairTerm(float s, float v, float alpha) {
        double c = 1.0 + (double) alpha * v;
        double e = 1.0 - s;
        return c * e * e - (double) s * s;
    }

    /** The objective from every user's term (users without entries: 0), adding {@code lambda |Y|^2}. */
    static double total(double[] terms, float[][] y, double lambda) {
        double total = 0;
        for (double t : terms) {
            total += t;
        }
        double items = 0;
        for (float[] row : y) {
            items += Kernels.dot(row, row);
        }
        return total + lambda * items;
    }
}
