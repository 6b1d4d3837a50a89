package ai.behavior.recsys.als;

/**
 * The fold-in solve of {@link ImplicitAls#foldIn(int[], float[])}: a new user's factors from one exact
 * least-squares solve against fixed item factors,
 * {@code (Y^T Y + lambda I + sum_i alpha v_i y_i y_i^T) x = sum_i (1 + alpha v_i) y_i}, in double precision.
 *
 * <pre>{@code
 * double[] g = FoldIn.gram(factors);
 * float[] x = FoldIn.solve(factors, g, lambda, alpha, items, values);
 * }</pre>
 */
final class FoldIn {
    private FoldIn() {
    }

    /** {@code Y^T Y} of the item factors, row-major {@code d x d}, in double precision. */
    static double[] gram(LatentFactors f) {
        int d = f.factors();
        float[] y = f.itemRows();
        double[] g = new double[d * d];
        for (int i = 0; i < f.numItems(); i++) {
            int o = i * d;
            for (int k = 0; k < d; k++) {
                double yk = y[o + k];
                if (yk != 0) {
                    for (int l = 0; l <= k; l++) {
                        g[k * d + l] += yk * y[o + l];
                    }
                }
            }
        }
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < k; l++) {
                g[l * d + k] = g[k * d + l];
            }
        }
        return g;
    }

    /** The user's factors given distinct {@code items} and their {@code values} ({@code values} may be longer). */
    static float[] solve(LatentFactors f, double[] gram, double lambda, double alpha, int[] items, float[] values) {
        int d = f.factors();
        double[] a = gram.clone();
        double[] b = new double[d];
        for (int k = 0; k < d; k++) {
            a[k * d + k] += lambda;
        }
        for (int j = 0; j < items.length; j++) {
            float[] y = f.itemVector(items[j]);
            double c1 = alpha * values[j];
            for (int k = 0; k < d; k++) {
                b[k] += (1 + c1) * y[k];
                for (int l = 0; l <= k; l++) {
                    a[k * d + l] += c1 * y[k] * y[l];
                }
            }
        }
        if (!Cholesky.solveInPlace(a, b, d)) {
            throw new IllegalStateException("the fold-in system is not positive definite");
        }
        float[] x = new float[d];
        for (int k = 0; k < d; k++) {
            x[k] = (float) b[k];
        }
        return x;
    }
}
