package ai.behavior.feature;

/**
 * The output of a pipeline for a block of rows: a row-major dense float block, a row-major block of
 * categorical indices, and per sequence feature a row-major block of indices with a float mask. Also counts,
 * per categorical and sequence feature, how many values were unknown (unseen or missing) in the last transform.
 * Reusable: transforming into the same matrix again overwrites it and allocates nothing.
 *
 * <pre>{@code
 * FeatureMatrix m = fitted.transform(frame);
 * float price = m.dense(row, m.schema().denseIndex("price"));
 * }</pre>
 */
public final class FeatureMatrix {
    private final FeatureSchema schema;
    private final int rows;
    private final float[] dense;
    private final int[] categorical;
    private final int[][] sequenceIds;
    private final float[][] sequenceMasks;
    private final long[] unknownCategorical;
    private final long[] unknownInSequences;

    /** An all-zero matrix of {@code rows} rows laid out by {@code schema}. */
    public FeatureMatrix(FeatureSchema schema, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        this.schema = schema;
        this.rows = rows;
        this.dense = new float[Math.multiplyExact(rows, schema.denseWidth())];
        this.categorical = new int[Math.multiplyExact(rows, schema.categoricalWidth())];
        int n = schema.sequences().size();
        this.sequenceIds = new int[n][];
        this.sequenceMasks = new float[n][];
        for (int s = 0; s < n; s++) {
            int len = schema.sequences().get(s).maxLength();
            sequenceIds[s] = new int[Math.multiplyExact(rows, len)];
            sequenceMasks[s] = new float[sequenceIds[s].length];
        }
        this.unknownCategorical = new long[schema.categoricalWidth()];
        this.unknownInSequences = new long[n];
    }

    /** The layout. */
    public FeatureSchema schema() {
        return schema;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Dense value at ({@code row}, {@code column}). */
    public float dense(int row, int column) {
        return dense[row * schema.denseWidth() + column];
    }

    /** Categorical index at ({@code row}, {@code column}). */
    public int categorical(int row, int column) {
        return categorical[row * schema.categoricalWidth() + column];
    }

    /** The dense block, row-major {@code rows x denseWidth}; the matrix's own array (for zero-copy use). */
    public float[] denseBlock() {
        return dense;
    }

    /** The categorical block, row-major {@code rows x categoricalWidth}; the matrix's own array. */
    public int[] categoricalBlock() {
        return categorical;
    }

    /** Indices of sequence feature {@code s}, row-major {@code rows x maxLength}; the matrix's own array. */
    public int[] sequenceIds(int s) {
        return sequenceIds[s];
    }

    /** Mask of sequence feature {@code s} (1 = event, 0 = padding), row-major; the matrix's own array. */
    public float[] sequenceMask(int s) {
        return sequenceMasks[s];
    }

    /** One dense row copied out. */
    public float[] denseRow(int row) {
        int w = schema.denseWidth();
        float[] out = new float[w];
        System.arraycopy(dense, row * w, out, 0, w);
        return out;
    }

    /** How many values of categorical column {@code column} were unknown or missing in the last transform. */
    public long unknownCount(int column) {
        return unknownCategorical[column];
    }

    /** How many events of sequence feature {@code s} were outside the vocabulary in the last transform. */
    public long unknownInSequence(int s) {
        return unknownInSequences[s];
    }

    void resetCounts() {
        java.util.Arrays.fill(unknownCategorical, 0);
        java.util.Arrays.fill(unknownInSequences, 0);
    }

    void addUnknownCategorical(int column, long n) {
        unknownCategorical[column] += n;
    }

    void addUnknownInSequence(int s, long n) {
        unknownInSequences[s] += n;
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " rows, " + schema + "]";
    }
}
