package ai.behavior.recsys.mf;

/**
 * Solves a small dense symmetric positive-definite system {@code A x = b} in place by Cholesky
 * factorisation: the normal equations of one ALS least-squares step.
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Overwrites {@code b} with the solution of {@code A x = b}. {@code a} is {@code n x n} row-major; only its
     * lower triangle (diagonal included) is read, and it is overwritten with the factor {@code L}.
     *
     * @throws ArithmeticException if {@code A} is not (numerically) positive definite
     */
    static void solve(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int m = 0; m < j; m++) {
                d -= a[rj + m] * a[rj + m];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + j + " = " + d + ")");
            }
            double l = Math.sqrt(d);
            a[rj + j] = l;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int m = 0; m < j; m++) {
                    s -= a[ri + m] * a[rj + m];
                }
                a[ri + j] = s / l;
            }
        }
        for (int i = 0; i < n; i++) { // L y = b
            int ri = i * n;
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= a[ri + m] * b[m];
            }
            b[i] = s / a[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) { // L^T x = y
            double s = b[i];
            for (int m = i + 1; m < n; m++) {
                s -= a[m * n + i] * b[m];
            }
            b[i] = s / a[i * n + i];
        }
    }
}
