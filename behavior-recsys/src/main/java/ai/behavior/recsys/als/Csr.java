package ai.behavior.recsys.als;

import ai.behavior.recsys.UserItemMatrix;

/**
 * The raw compressed-row arrays of a {@link UserItemMatrix}, copied once so the training kernels can index
 * them directly.
 *
 * <pre>{@code
 * Csr users = Csr.of(matrix);
 * Csr items = Csr.of(matrix.transpose());
 * }</pre>
 *
 * @param offsets row {@code r} spans positions {@code [offsets[r], offsets[r + 1])}
 * @param cols    column of each position
 * @param values  value of each position
 */
record Csr(int[] offsets, int[] cols, float[] values) {
    /** Copies {@code m}'s arrays. */
    static Csr of(UserItemMatrix m) {
        int rows = m.numRows();
        int[] offsets = new int[rows + 1];
        int[] cols = new int[m.nnz()];
        float[] values = new float[m.nnz()];
        for (int r = 0; r < rows; r++) {
            offsets[r + 1] = m.rowEnd(r);
        }
        for (int p = 0; p < cols.length; p++) {
            cols[p] = m.col(p);
            values[p] = m.value(p);
        }
        return new Csr(offsets, cols, values);
    }

    /** Number of rows. */
    int numRows() {
        return offsets.length - 1;
    }

    /** Length of the longest row. */
    int maxRowLength() {
        int max = 0;
        for (int r = 0; r < numRows(); r++) {
            max = Math.max(max, offsets[r + 1] - offsets[r]);
        }
        return max;
    }
}
