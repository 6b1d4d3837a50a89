package ai.behavior.recsys.als;

/**
 * The dense float kernels of ALS training, written so that HotSpot's C2 vectorises them on Java 17 without
 * the incubating Vector API.
 *
 * <pre>{@code
 * Kernels.dots(itemRows, cols, start, n, x, z);        // z[j] = itemRows[cols[start + j]] . x
 * Kernels.addRows(itemRows, cols, start, n, w, acc);   // acc += sum_j w[j] * itemRows[cols[start + j]]
 * }</pre>
 *
 * <p>Why the shapes: C2 (Java 17) vectorises {@code y[k] += w * x[k]} only when both arrays are indexed by the
 * same loop variable with no offset (an offset into a flat matrix defeats its alias analysis), and it never
 * vectorises a float sum reduction. So factors are held as one array per row during training; "add rows"
 * loops combine four rows per pass (one load-add-store of the accumulator per four rows); dot products run
 * eight rows at once, each with its own scalar accumulator, which keeps the floating-point units busy. A
 * short group is padded with a shared zero row, so every row's result is computed by exactly the same
 * arithmetic wherever it falls: results never depend on grouping, row order or thread count.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code out[j] = rows[cols[from + j]] . v} for {@code j < n}. {@code out} must have room for {@code n}
     * rounded up to a multiple of 8 (the padding slots are overwritten); {@code zero} is a zero row.
     */
    static void dots(float[][] rows, int[] cols, int from, int n, float[] v, float[] out, float[] zero) {
        int d = v.length;
        int end = from + n;
        for (int j = 0; j < n; j += 8) {
            int p = from + j;
            dot8(row(rows, cols, p, end, zero), row(rows, cols, p + 1, end, zero), row(rows, cols, p + 2, end, zero),
                    row(rows, cols, p + 3, end, zero), row(rows, cols, p + 4, end, zero),
                    row(rows, cols, p + 5, end, zero), row(rows, cols, p + 6, end, zero),
                    row(rows, cols, p + 7, end, zero), v, out, j, d);
        }
    }

    /** Room {@link #dots} needs for {@code n} results. */
    static int padded(int n) {
        return (n + 7) & ~7;
    }

    private static float[] row(float[][] rows, int[] cols, int p, int end, float[] zero) {
        return p < end ? rows[cols[p]] : zero;
    }

    /** Eight dot products with {@code v}, each summed in index order, into {@code out[at..at+7]}. */
    private static void dot8(float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5, float[] x6,
                             float[] x7, float[] v, float[] out, int at, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        for (int k = 0; k < d; k++) {
            float a = v[k];
            s0 += x0[k] * a;
            s1 += x1[k] * a;
            s2 += x2[k] * a;
            s3 += x3[k] * a;
            s4 += x4[k] * a;
            s5 += x5[k] * a;
            s6 += x6[k] * a;
            s7 += x7[k] * a;
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
        out[at + 4] = s4;
        out[at + 5] = s5;
        out[at + 6] = s6;
        out[at + 7] = s7;
    }

    /** {@code acc += sum_j w[j] * rows[cols[from + j]]} for {@code j < n}, four rows per pass. */
    static void addRows(float[][] rows, int[] cols, int from, int n, float[] w, float[] acc, float[] zero) {
        int d = acc.length;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int p = from + j;
            add4(w[j], rows[cols[p]], w[j + 1], rows[cols[p + 1]], w[j + 2], rows[cols[p + 2]], w[j + 3],
                    rows[cols[p + 3]], acc, d);
        }
        if (j < n) {
            int p = from + j;
            add4(w[j], rows[cols[p]], j + 1 < n ? w[j + 1] : 0f, j + 1 < n ? rows[cols[p + 1]] : zero,
                    j + 2 < n ? w[j + 2] : 0f, j + 2 < n ? rows[cols[p + 2]] : zero, 0f, zero, acc, d);
        }
    }

    /** {@code out = m * x} for a symmetric {@code d x d} matrix held as rows (so it is a sum of rows). */
    static void symmetricTimes(float[][] m, float[] x, float[] out, float[] zero) {
        int d = x.length;
        java.util.Arrays.fill(out, 0f);
        int k = 0;
        for (; k + 4 <= d; k += 4) {
            add4(x[k], m[k], x[k + 1], m[k + 1], x[k + 2], m[k + 2], x[k + 3], m[k + 3], out, d);
        }
        for (; k < d; k++) {
            add4(x[k], m[k], 0f, zero, 0f, zero, 0f, zero, out, d);
        }
    }

    /** {@code y += w0 x0 + w1 x1 + w2 x2 + w3 x3} (vectorised by C2). */
    static void add4(float w0, float[] x0, float w1, float[] x1, float w2, float[] x2, float w3, float[] x3,
                     float[] y, int d) {
        for (int k = 0; k < d; k++) {
            y[k] += (w0 * x0[k] + w1 * x1[k]) + (w2 * x2[k] + w3 * x3[k]);
        }
    }

    /** Dot product of two short vectors with eight accumulators. */
    static float dot(float[] a, float[] b) {
        int d = a.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int k = 0;
        for (; k + 8 <= d; k += 8) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
            s4 += a[k + 4] * b[k + 4];
            s5 += a[k + 5] * b[k + 5];
            s6 += a[k + 6] * b[k + 6];
            s7 += a[k + 7] * b[k + 7];
        }
        for (; k < d; k++) {
            s0 += a[k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
