package ai.behavior.recsys.als;

import ai.behavior.data.Interactions;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingMetric;
import ai.behavior.recsys.TopKSelector;
import ai.behavior.recsys.UserItemMatrix;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Mean NDCG@K of factor-model recommendations on validation interactions: what {@link EarlyStopping}
 * watches. For every user who has training interactions and at least one validation item not seen in
 * training, the whole catalogue is scored, training items are excluded, and the top K is compared with those
 * unseen validation items (binary relevance, {@link RankingAccumulator}'s conventions).
 *
 * <pre>{@code
 * ValidationNdcg v = ValidationNdcg.of(EarlyStopping.of(parts.validation(), 10), trainMatrix);
 * double ndcg = v.evaluate(model.factors(), 4);
 * }</pre>
 */
public final class ValidationNdcg {
    private static final int GRAIN = 64;

    private final int k;
    private final UserItemMatrix train;
    private final int[] users;
    private final int[][] truth;

    private ValidationNdcg(int k, UserItemMatrix train, int[] users, int[][] truth) {
        this.k = k;
        this.train = train;
        this.users = users;
        this.truth = truth;
    }

    /**
     * Prepares the validation users of {@code stopping} against the users x items training matrix.
     *
     * @throws IllegalArgumentException if the validation log does not share the matrix's user and item
     *                                  indices, or no validation user can be evaluated
     */
    public static ValidationNdcg of(EarlyStopping stopping, UserItemMatrix train) {
        Interactions v = stopping.validation();
        if (v.users() != train.rowIds() || v.items() != train.colIds()) {
            throw new IllegalArgumentException("validation interactions must share the training log's user and item "
                    + "indices (make both parts with the same split)");
        }
        int numUsers = train.numRows();
        int[] count = new int[numUsers];
        int[][] items = new int[numUsers][];
        for (int r = 0; r < v.size(); r++) {
            int u = v.user(r);
            if (train.rowLength(u) == 0 || train.contains(u, v.item(r))) {
                continue;
            }
            if (items[u] == null) {
                items[u] = new int[4];
            } else if (count[u] == items[u].length) {
                items[u] = Arrays.copyOf(items[u], count[u] * 2);
            }
            items[u][count[u]++] = v.item(r);
        }
        int n = 0;
        for (int u = 0; u < numUsers; u++) {
            if (count[u] > 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no validation user has both training interactions and a validation "
                    + "item unseen in training: early stopping has nothing to measure");
        }
        int[] users = new int[n];
        int[][] truth = new int[n][];
        int q = 0;
        for (int u = 0; u < numUsers; u++) {
            if (count[u] > 0) {
                users[q] = u;
                truth[q++] = Arrays.stream(items[u], 0, count[u]).sorted().distinct().toArray();
            }
        }
        return new ValidationNdcg(stopping.k(), train, users, truth);
    }

    /** The cut-off K. */
    public int k() {
        return k;
    }

    /** Number of validation users evaluated. */
    public int numUsers() {
        return users.length;
    }

    /** Mean NDCG@K of {@code factors} over the validation users, on {@code threads} threads. */
    public double evaluate(LatentFactors factors, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        try (ParallelRows pool = new ParallelRows(threads, "behavior-validation")) {
            return evaluate(factors, pool);
        }
    }

    double evaluate(LatentFactors factors, ParallelRows pool) {
        int numItems = factors.numItems();
        RankingAccumulator[] parts = new RankingAccumulator[ParallelRows.chunks(users.length, GRAIN)];
        float[][] scores = new float[pool.threads()][numItems];
        BitSet[] seen = new BitSet[pool.threads()];
        for (int w = 0; w < seen.length; w++) {
            seen[w] = new BitSet(numItems);
        }
        pool.forEach(users.length, GRAIN, (worker, from, to) -> {
            RankingAccumulator acc = new RankingAccumulator(Math.max(1, numItems), k);
            float[] s = scores[worker];
            BitSet excluded = seen[worker];
            for (int q = from; q < to; q++) {
                int u = users[q];
                factors.scoreAll(u, s);
                excluded.clear();
                for (int p = train.rowStart(u); p < train.rowEnd(u); p++) {
                    excluded.set(train.col(p));
                }
                acc.add(TopKSelector.select(s, k, excluded), truth[q]);
            }
            parts[from / GRAIN] = acc;
        });
        RankingAccumulator total = parts[0];
        for (int c = 1; c < parts.length; c++) {
            total.merge(parts[c]);
        }
        return total.result().mean(RankingMetric.NDCG, k);
    }
}
