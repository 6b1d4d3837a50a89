package ai.behavior.recsys.als;

/**
 * The dense float kernels of ALS training, written so that HotSpot's C2 vectorises them on Java 17 without
 * the incubating Vector API.
 *
 * <pre>{@code
 * Kernels.dots(itemRows, cols, start, n, x, z, zero);       // z[j] = itemRows[cols[start + j]] . x
 * Kernels.addRows(itemRows, cols, start, n, w, acc, zero);  // acc += sum_j w[j] * itemRows[cols[start + j]]
 * }</pre>
 *
 * <p>Why the shapes: C2 (Java 17) vectorises {@code y[k] += w * x[k]} only when both arrays are indexed by the
 * same loop variable with no offset (an offset into a flat matrix defeats its alias analysis), and it never
 * vectorises a float sum reduction. So factors are held as one array per row during training; "add rows"
 * loops combine four rows per pass (one load-add-store of the accumulator per four rows); dot products run
 * eight rows at once, each with its own scalar accumulator, which keeps the floating-point units busy. A
 * short group is padded with a shared zero row, so every row's result is computed by exactly the same
 * arithmetic wherever it falls: results never depend on grouping, row order or thread count.
 *
 * <p>A conjugate-gradient solve takes several dot products of the same rows with different vectors. Its first
 * pass ({@link #dotGroup}) therefore also copies the rows factor-major ({@code t[k][j]}, one array per
 * factor), and later passes ({@link #columnDots}) loop over the rows for one factor at a time: an
 * "add rows" shape again, which C2 vectorises, and the same sums in the same order, so the same bits. At 64
 * factors (measured on a Zen 5 core) the first pass with its copy costs about 1.7 scalar dot passes and
 * each later pass about a quarter of one.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code out[j] = rows[cols[from + j]] . v} for {@code j < n}. {@code out} must have room for {@code n}
     * rounded up to a multiple of 8 (the padding slots are overwritten); {@code zero} is a zero row.
     */
    static void dots(float[][] rows, int[] cols, int from, int n, float[] v, float[] out, float[] zero) {
        for (int j = 0; j < n; j += 8) {
            dotGroup(rows, cols, from, n, j, v, out, zero, null);
        }
    }

    /**
     * The group of {@link #dots} that starts at {@code j} (a multiple of 8): {@code out[j..j+7]}, the slots past
     * {@code n} from zero rows. With a non-null {@code t}, also stores the group factor-major,
     * {@code t[k][j + l] = rows[cols[from + j + l]][k]} (padding included), for {@link #columnDots}: the rows are
     * read once for both.
     */
    static void dotGroup(float[][] rows, int[] cols, int from, int n, int j, float[] v, float[] out, float[] zero,
                         float[][] t) {
        int d = v.length;
        int end = from + n;
        int p = from + j;
        float[] x0 = row(rows, cols, p, end, zero);
        float[] x1 = row(rows, cols, p + 1, end, zero);
        float[] x2 = row(rows, cols, p + 2, end, zero);
        float[] x3 = row(rows, cols, p + 3, end, zero);
        float[] x4 = row(rows, cols, p + 4, end, zero);
        float[] x5 = row(rows, cols, p + 5, end, zero);
        float[] x6 = row(rows, cols, p + 6, end, zero);
        float[] x7 = row(rows, cols, p + 7, end, zero);
        if (t == null) {
            dot8(x0, x1, x2, x3, x4, x5, x6, x7, v, out, j, d);
        } else {
            dot8Gather(x0, x1, x2, x3, x4, x5, x6, x7, v, out, j, d, t);
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

    /** {@link #dot8} that also stores the eight rows factor-major: {@code t[k][at + l] = x_l[k]}. */
    private static void dot8Gather(float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5,
                                   float[] x6, float[] x7, float[] v, float[] out, int at, int d, float[][] t) {
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
            float e0 = x0[k];
            float e1 = x1[k];
            float e2 = x2[k];
            float e3 = x3[k];
            float e4 = x4[k];
            float e5 = x5[k];
            float e6 = x6[k];
            float e7 = x7[k];
            float[] c = t[k];
            c[at] = e0;
            c[at + 1] = e1;
            c[at + 2] = e2;
            c[at + 3] = e3;
            c[at + 4] = e4;
            c[at + 5] = e5;
            c[at + 6] = e6;
            c[at + 7] = e7;
            s0 += e0 * a;
            s1 += e1 * a;
            s2 += e2 * a;
            s3 += e3 * a;
            s4 += e4 * a;
            s5 += e5 * a;
            s6 += e6 * a;
            s7 += e7 * a;
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

    /**
     * {@code out[j] = sum_k t[k][j] v[k]} for {@code j < n}, from rows gathered factor-major by {@link #dotGroup}.
     * Each sum runs in factor order from zero, exactly as in {@link #dots}, so both give the same bits; here
     * the loop runs over the rows, which C2 vectorises, instead of a scalar loop over the factors.
     */
    static void columnDots(float[][] t, int n, float[] v, float[] out) {
        int d = v.length;
        int k = 0;
        if (d >= 4) {
            float a0 = v[0];
            float a1 = v[1];
            float a2 = v[2];
            float a3 = v[3];
            float[] t0 = t[0];
            float[] t1 = t[1];
            float[] t2 = t[2];
            float[] t3 = t[3];
            for (int j = 0; j < n; j++) {
                out[j] = (((0f + t0[j] * a0) + t1[j] * a1) + t2[j] * a2) + t3[j] * a3;
            }
            k = 4;
        } else {
            java.util.Arrays.fill(out, 0, n, 0f);
        }
        for (; k + 4 <= d; k += 4) {
            float a0 = v[k];
            float a1 = v[k + 1];
            float a2 = v[k + 2];
            float a3 = v[k + 3];
            float[] t0 = t[k];
            float[] t1 = t[k + 1];
            float[] t2 = t[k + 2];
            float[] t3 = t[k + 3];
            for (int j = 0; j < n; j++) {
                out[j] = (((out[j] + t0[j] * a0) + t1[j] * a1) + t2[j] * a2) + t3[j] * a3;
            }
        }
        for (; k < d; k++) {
            float a = v[k];
            float[] tk = t[k];
            for (int j = 0; j < n; j++) {
                out[j] += tk[j] * a;
            }
        }
    }

    /** {@code acc += sum_j w[j] * rows[cols[from + j]]} for {@code j < n}, four rows per pass. */
    static void addRows(float[][] rows, int[] cols, int from, int n, float[] w, float[] acc, float[] zero) {
        addRows(rows, cols, from, 0, n, w, acc, zero);
    }

    /**
     * {@code acc += sum_j w[j] * rows[cols[from + j]]} for {@code first <= j < n}, four rows per pass from
     * {@code first}: with {@code first} a multiple of 4, calls over consecutive ranges add exactly what one call
     * over their union adds.
     */
    static void addRows(float[][] rows, int[] cols, int from, int first, int n, float[] w, float[] acc,
                        float[] zero) {
        int d = acc.length;
        int j = first;
        for (; j + 8 <= n; j += 8) {
            // two groups per pass: fetching eight rows before adding lets their loads overlap (about 10 % faster)
            int p = from + j;
            float[] x0 = rows[cols[p]];
            float[] x1 = rows[cols[p + 1]];
            float[] x2 = rows[cols[p + 2]];
            float[] x3 = rows[cols[p + 3]];
            float[] x4 = rows[cols[p + 4]];
            float[] x5 = rows[cols[p + 5]];
            float[] x6 = rows[cols[p + 6]];
            float[] x7 = rows[cols[p + 7]];
            add4(w[j], x0, w[j + 1], x1, w[j + 2], x2, w[j + 3], x3, acc, d);
            add4(w[j + 4], x4, w[j + 5], x5, w[j + 6], x6, w[j + 7], x7, acc, d);
        }
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
