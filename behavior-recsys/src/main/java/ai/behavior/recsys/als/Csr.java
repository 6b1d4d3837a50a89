package ai.behavior.recsys.als;

import ai.behavior.recsys.UserItemMatrix;

/**
 * The raw compressed-row arrays of a {@link UserItemMatrix}, copied once so the training kernels can index
 * them directly.
 *
 * <pre>{@code
 * Csr users = Csr.of(matrix);
 * Csr items = Csr.transposeOf(users, matrix.numCols());   // as Csr.of(matrix.transpose()), one copy less
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

    /**
     * The transpose of {@code rows} with {@code numCols} rows, by a counting sort: rows are visited in order,
     * so every transposed row lists its columns in ascending order (what {@code UserItemMatrix.transpose()}
     * gives).
     */
    static Csr transposeOf(Csr rows, int numCols) {
        int[] cols = rows.cols();
        int[] tOffsets = new int[numCols + 1];
        for (int c : cols) {
            tOffsets[c + 1]++;
        }
        for (int c = 0; c < numCols; c++) {
            tOffsets[c + 1] += tOffsets[c];
        }
        int[] fill = java.util.Arrays.copyOf(tOffsets, numCols);
        int[] tCols = new int[cols.length];
        float[] tValues = new float[cols.length];
        int[] offsets = rows.offsets();
        float[] values = rows.values();
        for (int r = 0; r < rows.numRows(); r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int q = fill[cols[p]]++;
                tCols[q] = r;
                tValues[q] = values[p];
            }
        }
        return new Csr(tOffsets, tCols, tValues);
    }

    /** The number of entries of every row. */
    int[] rowLengths() {
        int[] n = new int[numRows()];
        for (int r = 0; r < n.length; r++) {
            n[r] = offsets[r + 1] - offsets[r];
        }
        return n;
    }

    /** Number of rows. */
    int numRows() {
        return offsets.length - 1;
    }

    /**
     * Row indices from the longest row to the shortest (ties by index): workers claiming rows in this order
     * finish a half-step together instead of one of them ending on a long row.
     */
    int[] longestFirst() {
        int n = numRows();
        long[] keys = new long[n];
        for (int r = 0; r < n; r++) {
            keys[r] = ((long) (Integer.MAX_VALUE - (offsets[r + 1] - offsets[r])) << 32) | r;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int q = 0; q < n; q++) {
            order[q] = (int) keys[q];
        }
        return order;
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
