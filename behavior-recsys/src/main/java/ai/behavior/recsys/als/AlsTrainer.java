package ai.behavior.recsys.als;

import ai.behavior.progress.Progress;
import ai.behavior.recsys.UserItemMatrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The alternating loop of implicit ALS: user half-step, item half-step, objective, optional validation, once
 * per iteration. See {@link ImplicitAls} for the model and its conventions.
 *
 * <pre>{@code
 * AlsTrainer.Result r = AlsTrainer.train(matrix, options);
 * LatentFactors f = r.factors();
 * }</pre>
 *
 * <p>Deterministic for a seed on any number of threads: the initial factors come from one sequential random
 * stream, every row of a half-step depends only on the other side's factors and its own previous value, and
 * the Gram matrix and objective are summed in fixed chunks in a fixed order.
 */
final class AlsTrainer {
    /** Rows claimed at a time by a worker in a half-step. */
    private static final int GRAIN = 16;
    /** Standard deviation of the initial item factors. */
    static final double INIT_SCALE = 0.01;

    private AlsTrainer() {
    }

    /**
     * What training produced.
     *
     * @param factors        the final (or, with early stopping, the best) factors
     * @param iterationsRun  iterations run
     * @param bestIteration  iteration whose factors were kept (the last one without early stopping)
     */
    record Result(LatentFactors factors, int iterationsRun, int bestIteration) {
    }

    /** Trains on {@code matrix} (non-empty, values checked by the caller) with options {@code o}. */
    static Result train(UserItemMatrix matrix, ImplicitAls.Options o) {
        long started = System.nanoTime();
        int d = o.factors();
        Csr users = Csr.of(matrix);
        Csr items = Csr.of(matrix.transpose());
        float[][] x = new float[users.numRows()][d];
        float[][] y = initialItems(items, d, o.seed());
        float alpha = (float) o.alpha();
        double lambda = o.regularization();
        double totalConfidence = (double) users.numRows() * items.numRows();
        for (float v : users.values()) {
            totalConfidence += (double) alpha * v;
        }
        ValidationNdcg validation = o.earlyStopping() == null ? null : ValidationNdcg.of(o.earlyStopping(), matrix);
        String ndcgName = validation == null ? null : "ndcg@" + validation.k();
        int maxRow = Math.max(users.maxRowLength(), items.maxRowLength());
        try (ParallelRows pool = new ParallelRows(o.threads(), "behavior-als")) {
            RowSolver[] solvers = new RowSolver[pool.threads()];
            for (int t = 0; t < solvers.length; t++) {
                solvers[t] = new RowSolver(d, maxRow);
            }
            float[][] gramY = Gram.of(y, d, lambda, pool);
            LatentFactors best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestIteration = 0;
            int sinceBest = 0;
            int it = 0;
            while (it < o.iterations()) {
                it++;
                halfStep(users, x, y, gramY, alpha, o.cgSteps(), solvers, pool);
                float[][] gramX = Gram.of(x, d, lambda, pool);
                halfStep(items, y, x, gramX, alpha, o.cgSteps(), solvers, pool);
                gramY = Gram.of(y, d, lambda, pool);
                double loss = AlsObjective.of(users, x, y, gramY, alpha, lambda, pool) / totalConfidence;
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("implicit ALS diverged at iteration " + it + " (objective " + loss
                            + "); lower alpha or raise the regularization");
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("loss", loss);
                boolean stop = false;
                if (validation != null) {
                    LatentFactors snapshot = LatentFactors.ofRows(x, y, null, d);
                    double score = validation.evaluate(snapshot, pool);
                    metrics.put(ndcgName, score);
                    if (score > bestScore) {
                        bestScore = score;
                        best = snapshot;
                        bestIteration = it;
                        sinceBest = 0;
                    } else {
                        stop = ++sinceBest >= o.earlyStopping().patience();
                    }
                }
                o.progress().update(new Progress("implicit-als", it, o.iterations(), metrics,
                        (System.nanoTime() - started) / 1e9));
                if (stop) {
                    break;
                }
            }
            if (best != null) {
                return new Result(best, it, bestIteration);
            }
            return new Result(LatentFactors.ofRows(x, y, null, d), it, it);
        }
    }

    /**
     * Item factors drawn from a normal distribution with standard deviation {@link #INIT_SCALE} in item order
     * from one stream seeded by {@code seed}; items without interactions get zeros.
     */
    static float[][] initialItems(Csr items, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] y = new float[items.numRows()][d];
        for (int i = 0; i < y.length; i++) {
            boolean empty = items.offsets()[i + 1] == items.offsets()[i];
            for (int k = 0; k < d; k++) {
                float v = (float) (random.nextGaussian() * INIT_SCALE);
                y[i][k] = empty ? 0f : v;
            }
        }
        return y;
    }

    /** Re-solves every row of {@code solve} against {@code fixed}; rows without entries become zero. */
    static void halfStep(Csr rows, float[][] solve, float[][] fixed, float[][] gram, float alpha, int cgSteps,
                         RowSolver[] solvers, ParallelRows pool) {
        int[] offsets = rows.offsets();
        pool.forEach(rows.numRows(), GRAIN, (worker, from, to) -> {
            RowSolver s = solvers[worker];
            for (int r = from; r < to; r++) {
                int start = offsets[r];
                int end = offsets[r + 1];
                if (start == end) {
                    java.util.Arrays.fill(solve[r], 0f);
                } else if (cgSteps > 0) {
                    s.conjugateGradient(solve[r], fixed, gram, rows.cols(), rows.values(), start, end, alpha, cgSteps);
                } else if (!s.exact(solve[r], fixed, gram, rows.cols(), rows.values(), start, end, alpha)) {
                    throw new IllegalStateException("row " + r + ": the least-squares system is not positive definite; "
                            + "raise the regularization");
                }
            }
        });
    }
}
