package ai.behavior.metric;

import java.util.Arrays;

/**
 * Averages the top-K metrics of many users' recommendation lists at several cut-offs at once, and measures
 * catalogue coverage.
 *
 * <pre>{@code
 * RankingAccumulator acc = new RankingAccumulator(catalogueSize, 5, 10, 20);
 * for (int u : testUsers) acc.add(recommender.top(u, 20), heldOut(u));  RankingResult r = acc.result();
 * }</pre>
 *
 * <p>Each {@link #add} evaluates one user with {@link TopKMetrics}' conventions at every K. A user with an
 * empty truth set is undefined: it is left out of every mean and counted in
 * {@link RankingResult#usersSkipped()}. Its list still counts towards coverage, which is the number of
 * distinct item ids appearing within the top K of any added list, divided by the catalogue size; item ids must
 * therefore lie in {@code [0, catalogueSize)}.
 *
 * <p>Not thread-safe: use one accumulator per thread and {@link #merge} them, or synchronise externally. Lists
 * are read during {@link #add} and not retained. Memory is one int per catalogue item.
 */
public final class RankingAccumulator {
    private static final int METRICS = RankingMetric.values().length;

    private final int catalogueSize;
    private final int[] ks;
    private final double[] idealPrefix;
    private final double[][] sums;
    private final double[][] scratch;
    private final int[] bestRank; // per item: the best (lowest) 0-based rank at which it was recommended
    private long evaluated;
    private long skipped;

    /**
     * An empty accumulator.
     *
     * @param catalogueSize number of items that could be recommended (for coverage), {@code > 0}
     * @param ks cut-offs, each {@code > 0}; duplicates are ignored and results are reported in ascending K
     */
    public RankingAccumulator(int catalogueSize, int... ks) {
        if (catalogueSize <= 0) {
            throw new IllegalArgumentException("catalogueSize must be > 0, got " + catalogueSize);
        }
        TopKMetrics.checkKs(ks);
        this.catalogueSize = catalogueSize;
        this.ks = Arrays.stream(ks).sorted().distinct().toArray();
        this.idealPrefix = TopKMetrics.idealPrefix(this.ks[this.ks.length - 1]);
        this.sums = new double[METRICS][this.ks.length];
        this.scratch = new double[METRICS][this.ks.length];
        this.bestRank = new int[catalogueSize];
        Arrays.fill(bestRank, Integer.MAX_VALUE);
    }

    /**
     * Adds one user's ranked list (best first; may be shorter than K or contain duplicates) and the ids that
     * user actually chose.
     *
     * @return true if the user was evaluated, false if skipped for an empty truth set
     */
    public boolean add(int[] ranked, int[] truth) {
        if (ranked == null || truth == null) {
            throw new IllegalArgumentException("ranked list and truth must not be null");
        }
        int depth = Math.min(ranked.length, ks[ks.length - 1]);
        for (int r = 0; r < depth; r++) {
            int item = ranked[r];
            if (item < 0 || item >= catalogueSize) {
                throw new IllegalArgumentException("ranked[" + r + "] = " + item
                        + " is outside the catalogue [0, " + catalogueSize + ")");
            }
        }
        for (int r = 0; r < depth; r++) {
            int item = ranked[r];
            if (r < bestRank[item]) {
                bestRank[item] = r;
            }
        }
        if (!TopKMetrics.evaluate(ranked, truth, ks, idealPrefix, scratch)) {
            skipped++;
            return false;
        }
        for (int m = 0; m < METRICS; m++) {
            for (int j = 0; j < ks.length; j++) {
                sums[m][j] += scratch[m][j];
            }
        }
        evaluated++;
        return true;
    }

    /**
     * Adds another accumulator's users into this one (for per-thread accumulation).
     *
     * @throws IllegalArgumentException if the catalogue size or the K values differ
     */
    public RankingAccumulator merge(RankingAccumulator other) {
        if (other.catalogueSize != catalogueSize || !Arrays.equals(other.ks, ks)) {
            throw new IllegalArgumentException("cannot merge accumulators with different catalogue sizes or K");
        }
        for (int m = 0; m < METRICS; m++) {
            for (int j = 0; j < ks.length; j++) {
                sums[m][j] += other.sums[m][j];
            }
        }
        for (int i = 0; i < catalogueSize; i++) {
            bestRank[i] = Math.min(bestRank[i], other.bestRank[i]);
        }
        evaluated += other.evaluated;
        skipped += other.skipped;
        return this;
    }

    /** Users evaluated so far. */
    public long usersEvaluated() {
        return evaluated;
    }

    /** Users skipped so far (empty truth set). */
    public long usersSkipped() {
        return skipped;
    }

    /** The means so far (NaN means when no user was evaluated) and coverage at every K. */
    public RankingResult result() {
        double[][] means = new double[METRICS][ks.length];
        for (int m = 0; m < METRICS; m++) {
            for (int j = 0; j < ks.length; j++) {
                means[m][j] = evaluated == 0 ? Double.NaN : sums[m][j] / evaluated;
            }
        }
        double[] coverage = new double[ks.length];
        for (int item = 0; item < catalogueSize; item++) {
            int rank = bestRank[item];
            for (int j = 0; j < ks.length; j++) {
                if (rank < ks[j]) {
                    coverage[j]++;
                }
            }
        }
        for (int j = 0; j < ks.length; j++) {
            coverage[j] /= catalogueSize;
        }
        return new RankingResult(ks, means, coverage, evaluated, skipped, catalogueSize);
    }
}
