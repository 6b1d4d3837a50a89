package ai.behavior.recsys;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed-row form: one row per user (or, {@link #transpose() transposed},
 * per item), columns sorted ascending within a row, one float per (row, column) pair. It is what every
 * recommender trains on, and the record of what each user has already seen.
 *
 * <pre>{@code
 * UserItemMatrix m = UserItemMatrix.of(train, Weighting.counts());
 * for (int p = m.rowStart(u); p < m.rowEnd(u); p++) { int item = m.col(p); float w = m.value(p); }
 * }</pre>
 *
 * <p>Built from a log's time-ordered user histories, so {@link Weighting.Aggregation#LAST} keeps the latest
 * event of a pair. The row and column id spaces are the log's (users and items with no events are empty rows
 * and columns), so a matrix built from a training split lines up with its test split.
 *
 * <p>{@link #save} writes a model folder of type {@value #MODEL_TYPE} (version 1): id lists {@code row_ids}
 * and {@code col_ids}, int vectors {@code row_offsets} (rows + 1) and {@code col_indices} (nnz) and the float
 * vector {@code values} (nnz x 1); {@link #load} checks that they describe a valid matrix.
 */
public final class UserItemMatrix {
    /** The model type in a saved folder's manifest. */
    public static final String MODEL_TYPE = "user-item-matrix";
    private static final int VERSION = 1;

    private final IdIndex rowIds;
    private final IdIndex colIds;
    private final int[] offsets;
    private final int[] cols;
    private final float[] values;

    private UserItemMatrix(IdIndex rowIds, IdIndex colIds, int[] offsets, int[] cols, float[] values) {
        this.rowIds = rowIds;
        this.colIds = colIds;
        this.offsets = offsets;
        this.cols = cols;
        this.values = values;
    }

    /** Builds the users x items matrix of {@code log} under {@code weighting}. */
    public static UserItemMatrix of(Interactions log, Weighting weighting) {
        int numUsers = log.numUsers();
        int numItems = log.numItems();
        UserHistories h = log.byUser();
        int[] offsets = new int[numUsers + 1];
        int[] cols = new int[Math.max(16, log.size())];
        float[] vals = new float[cols.length];
        int[] slot = new int[numItems];
        Arrays.fill(slot, -1);
        long[] packed = new long[16];
        int nnz = 0;
        for (int u = 0; u < numUsers; u++) {
            int start = nnz;
            for (int p = h.start(u); p < h.end(u); p++) {
                int r = h.row(p);
                int type = log.typeCode(r);
                if (weighting.typeWeight(type) == 0) {
                    continue;
                }
                float w = weighting.weight(type, log.value(r));
                int item = log.item(r);
                int s = slot[item];
                if (s < 0) {
                    slot[item] = nnz;
                    cols[nnz] = item;
                    vals[nnz++] = w;
                } else {
                    vals[s] = switch (weighting.aggregation()) {
                        case SUM -> vals[s] + w;
                        case MAX -> Math.max(vals[s], w);
                        case LAST -> w;
                    };
                }
            }
            int n = nnz - start;
            if (packed.length < n) {
                packed = new long[Math.max(n, packed.length * 2)];
            }
            for (int k = 0; k < n; k++) {
                slot[cols[start + k]] = -1;
                packed[k] = ((long) cols[start + k] << 32) | (Float.floatToRawIntBits(vals[start + k]) & 0xffffffffL);
            }
            Arrays.sort(packed, 0, n); // items are >= 0, so the sort is by item
            for (int k = 0; k < n; k++) {
                cols[start + k] = (int) (packed[k] >>> 32);
                vals[start + k] = Float.intBitsToFloat((int) packed[k]);
            }
            offsets[u + 1] = nnz;
        }
        for (int k = 0; k < nnz; k++) {
            if (!Float.isFinite(vals[k])) {
                throw new IllegalArgumentException("weighting produced a non-finite value (" + vals[k] + "); "
                        + "check the weights and the values of the log");
            }
        }
        return new UserItemMatrix(log.users(), log.items(), offsets, Arrays.copyOf(cols, nnz),
                Arrays.copyOf(vals, nnz));
    }

    /**
     * Saves the matrix with both id indexes to {@code dir} (replacing an older model folder there).
     *
     * <pre>{@code
     * UserItemMatrix.of(train, Weighting.counts()).save(dir);
     * UserItemMatrix seen = UserItemMatrix.load(dir);
     * }</pre>
     */
    public void save(Path dir) throws IOException {
        ModelWriter.create(dir, MODEL_TYPE, VERSION)
                .provenance("shape", numRows() + " x " + numCols() + ", nnz " + nnz())
                .ids("row_ids", rowIds)
                .ids("col_ids", colIds)
                .ints("row_offsets", offsets)
                .ints("col_indices", cols)
                .floats("values", values, values.length, 1)
                .commit();
    }

    /**
     * Loads a matrix written by {@link #save}.
     *
     * @throws ModelFileException if the folder is missing, corrupted, of another type, or its arrays do not
     *                            describe a sparse matrix (the message names the file and the position)
     */
    public static UserItemMatrix load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, MODEL_TYPE, VERSION);
        IdIndex rowIds = r.ids("row_ids");
        IdIndex colIds = r.ids("col_ids");
        int[] offsets = r.ints("row_offsets");
        int[] cols = r.ints("col_indices");
        ModelReader.FloatMatrix values = r.floats("values");
        int rows = rowIds.size();
        if (offsets.length != rows + 1 || offsets[0] != 0 || offsets[rows] != cols.length) {
            throw new ModelFileException(dir + ": file 'row_offsets' has " + offsets.length + " entries from "
                    + (offsets.length > 0 ? offsets[0] : "-") + " to " + (offsets.length > 0 ? offsets[offsets.length - 1]
                    : "-") + "; expected " + (rows + 1) + " entries from 0 to " + cols.length + " (the length of "
                    + "'col_indices')");
        }
        if (values.rows() != cols.length || values.cols() != 1) {
            throw new ModelFileException(dir + ": file 'values' is " + values.rows() + " x " + values.cols()
                    + ", expected " + cols.length + " x 1");
        }
        float[] v = values.data();
        for (int row = 0; row < rows; row++) {
            if (offsets[row + 1] < offsets[row] || offsets[row + 1] > cols.length) {
                throw new ModelFileException(dir + ": file 'row_offsets' holds " + offsets[row + 1] + " at row "
                        + (row + 1) + ": it must not decrease and must stay within 0.." + cols.length);
            }
            for (int p = offsets[row]; p < offsets[row + 1]; p++) {
                if (cols[p] < 0 || cols[p] >= colIds.size() || (p > offsets[row] && cols[p] <= cols[p - 1])) {
                    throw new ModelFileException(dir + ": file 'col_indices' holds " + cols[p] + " at position " + p
                            + " (row " + row + "): out of [0, " + colIds.size() + ") or not ascending in its row");
                }
                if (!Float.isFinite(v[p])) {
                    throw new ModelFileException(dir + ": file 'values' holds " + v[p] + " at position " + p);
                }
            }
        }
        return new UserItemMatrix(rowIds, colIds, offsets, cols, v);
    }

    /** The same matrix over equal id indexes (shared rather than duplicated when a bundle loads). */
    UserItemMatrix withIds(IdIndex rows, IdIndex columns) {
        if (!rows.sameIdsAs(rowIds) || !columns.sameIdsAs(colIds)) {
            throw new IllegalArgumentException("the id indexes differ from the matrix's");
        }
        return new UserItemMatrix(rows, columns, offsets, cols, values);
    }

    /** Number of rows (users, or items when transposed). */
    public int numRows() {
        return offsets.length - 1;
    }

    /** Number of columns (items, or users when transposed). */
    public int numCols() {
        return colIds.size();
    }

    /** Number of stored (row, column) pairs. */
    public int nnz() {
        return cols.length;
    }

    /** Ids of the rows. */
    public IdIndex rowIds() {
        return rowIds;
    }

    /** Ids of the columns. */
    public IdIndex colIds() {
        return colIds;
    }

    /** First position of row {@code r}. */
    public int rowStart(int r) {
        return offsets[r];
    }

    /** One past the last position of row {@code r}. */
    public int rowEnd(int r) {
        return offsets[r + 1];
    }

    /** Number of stored entries in row {@code r}. */
    public int rowLength(int r) {
        return offsets[r + 1] - offsets[r];
    }

    /** Column at position {@code p}. */
    public int col(int p) {
        return cols[p];
    }

    /** Value at position {@code p}. */
    public float value(int p) {
        return values[p];
    }

    /** Whether row {@code r} has an entry in column {@code c} (binary search). */
    public boolean contains(int r, int c) {
        return Arrays.binarySearch(cols, offsets[r], offsets[r + 1], c) >= 0;
    }

    /** The value at ({@code r}, {@code c}), or 0 when there is no entry. */
    public float get(int r, int c) {
        int p = Arrays.binarySearch(cols, offsets[r], offsets[r + 1], c);
        return p >= 0 ? values[p] : 0f;
    }

    /** The items x users matrix (rows and columns swapped), columns sorted within each row. */
    public UserItemMatrix transpose() {
        int[] tOffsets = new int[numCols() + 1];
        for (int c : cols) {
            tOffsets[c + 1]++;
        }
        for (int c = 0; c < numCols(); c++) {
            tOffsets[c + 1] += tOffsets[c];
        }
        int[] fill = Arrays.copyOf(tOffsets, numCols());
        int[] tCols = new int[cols.length];
        float[] tVals = new float[cols.length];
        for (int r = 0; r < numRows(); r++) { // rows in order, so each transposed row is sorted
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int q = fill[cols[p]]++;
                tCols[q] = r;
                tVals[q] = values[p];
            }
        }
        return new UserItemMatrix(colIds, rowIds, tOffsets, tCols, tVals);
    }

    @Override
    public String toString() {
        return "UserItemMatrix[" + numRows() + " x " + numCols() + ", nnz=" + nnz() + "]";
    }
}
