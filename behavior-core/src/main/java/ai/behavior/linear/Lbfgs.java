package ai.behavior.linear;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4 and 7.5) with a backtracking Armijo line search:
 * minimises a smooth convex function given its value and gradient. Small enough to own, and it keeps the
 * logistic baseline free of a solver dependency.
 */
final class Lbfgs {
    /** Value and gradient of the objective at {@code w} (gradient written into {@code grad}). */
    interface Objective {
        double evaluate(double[] w, double[] grad);
    }

    /** Outcome of a minimisation. */
    record Result(int iterations, double value, double gradientNorm, boolean converged) {
    }

    private Lbfgs() {
    }

    static Result minimize(Objective f, double[] w, int memory, int maxIterations, double tolerance) {
        int d = w.length;
        double[][] s = new double[memory][d];
        double[][] y = new double[memory][d];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] g = new double[d];
        double[] gNew = new double[d];
        double[] dir = new double[d];
        double[] wNew = new double[d];
        double fx = f.evaluate(w, g);
        int stored = 0;
        int head = 0;
        for (int it = 0; it < maxIterations; it++) {
            double gNorm = norm(g);
            if (gNorm <= tolerance * Math.max(1, norm(w))) {
                return new Result(it, fx, gNorm, true);
            }
            // two-loop recursion: dir = -H g
            System.arraycopy(g, 0, dir, 0, d);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(head - 1 - k, memory);
                alpha[i] = rho[i] * dot(s[i], dir);
                axpy(-alpha[i], y[i], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(dir, gamma);
            } else {
                scale(dir, 1 / Math.max(1, gNorm));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(head - 1 - k, memory);
                double beta = rho[i] * dot(y[i], dir);
                axpy(alpha[i] - beta, s[i], dir);
            }
            scale(dir, -1);
            double slope = dot(g, dir);
            if (slope >= 0) {   // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, dir, 0, d);
                scale(dir, -1 / Math.max(1, gNorm));
                slope = dot(g, dir);
            }
            double step = 1;
            double fNew;
            while (true) {
                for (int j = 0; j < d; j++) {
                    wNew[j] = w[j] + step * dir[j];
                }
                fNew = f.evaluate(wNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step *= 0.5;
            }
            if (step < 1e-12) {
                return new Result(it, fx, gNorm, false);
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int j = 0; j < d; j++) {
                sk[j] = wNew[j] - w[j];
                yk[j] = gNew[j] - g[j];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(wNew, 0, w, 0, d);
            System.arraycopy(gNew, 0, g, 0, d);
            double change = Math.abs(fx - fNew);
            fx = fNew;
            if (change <= 1e-12 * Math.max(1, Math.abs(fx))) {
                return new Result(it + 1, fx, norm(g), true);
            }
        }
        return new Result(maxIterations, fx, norm(g), false);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
