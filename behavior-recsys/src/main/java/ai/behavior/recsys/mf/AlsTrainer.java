package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.UserItemMatrix;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link BiasedMf} by alternating exact least-squares solves of (bias, factors) per user and per item;
 * the objective is documented on {@link BiasedMf#fitAls}.
 */
final class AlsTrainer {
    private AlsTrainer() {
    }

    static BiasedMf fit(Interactions train, AlsOptions o) {
        RatingData data = RatingData.training(train, o.ratingScale());
        RatingData valid = o.earlyStopping() == null ? null
                : RatingData.validation(o.earlyStopping().validation(), train, o.ratingScale());
        RatingRange clip = data.clipRange(o);
        UserItemMatrix byUser = data.byUser;
        UserItemMatrix byItem = byUser.transpose();
        Parameters w = new Parameters(byUser.numRows(), byUser.numCols(), o.factors(), data.mean);
        Parameters.gaussian(w.q, 0.0, o.initStdDev(), new SplittableRandom(o.seed()));
        w.zeroUnseen(data.userCount, data.itemCount);

        EpochMonitor monitor = new EpochMonitor("biased-mf als", o, data, valid, clip);
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            solveSide(byUser, w.bu, w.p, w.bi, w.q, w.mean, w.k, o);
            solveSide(byItem, w.bi, w.q, w.bu, w.p, w.mean, w.k, o);
            double objective = objective(w, data, o) / data.size();
            if (monitor.afterEpoch(epoch, w, Map.of("objective", objective))) {
                break;
            }
        }
        return BiasedMf.of(train.users(), train.items(), monitor.result(w), data, clip, o, monitor.keptEpoch());
    }

    /**
     * For every row r of {@code rows} with ratings, sets (ownBias[r], ownFactors[r]) to the exact minimiser of
     * {@code sum_c (v_rc - mean - otherBias[c] - b - x . otherFactors[c])^2 + s (biasReg b^2 + reg |x|^2)}, where
     * {@code s} is the row's rating count under weighted regularisation and 1 otherwise.
     */
    static void solveSide(UserItemMatrix rows, double[] ownBias, double[] ownFactors, double[] otherBias,
                          double[] otherFactors, double mean, int k, AlsOptions o) {
        int d = k + 1;
        double[] a = new double[d * d];
        double[] b = new double[d];
        double[] x = new double[d];
        x[0] = 1.0;
        for (int r = 0; r < rows.numRows(); r++) {
            int n = rows.rowLength(r);
            if (n == 0) {
                continue;
            }
            Arrays.fill(a, 0.0);
            Arrays.fill(b, 0.0);
            for (int e = rows.rowStart(r); e < rows.rowEnd(r); e++) {
                int c = rows.col(e);
                System.arraycopy(otherFactors, c * k, x, 1, k);
                double t = rows.value(e) - mean - otherBias[c];
                for (int i = 0; i < d; i++) {
                    double xi = x[i];
                    b[i] += t * xi;
                    int ri = i * d;
                    for (int j = 0; j <= i; j++) {
                        a[ri + j] += xi * x[j];
                    }
                }
            }
            double scale = o.weightedRegularization() ? n : 1.0;
            a[0] += o.biasRegularization() * scale;
            for (int f = 1; f < d; f++) {
                a[f * d + f] += o.regularization() * scale;
            }
            Cholesky.solve(a, b, d);
            ownBias[r] = b[0];
            System.arraycopy(b, 1, ownFactors, r * k, k);
        }
    }

    /** The regularised squared error the alternating solves minimise (see {@link BiasedMf#fitAls}). */
    static double objective(Parameters w, RatingData data, AlsOptions o) {
        UserItemMatrix m = data.byUser;
        double sse = 0;
        for (int u = 0; u < m.numRows(); u++) {
            for (int e = m.rowStart(u); e < m.rowEnd(u); e++) {
                double err = m.value(e) - w.predict(u, m.col(e));
                sse += err * err;
            }
        }
        return sse + penalty(w.bu, w.p, data.userCount, w.k, o) + penalty(w.bi, w.q, data.itemCount, w.k, o);
    }

    private static double penalty(double[] bias, double[] factors, int[] counts, int k, AlsOptions o) {
        double sum = 0;
        for (int r = 0; r < bias.length; r++) {
            if (counts[r] == 0) {
                continue;
            }
            double norm = 0;
            for (int f = r * k; f < r * k + k; f++) {
                norm += factors[f] * factors[f];
            }
            double scale = o.weightedRegularization() ? counts[r] : 1.0;
            sum += scale * (o.biasRegularization() * bias[r] * bias[r] + o.regularization() * norm);
        }
        return sum;
    }
}
