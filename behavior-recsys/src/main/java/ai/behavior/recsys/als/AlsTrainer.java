package ai.behavior.recsys.als;

import ai.behavior.progress.Progress;
import ai.behavior.recsys.UserItemMatrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The alternating loop of implicit ALS: user half-step, item half-step, optional validation, once per
 * iteration; the objective of an iteration comes from the next user half-step (or, for the last one and for
 * exact solves, from {@link AlsObjective#of}). See {@link ImplicitAls} for the model and its conventions.
 *
 * <pre>{@code
 * AlsTrainer.Result r = AlsTrainer.train(matrix, options);
 * LatentFactors f = r.factors();
 * }</pre>
 *
 * <p>Deterministic for a seed on any number of threads: the initial factors come from one sequential random
 * stream, every row of a half-step depends only on the other side's factors and its own previous value (rows
 * are claimed longest first only to balance the threads), the Gram matrix is summed in fixed chunks in a fixed
 * order and the objective in user order.
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
     * @param userCounts     stored entries per user
     * @param itemCounts     stored entries per item
     */
    record Result(LatentFactors factors, int iterationsRun, int bestIteration, int[] userCounts, int[] itemCounts) {
    }

    /** Trains on {@code matrix} (non-empty, values checked by the caller) with options {@code o}. */
    static Result train(UserItemMatrix matrix, ImplicitAls.Options o) {
        long started = System.nanoTime();
        int d = o.factors();
        Csr users = Csr.of(matrix);
        Csr items = Csr.transposeOf(users, matrix.numCols());
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
            double[] userTerms = new double[users.numRows()];
            int[] userOrder = users.longestFirst();
            int[] itemOrder = items.longestFirst();
            Pending pending = null;
            LatentFactors best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestIteration = 0;
            int sinceBest = 0;
            int it = 0;
            while (it < o.iterations()) {
                it++;
                halfStep(users, userOrder, x, y, gramY, alpha, o.cgSteps(), solvers, pool,
                        pending == null ? null : userTerms);
                if (pending != null) {
                    // y and gramY are still the previous iteration's: these terms are its objective
                    report(pending, AlsObjective.total(userTerms, y, lambda) / totalConfidence, o);
                    pending = null;
                }
                float[][] gramX = Gram.of(x, d, lambda, pool);
                halfStep(items, itemOrder, y, x, gramX, alpha, o.cgSteps(), solvers, pool, null);
                gramY = Gram.of(y, d, lambda, pool);
                Map<String, Double> metrics = new LinkedHashMap<>();
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
                pending = new Pending(it, metrics, (System.nanoTime() - started) / 1e9);
                if (stop || it == o.iterations() || o.cgSteps() == 0) {
                    double objective = AlsObjective.of(users, x, y, gramY, alpha, lambda, pool, solvers);
                    report(pending, objective / totalConfidence, o);
                    pending = null;
                }
                if (stop) {
                    break;
                }
            }
            if (best != null) {
                return new Result(best, it, bestIteration, users.rowLengths(), items.rowLengths());
            }
            return new Result(LatentFactors.ofRows(x, y, null, d), it, it, users.rowLengths(), items.rowLengths());
        }
    }

    /**
     * An iteration's progress waiting for its loss: the next user half-step computes the objective's terms
     * as a by-product, so the loss of every iteration but the last is reported half an iteration late.
     */
    private record Pending(int iteration, Map<String, Double> metrics, double elapsedSeconds) {
    }

    /** Reports {@code p} with its loss first; a non-finite loss means training diverged. */
    private static void report(Pending p, double loss, ImplicitAls.Options o) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("implicit ALS diverged at iteration " + p.iteration() + " (objective "
                    + loss + "); lower alpha or raise the regularization");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", loss);
        metrics.putAll(p.metrics());
        o.progress().update(new Progress("implicit-als", p.iteration(), o.iterations(), metrics,
                p.elapsedSeconds()));
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

    /**
     * Re-solves every row of {@code solve} against {@code fixed}, claiming them in {@code order} (a permutation
     * of the rows; each row's result does not depend on it); rows without entries become zero. With
     * conjugate-gradient steps and a non-null {@code terms}, also stores each row's objective term at its
     * incoming factors ({@link AlsObjective#userTerm}; 0 for rows without entries).
     */
    static void halfStep(Csr rows, int[] order, float[][] solve, float[][] fixed, float[][] gram, float alpha,
                         int cgSteps, RowSolver[] solvers, ParallelRows pool, double[] terms) {
        int[] offsets = rows.offsets();
        pool.forEach(rows.numRows(), GRAIN, (worker, from, to) -> {
            RowSolver s = solvers[worker];
            for (int q = from; q < to; q++) {
                int r = order[q];
                int start = offsets[r];
                int end = offsets[r + 1];
                double term = 0;
                if (start == end) {
                    java.util.Arrays.fill(solve[r], 0f);
                } else if (cgSteps > 0) {
                    term = s.conjugateGradient(solve[r], fixed, gram, rows.cols(), rows.values(), start, end, alpha,
                            cgSteps, terms != null);
                } else if (!s.exact(solve[r], fixed, gram, rows.cols(), rows.values(), start, end, alpha)) {
                    throw new IllegalStateException("row " + r + ": the least-squares system is not positive definite; "
                            + "raise the regularization");
                }
                if (terms != null) {
                    terms[r] = term;
                }
            }
        });
    }
}
