package ai.behavior.recsys.bpr;

import java.util.SplittableRandom;

/**
 * One thread's share of a BPR epoch: draws (user, positive, negative) triples and applies stochastic
 * gradient steps to the shared factor rows without locks (Hogwild, Niu et al. 2011). Each worker has its own
 * random stream, so with one worker an epoch is exactly reproducible; with several, workers may overwrite
 * each other's concurrent updates of the same row (a popular item, say), and the interleaving varies from run
 * to run.
 *
 * <pre>{@code
 * HogwildWorker w = new HogwildWorker(data, users, items, bias, lr, reg);
 * w.run(samples, new SplittableRandom(seed));   // then w.loss(), w.correct(), w.skipped()
 * }</pre>
 *
 * <p>Sampling: a stored (user, item) pair uniformly at random (so users weigh by activity, as in the BPR
 * paper's uniform draw over positive pairs), then a negative item uniformly over the catalogue, redrawn up to
 * {@value #NEGATIVE_TRIES} times while the user has interacted with it; if every try hits a positive, the
 * sample is skipped and counted.
 */
final class HogwildWorker {
    /** Draws of a negative item before a sample is skipped. */
    static final int NEGATIVE_TRIES = 16;
    /** Triples drawn (and their rows touched) before they are applied in order. */
    private static final int BATCH = 32;

    private final BprData data;
    private final float[][] users;
    private final float[][] items;
    private final float[] bias;
    private final float lr;
    private final float reg;
    private double loss;
    private long correct;
    private long used;
    private long skipped;
    @SuppressWarnings("unused")
    private float sink; // keeps the prefetching reads alive

    HogwildWorker(BprData data, float[][] users, float[][] items, float[] bias, float lr, float reg) {
        this.data = data;
        this.users = users;
        this.items = items;
        this.bias = bias;
        this.lr = lr;
        this.reg = reg;
    }

    /**
     * Runs {@code samples} updates drawn from {@code random}, in batches: the batch's positive pairs and first
     * negative candidates are drawn, then the pairs, the membership bits and the factor rows are read ahead
     * ("touched") so that their cache misses overlap; finally the triples are applied in draw order. The
     * reads ahead change no value, so the result is that of applying the triples one by one.
     */
    void run(long samples, SplittableRandom random) {
        int nnz = data.nnz();
        int numItems = data.numItems();
        int[] pairs = data.pairs();
        PositivePairs seen = data.seen();
        int[] bp = new int[BATCH];
        int[] bc = new int[BATCH];
        double lossSum = 0;
        long ok = 0;
        long skip = 0;
        float touched = 0;
        for (long s = 0; s < samples; ) {
            int n = (int) Math.min(BATCH, samples - s);
            s += n;
            for (int q = 0; q < n; q++) {
                int p = random.nextInt(nnz);
                bp[q] = p;
                bc[q] = random.nextInt(numItems);
                touched += pairs[2 * p];
            }
            for (int q = 0; q < n; q++) {
                int u = pairs[2 * bp[q]];
                touched += seen.touch(u, bc[q]) + touch(users[u]) + touch(items[pairs[2 * bp[q] + 1]])
                        + touch(items[bc[q]]);
            }
            for (int q = 0; q < n; q++) {
                int u = pairs[2 * bp[q]];
                int i = pairs[2 * bp[q] + 1];
                int j = bc[q];
                for (int t = 1; j >= 0 && seen.contains(u, j); t++) { // a positive: redraw
                    j = t < NEGATIVE_TRIES ? random.nextInt(numItems) : -1;
                }
                if (j < 0) {
                    skip++;
                    continue;
                }
                float[] xu = users[u];
                float[] yi = items[i];
                float[] yj = items[j];
                float x = differenceDot(xu, yi, yj) + bias[i] - bias[j];
                // z = sigma(-x) = d(-ln sigma(x)) / d(-x); loss = ln(1 + e^-x), both computed stably
                double e = Math.exp(-Math.abs((double) x));
                float z = (float) (x >= 0 ? e / (1 + e) : 1 / (1 + e));
                lossSum += Math.log(1 + e) + Math.max(-x, 0);
                if (x > 0) {
                    ok++;
                }
                step(xu, yi, yj, z, lr, reg);
                bias[i] += lr * (z - reg * bias[i]);
                bias[j] += lr * (-z - reg * bias[j]);
            }
        }
        loss += lossSum;
        correct += ok;
        used += samples - skip;
        skipped += skip;
        sink = touched;
    }

    /** Reads one value per cache line of {@code row} (a software prefetch). */
    private static float touch(float[] row) {
        float t = 0;
        for (int k = 0; k < row.length; k += 16) {
            t += row[k];
        }
        return t + row[row.length - 1];
    }

    /** {@code u . (a - b)} with eight accumulators. */
    static float differenceDot(float[] u, float[] a, float[] b) {
        int d = u.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int k = 0;
        for (; k + 8 <= d; k += 8) {
            s0 += u[k] * (a[k] - b[k]);
            s1 += u[k + 1] * (a[k + 1] - b[k + 1]);
            s2 += u[k + 2] * (a[k + 2] - b[k + 2]);
            s3 += u[k + 3] * (a[k + 3] - b[k + 3]);
            s4 += u[k + 4] * (a[k + 4] - b[k + 4]);
            s5 += u[k + 5] * (a[k + 5] - b[k + 5]);
            s6 += u[k + 6] * (a[k + 6] - b[k + 6]);
            s7 += u[k + 7] * (a[k + 7] - b[k + 7]);
        }
        for (; k < d; k++) {
            s0 += u[k] * (a[k] - b[k]);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The SGD step of one triple on the three factor rows (vectorised by C2). */
    static void step(float[] xu, float[] yi, float[] yj, float z, float lr, float reg) {
        for (int k = 0; k < xu.length; k++) {
            float uk = xu[k];
            float ik = yi[k];
            float jk = yj[k];
            xu[k] = uk + lr * (z * (ik - jk) - reg * uk);
            yi[k] = ik + lr * (z * uk - reg * ik);
            yj[k] = jk + lr * (-z * uk - reg * jk);
        }
    }

    /** Sum of {@code -ln sigma(x_uij)} over the samples used. */
    double loss() {
        return loss;
    }

    /** Samples whose positive outscored the negative before the step. */
    long correct() {
        return correct;
    }

    /** Samples used. */
    long used() {
        return used;
    }

    /** Samples skipped because no negative was found. */
    long skipped() {
        return skipped;
    }
}
