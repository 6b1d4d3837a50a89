package ai.behavior.recsys.bpr;

import ai.behavior.recsys.UserItemMatrix;

/**
 * The training pairs of BPR as flat arrays: compressed rows (each user's items, sorted, for the negative
 * check) and the user of every stored position (to draw a positive pair uniformly).
 *
 * <pre>{@code
 * BprData data = BprData.of(matrix);
 * int p = random.nextInt(data.nnz());   // user data.pairs()[2 * p], item data.pairs()[2 * p + 1]
 * }</pre>
 *
 * @param offsets  user {@code u}'s items are {@code cols[offsets[u] .. offsets[u + 1])}
 * @param cols     item of each stored pair, ascending within a user
 * @param pairs    user and item of stored pair {@code p} at {@code 2p} and {@code 2p + 1} (one cache line per draw)
 * @param seen     the stored pairs as a set, for the negative check
 * @param numItems number of items
 */
record BprData(int[] offsets, int[] cols, int[] pairs, PositivePairs seen, int numItems) {
    /** Copies the matrix's structure (values are ignored: every stored pair is a positive). */
    static BprData of(UserItemMatrix m) {
        int n = m.numRows();
        int[] offsets = new int[n + 1];
        int[] cols = new int[m.nnz()];
        int[] pairs = new int[2 * m.nnz()];
        for (int u = 0; u < n; u++) {
            offsets[u + 1] = m.rowEnd(u);
            for (int p = m.rowStart(u); p < m.rowEnd(u); p++) {
                cols[p] = m.col(p);
                pairs[2 * p] = u;
                pairs[2 * p + 1] = m.col(p);
            }
        }
        return new BprData(offsets, cols, pairs, PositivePairs.of(offsets, cols, m.numCols()), m.numCols());
    }

    /** Number of stored pairs. */
    int nnz() {
        return cols.length;
    }
}
