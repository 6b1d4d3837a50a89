package ai.behavior.recsys.knn;

import ai.behavior.recsys.UserItemMatrix;

/**
 * A compressed-row sparse matrix as three plain arrays (the hot loops of {@link ItemKnn} read them without
 * method calls): row {@code r} holds positions {@code offsets[r] .. offsets[r+1]-1} of {@code cols} and
 * {@code values}, columns ascending within a row.
 */
record Csr(int[] offsets, int[] cols, float[] values) {

    /** The arrays of {@code m}. */
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

    int rows() {
        return offsets.length - 1;
    }

    int start(int r) {
        return offsets[r];
    }

    int end(int r) {
        return offsets[r + 1];
    }

    int length(int r) {
        return offsets[r + 1] - offsets[r];
    }

    /** The same pattern with other values. */
    Csr withValues(float[] newValues) {
        return new Csr(offsets, cols, newValues);
    }

    /** Rows and columns swapped; {@code numCols} is this matrix's column count. */
    Csr transpose(int numCols) {
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
        for (int r = 0; r < rows(); r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int q = fill[cols[p]]++;
                tCols[q] = r;
                tValues[q] = values[p];
            }
        }
        return new Csr(tOffsets, tCols, tValues);
    }
}
