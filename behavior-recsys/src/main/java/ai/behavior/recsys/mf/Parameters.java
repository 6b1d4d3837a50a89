package ai.behavior.recsys.mf;

import ai.behavior.recsys.UserItemMatrix;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mutable parameters of a model while it trains, in double precision: the global mean (fixed), user and
 * item biases and row-major factor matrices ({@code p[u * k + f]}, {@code q[i * k + f]}).
 */
final class Parameters {
    final int numUsers;
    final int numItems;
    final int k;
    final double mean;
    final double[] bu;
    final double[] bi;
    final double[] p;
    final double[] q;

    Parameters(int numUsers, int numItems, int k, double mean) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.k = k;
        this.mean = mean;
        this.bu = new double[numUsers];
        this.bi = new double[numItems];
        this.p = new double[numUsers * k];
        this.q = new double[numItems * k];
    }

    private Parameters(Parameters o) {
        this.numUsers = o.numUsers;
        this.numItems = o.numItems;
        this.k = o.k;
        this.mean = o.mean;
        this.bu = o.bu.clone();
        this.bi = o.bi.clone();
        this.p = o.p.clone();
        this.q = o.q.clone();
    }

    /** A deep copy (a snapshot for early stopping). */
    Parameters copy() {
        return new Parameters(this);
    }

    /** Fills {@code a} with N({@code mean}, {@code sd}²) draws in index order. */
    static void gaussian(double[] a, double mean, double sd, SplittableRandom random) {
        for (int j = 0; j < a.length; j++) {
            a[j] = mean + sd * random.nextGaussian();
        }
    }

    /** Zeroes the biases and factors of users and items with no training rating, so they fall back cleanly. */
    void zeroUnseen(int[] userCount, int[] itemCount) {
        for (int u = 0; u < numUsers; u++) {
            if (userCount[u] == 0) {
                bu[u] = 0;
                Arrays.fill(p, u * k, u * k + k, 0.0);
            }
        }
        for (int i = 0; i < numItems; i++) {
            if (itemCount[i] == 0) {
                bi[i] = 0;
                Arrays.fill(q, i * k, i * k + k, 0.0);
            }
        }
    }

    /** The unclipped prediction {@code mean + bu + bi + p_u . q_i}. */
    double predict(int u, int i) {
        double s = mean + bu[u] + bi[i];
        int pu = u * k;
        int qi = i * k;
        for (int f = 0; f < k; f++) {
            s += p[pu + f] * q[qi + f];
        }
        return s;
    }

    /** RMSE over every rating of {@code data} of the predictions clipped to {@code clip}. */
    double rmse(UserItemMatrix data, RatingRange clip) {
        double sse = 0;
        for (int u = 0; u < data.numRows(); u++) {
            for (int x = data.rowStart(u); x < data.rowEnd(u); x++) {
                double e = data.value(x) - clip.clip(predict(u, data.col(x)));
                sse += e * e;
            }
        }
        return Math.sqrt(sse / data.nnz());
    }
}
