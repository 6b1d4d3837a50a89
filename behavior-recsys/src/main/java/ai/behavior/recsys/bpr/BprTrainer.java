package ai.behavior.recsys.bpr;

import ai.behavior.progress.Progress;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.als.LatentFactors;
import ai.behavior.recsys.als.ValidationNdcg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The epoch loop of BPR: initial factors, Hogwild epochs on the worker threads, progress, optional early
 * stopping. See {@link Bpr} for the model and its conventions.
 *
 * <pre>{@code
 * BprTrainer.Result r = BprTrainer.train(matrix, options);
 * LatentFactors f = r.factors();
 * }</pre>
 */
final class BprTrainer {
    /** Standard deviation of the initial factors. */
    static final double INIT_SCALE = 0.1;

    private BprTrainer() {
    }

    /**
     * What training produced.
     *
     * @param factors     the final (or, with early stopping, the best) factors and item biases
     * @param epochsRun   epochs run
     * @param bestEpoch   epoch whose factors were kept (the last one without early stopping)
     */
    record Result(LatentFactors factors, int epochsRun, int bestEpoch) {
    }

    /** Trains on {@code matrix} (non-empty, at least two items, checked by the caller) with options {@code o}. */
    static Result train(UserItemMatrix matrix, Bpr.Options o) {
        long started = System.nanoTime();
        int d = o.factors();
        BprData data = BprData.of(matrix);
        SplittableRandom random = new SplittableRandom(o.seed());
        float[][] users = gaussianRows(random, matrix.numRows(), d);
        for (int u = 0; u < users.length; u++) {
            if (matrix.rowLength(u) == 0) {
                java.util.Arrays.fill(users[u], 0f);
            }
        }
        float[][] items = gaussianRows(random, matrix.numCols(), d);
        float[] bias = new float[matrix.numCols()];
        long samples = o.samplesPerEpoch() == 0 ? data.nnz() : o.samplesPerEpoch();
        ValidationNdcg validation = o.earlyStopping() == null ? null : ValidationNdcg.of(o.earlyStopping(), matrix);
        int threads = o.threads();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemons());
        try {
            LatentFactors best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            int sinceBest = 0;
            int epoch = 0;
            while (epoch < o.epochs()) {
                epoch++;
                HogwildWorker[] workers = new HogwildWorker[threads];
                SplittableRandom[] streams = new SplittableRandom[threads];
                for (int w = 0; w < threads; w++) {
                    workers[w] = new HogwildWorker(data, users, items, bias, (float) o.learningRate(),
                            (float) o.regularization());
                    streams[w] = random.split();
                }
                runEpoch(pool, workers, streams, samples);
                double loss = 0;
                long correct = 0;
                long used = 0;
                long skipped = 0;
                for (HogwildWorker w : workers) {
                    loss += w.loss();
                    correct += w.correct();
                    used += w.used();
                    skipped += w.skipped();
                }
                if (used == 0) {
                    throw new IllegalStateException("BPR found no negative item for any sample: every user has "
                            + "interacted with (nearly) every item");
                }
                double meanLoss = loss / used;
                if (!Double.isFinite(meanLoss) || !finite(bias)) {
                    throw new IllegalStateException("BPR diverged in epoch " + epoch + " (loss " + meanLoss
                            + "); lower the learning rate");
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("loss", meanLoss);
                metrics.put("accuracy", (double) correct / used);
                if (skipped > 0) {
                    metrics.put("skipped", (double) skipped);
                }
                boolean stop = false;
                if (validation != null) {
                    LatentFactors snapshot = snapshot(users, items, bias, d);
                    double score = validation.evaluate(snapshot, threads);
                    metrics.put("ndcg@" + validation.k(), score);
                    if (score > bestScore) {
                        bestScore = score;
                        best = snapshot;
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else {
                        stop = ++sinceBest >= o.earlyStopping().patience();
                    }
                }
                o.progress().update(new Progress("bpr", epoch, o.epochs(), metrics,
                        (System.nanoTime() - started) / 1e9));
                if (stop) {
                    break;
                }
            }
            if (best != null) {
                return new Result(best, epoch, bestEpoch);
            }
            return new Result(snapshot(users, items, bias, d), epoch, epoch);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void runEpoch(ExecutorService pool, HogwildWorker[] workers, SplittableRandom[] streams,
                                 long samples) {
        int n = workers.length;
        if (pool == null) {
            workers[0].run(samples, streams[0]);
            return;
        }
        List<Future<?>> tasks = new ArrayList<>(n);
        for (int w = 0; w < n; w++) {
            long share = samples / n + (w < samples % n ? 1 : 0);
            HogwildWorker worker = workers[w];
            SplittableRandom stream = streams[w];
            tasks.add(pool.submit(() -> worker.run(share, stream)));
        }
        for (Future<?> f : tasks) { // Future.get orders the workers' writes before the next epoch's reads
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training BPR", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static float[][] gaussianRows(SplittableRandom random, int rows, int d) {
        float[][] a = new float[rows][d];
        for (float[] row : a) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) (random.nextGaussian() * INIT_SCALE);
            }
        }
        return a;
    }

    private static LatentFactors snapshot(float[][] users, float[][] items, float[] bias, int d) {
        try {
            return LatentFactors.of(users.length, items.length, d, flatten(users, d), flatten(items, d), bias);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("BPR diverged (" + e.getMessage() + "); lower the learning rate", e);
        }
    }

    private static float[] flatten(float[][] rows, int d) {
        float[] out = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * d, d);
        }
        return out;
    }

    private static boolean finite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "behavior-bpr-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
