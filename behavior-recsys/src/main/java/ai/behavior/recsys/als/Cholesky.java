package ai.behavior.recsys.als;

/**
 * Solves a small dense symmetric positive-definite system {@code A x = b} in double precision by Cholesky
 * factorisation: the exact least-squares step of ALS ({@code cgSteps = 0}) and of fold-in.
 *
 * <pre>{@code
 * double[] a = ...;  // d x d, row-major, overwritten by the factor
 * boolean ok = Cholesky.solveInPlace(a, b, d);   // b becomes x
 * }</pre>
 */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Factorises {@code a} (row-major {@code d x d}, only the lower triangle is read) in place and overwrites
     * {@code b} with the solution.
     *
     * @return false if {@code a} is not positive definite (a non-positive pivot); {@code b} is then undefined
     */
    static boolean solveInPlace(double[] a, double[] b, int d) {
        for (int j = 0; j < d; j++) {
            double diag = a[j * d + j];
            for (int k = 0; k < j; k++) {
                diag -= a[j * d + k] * a[j * d + k];
            }
            if (!(diag > 0)) {
                return false;
            }
            double l = Math.sqrt(diag);
            a[j * d + j] = l;
            for (int i = j + 1; i < d; i++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = s / l;
            }
        }
        for (int i = 0; i < d; i++) { // L y = b
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * d + k] * b[k];
            }
            b[i] = s / a[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) { // L^T x = y
            double s = b[i];
            for (int k = i + 1; k < d; k++) {
                s -= a[k * d + i] * b[k];
            }
            b[i] = s / a[i * d + i];
        }
        return true;
    }
}
