package ai.behavior.recsys.als;

/**
 * {@link RowPasses} in plain Java, shaped for C2's auto-vectorisation ({@link Kernels}): the residual pass
 * takes the dot products eight rows at a time and also copies the row's entries factor-major, so that the
 * later dot products of the same row run over the copy, vectorised, with the same bits.
 *
 * <pre>{@code
 * RowPasses passes = new ScalarRowPasses(d, maxRowLength);
 * passes.residual(fixed, cols, values, start, n, alpha, x, z, cw, r);
 * }</pre>
 *
 * <p>The copy serves the {@link #step} and {@link #stepDots} calls that follow a {@link #residual}; rows too
 * long to copy and {@link #dots} take row-major dot products (same bits, slower). One instance per thread.
 */
final class ScalarRowPasses extends RowPasses {
    /** Floats of the factor-major copy of a row's entries; longer rows take the (slower) row-major dots. */
    private static final int GATHER_BUDGET = 1 << 21;

    private final int d;
    private final float[] zero;
    private final int gatherLimit;
    private float[] w;
    private float[][] columns;
    private boolean copied;

    /** Scratch for rows of up to {@code maxRowLength} entries with {@code d} factors. */
    ScalarRowPasses(int d, int maxRowLength) {
        this(d, maxRowLength, Math.max(8, GATHER_BUDGET / d));
    }

    /**
     * As {@link #ScalarRowPasses(int, int)}, copying rows of up to {@code gatherLimit} entries (rounded down to
     * a multiple of 8, at least 8) factor-major; longer rows take row-major dot products (same bits, slower).
     */
    ScalarRowPasses(int d, int maxRowLength, int gatherLimit) {
        this.d = d;
        this.zero = new float[d];
        this.gatherLimit = Math.max(8, gatherLimit & ~7);
        int room = Kernels.padded(Math.max(1, maxRowLength));
        this.w = new float[room];
        this.columns = new float[d][Math.min(room, this.gatherLimit)];
    }

    @Override
    void residual(float[][] fixed, int[] cols, float[] values, int start, int n, float alpha, float[] x, float[] z,
                  float[] cw, float[] r) {
        ensure(n);
        boolean gathered = n <= gatherLimit;
        float[][] gather = gathered ? columns : null;
        // eight entries at a time, so that each group is added while it is still in the L1 cache (the same sums
        // as one addRows pass)
        for (int j = 0; j < n; j += 8) {
            Kernels.dotGroup(fixed, cols, start, n, j, x, z, zero, gather);
            int to = Math.min(n, j + 8);
            for (int q = j; q < to; q++) {
                float c1 = alpha * values[start + q];
                cw[q] = c1;
                w[q] = (1f + c1) - c1 * z[q];
            }
            Kernels.addRows(fixed, cols, start, j, to, w, r, zero);
        }
        copied = gathered;
    }

    @Override
    void step(float[][] fixed, int[] cols, int start, int n, float[] p, float[] cw, float[] z, float[] ap) {
        stepDots(fixed, cols, start, n, p, z);
        for (int j = 0; j < n; j++) {
            w[j] = cw[j] * z[j];
        }
        Kernels.addRows(fixed, cols, start, n, w, ap, zero);
    }

    @Override
    void stepDots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z) {
        if (copied) {
            Kernels.columnDots(columns, n, v, z);
        } else {
            Kernels.dots(fixed, cols, start, n, v, z, zero);
        }
    }

    @Override
    void dots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z) {
        Kernels.dots(fixed, cols, start, n, v, z, zero);
    }

    @Override
    void gramTimes(float[][] gram, float[] v, float[] out) {
        Kernels.symmetricTimes(gram, v, out, zero);
    }

    @Override
    String name() {
        return "scalar";
    }

    private void ensure(int n) {
        if (w.length < Kernels.padded(n)) {
            w = new float[Kernels.padded(n)];
        }
        if (n <= gatherLimit && columns[0].length < n) {
            columns = new float[d][Math.min(Kernels.padded(n), gatherLimit)];
        }
    }
}
