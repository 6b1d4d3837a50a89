package ai.behavior.feature;

/**
 * Where one fitted transform writes its outputs for one transform call: its own dense, categorical and
 * sequence columns, addressed by the transform's local output numbers (0 = its first dense output, and so
 * on). Created by the pipeline at bind time; transforms never see another step's columns.
 */
public final class OutputSlots {
    private final FeatureMatrix counters;
    private float[] dense;
    private int denseStride;
    private final int denseOffset;
    private int denseRowBase;
    private final int[] categorical;
    private final int categoricalStride;
    private final int categoricalOffset;
    private final FeatureMatrix sequencesOut;
    private final int sequenceOffset;

    OutputSlots(FeatureMatrix out, int denseOffset, int categoricalOffset, int sequenceOffset) {
        this.counters = out;
        this.dense = out.denseBlock();
        this.denseStride = out.schema().denseWidth();
        this.denseOffset = denseOffset;
        this.categorical = out.categoricalBlock();
        this.categoricalStride = out.schema().categoricalWidth();
        this.categoricalOffset = categoricalOffset;
        this.sequencesOut = out;
        this.sequenceOffset = sequenceOffset;
    }

    /** Sends dense writes to a scratch block whose row 0 is output row {@code rowBase} (pipeline use). */
    void redirectDense(float[] block, int stride, int rowBase) {
        this.dense = block;
        this.denseStride = stride;
        this.denseRowBase = rowBase;
    }

    /** Writes dense output {@code j} of output row {@code row}. */
    public void dense(int row, int j, float value) {
        dense[(row - denseRowBase) * denseStride + denseOffset + j] = value;
    }

    /** Writes categorical output {@code j} of output row {@code row}. */
    public void categorical(int row, int j, int index) {
        categorical[row * categoricalStride + categoricalOffset + j] = index;
    }

    /** Counts one unknown or missing value of categorical output {@code j}. */
    public void countUnknown(int j) {
        counters.addUnknownCategorical(categoricalOffset + j, 1);
    }

    /** The index block of sequence output {@code j}: row {@code r} starts at {@code r * maxLength}. */
    public int[] sequenceIds(int j) {
        return sequencesOut.sequenceIds(sequenceOffset + j);
    }

    /** The mask block of sequence output {@code j}, laid out like {@link #sequenceIds(int)}. */
    public float[] sequenceMask(int j) {
        return sequencesOut.sequenceMask(sequenceOffset + j);
    }

    /** Counts {@code n} out-of-vocabulary events of sequence output {@code j}. */
    public void countUnknownInSequence(int j, long n) {
        counters.addUnknownInSequence(sequenceOffset + j, n);
    }
}
