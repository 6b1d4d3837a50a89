package ai.behavior.recsys.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowPasses} written with the incubating Vector API ({@code jdk.incubator.vector}, Java 17): each
 * entry's factor row is loaded once per pass, its dot product taken with vector multiply-adds and one lane
 * reduction, and, in the residual and step passes, added to the running sum at once. The scalar kernels need
 * a dot pass and a separate sum pass for the same work.
 *
 * <pre>{@code
 * // only with --add-modules jdk.incubator.vector; RowPasses.create loads this class by name
 * RowPasses passes = new VectorRowPasses(d, maxRowLength);
 * }</pre>
 *
 * <p>Vectors hold 8 floats (256 bits, on AVX2 and AVX-512 alike; used only where the hardware has them,
 * {@link #suits}). At 64 factors (eight vectors) the passes and the Gram product keep the direction and the
 * running sum in registers; other sizes load and store the sum per entry, and do factors past the last full
 * vector in scalar code. A dot product is summed lane-wise over the vectors of a row, then across the lanes;
 * the sums over a row's entries run in entry order. So each result is deterministic and independent of the
 * thread count, but not bit-equal to {@link ScalarRowPasses}'s (which sums each dot product in factor order).
 */
final class VectorRowPasses extends RowPasses {
    // 8 floats: with AVX-512, a 16-float dot product's final reduction across lanes costs more than the
    // twice as many multiply-adds of 8-float vectors save (measured: about 3x slower per dot product)
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();
    /** Factors of the register-resident passes: eight vectors. */
    private static final int FAST = 8 * L;

    /** Calls of each pass in {@link #warmUp}: enough for the JIT to compile them (5,000 helped half as much). */
    private static final int WARM_UP_CALLS = 20_000;
    private static volatile boolean warmed;

    private final int d;
    private final int upper;

    /** Kernels for {@code d} factors ({@link #suits}; {@code maxRowLength} is unused: no scratch is needed). */
    VectorRowPasses(int d, int maxRowLength) {
        if (!suits(d)) {
            throw new IllegalArgumentException("the Vector API kernels need 256-bit vectors and at least " + L
                    + " factors; this JVM prefers " + FloatVector.SPECIES_PREFERRED.vectorBitSize()
                    + "-bit vectors, factors " + d);
        }
        this.d = d;
        this.upper = S.loopBound(d);
        if (!warmed) {
            warmed = true;
            warmUp();
        }
    }

    /**
     * Runs every pass {@value #WARM_UP_CALLS} times on a tiny made-up row, once per JVM. Until the JIT compiler
     * has compiled them, Vector API calls run as slow pure-Java code that allocates each vector: without this,
     * the first fit on MovieLens-100k at 64 factors took about 2.2 CPU seconds instead of 0.2; with it, about
     * 1.0 (this warm-up about 0.6 of it), less than the scalar kernels' first fit (1.25 to 1.5). The calls
     * have no effect on any result.
     */
    private void warmUp() {
        int n = 4;
        float[][] fixed = new float[n][d];
        int[] cols = new int[n];
        float[] values = new float[n];
        for (int j = 0; j < n; j++) {
            cols[j] = j;
            values[j] = 1;
            for (int k = 0; k < d; k++) {
                fixed[j][k] = 0.01f * ((j * 31 + k * 7) % 13 - 6);
            }
        }
        float[] x = new float[d];
        float[] acc = new float[d];
        float[] z = new float[RowPasses.room(n)];
        float[] cw = new float[RowPasses.room(n)];
        float[][] gram = new float[d][d];
        for (int c = 0; c < WARM_UP_CALLS; c++) {
            residual(fixed, cols, values, 0, n, 1f, x, z, cw, acc);
            step(fixed, cols, 0, n, x, cw, z, acc);
            dots(fixed, cols, 0, n, x, z);
            gramTimes(gram, x, acc);
        }
    }

    /**
     * Whether these kernels serve {@code d} factors in this JVM: at least one vector of factors, and 256-bit
     * vectors supported by the hardware (else the Vector API runs in slow pure-Java code).
     */
    static boolean suits(int d) {
        return d >= L && FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    @Override
    void residual(float[][] fixed, int[] cols, float[] values, int start, int n, float alpha, float[] x, float[] z,
                  float[] cw, float[] r) {
        if (d == FAST) {
            residual64(fixed, cols, values, start, n, alpha, x, z, cw, r);
            return;
        }
        for (int j = 0; j < n; j++) {
            float[] y = fixed[cols[start + j]];
            float s = dot(y, x);
            z[j] = s;
            float c1 = alpha * values[start + j];
            cw[j] = c1;
            addTo(r, (1f + c1) - c1 * s, y);
        }
    }

    @Override
    void step(float[][] fixed, int[] cols, int start, int n, float[] p, float[] cw, float[] z, float[] ap) {
        if (d == FAST) {
            step64(fixed, cols, start, n, p, cw, z, ap);
            return;
        }
        for (int j = 0; j < n; j++) {
            float[] y = fixed[cols[start + j]];
            float s = dot(y, p);
            z[j] = s;
            addTo(ap, cw[j] * s, y);
        }
    }

    @Override
    void stepDots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z) {
        dots(fixed, cols, start, n, v, z);
    }

    @Override
    void dots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z) {
        if (d == FAST) {
            dots64(fixed, cols, start, n, v, z);
            return;
        }
        for (int j = 0; j < n; j++) {
            z[j] = dot(fixed[cols[start + j]], v);
        }
    }

    @Override
    void gramTimes(float[][] gram, float[] v, float[] out) {
        if (d != FAST) {
            java.util.Arrays.fill(out, 0f);
            for (int k = 0; k < d; k++) {
                addTo(out, v[k], gram[k]);
            }
            return;
        }
        // 64 factors: the sum in eight registers, one multiply-add per row and vector
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        FloatVector a4 = FloatVector.zero(S);
        FloatVector a5 = FloatVector.zero(S);
        FloatVector a6 = FloatVector.zero(S);
        FloatVector a7 = FloatVector.zero(S);
        for (int k = 0; k < FAST; k++) {
            float[] g = gram[k];
            FloatVector w = FloatVector.broadcast(S, v[k]);
            a0 = FloatVector.fromArray(S, g, 0).fma(w, a0);
            a1 = FloatVector.fromArray(S, g, 8).fma(w, a1);
            a2 = FloatVector.fromArray(S, g, 16).fma(w, a2);
            a3 = FloatVector.fromArray(S, g, 24).fma(w, a3);
            a4 = FloatVector.fromArray(S, g, 32).fma(w, a4);
            a5 = FloatVector.fromArray(S, g, 40).fma(w, a5);
            a6 = FloatVector.fromArray(S, g, 48).fma(w, a6);
            a7 = FloatVector.fromArray(S, g, 56).fma(w, a7);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, 8);
        a2.intoArray(out, 16);
        a3.intoArray(out, 24);
        a4.intoArray(out, 32);
        a5.intoArray(out, 40);
        a6.intoArray(out, 48);
        a7.intoArray(out, 56);
    }

    @Override
    String name() {
        return label();
    }

    /** {@link #name()}, without an instance: {@code "vector-256"}. */
    static String label() {
        return "vector-" + S.vectorBitSize();
    }

    /** {@link #residual} for 64 factors: direction and sum in registers. */
    private static void residual64(float[][] fixed, int[] cols, float[] values, int start, int n, float alpha,
                                   float[] x, float[] z, float[] cw, float[] r) {
        FloatVector v0 = FloatVector.fromArray(S, x, 0);
        FloatVector v1 = FloatVector.fromArray(S, x, 8);
        FloatVector v2 = FloatVector.fromArray(S, x, 16);
        FloatVector v3 = FloatVector.fromArray(S, x, 24);
        FloatVector v4 = FloatVector.fromArray(S, x, 32);
        FloatVector v5 = FloatVector.fromArray(S, x, 40);
        FloatVector v6 = FloatVector.fromArray(S, x, 48);
        FloatVector v7 = FloatVector.fromArray(S, x, 56);
        FloatVector a0 = FloatVector.fromArray(S, r, 0);
        FloatVector a1 = FloatVector.fromArray(S, r, 8);
        FloatVector a2 = FloatVector.fromArray(S, r, 16);
        FloatVector a3 = FloatVector.fromArray(S, r, 24);
        FloatVector a4 = FloatVector.fromArray(S, r, 32);
        FloatVector a5 = FloatVector.fromArray(S, r, 40);
        FloatVector a6 = FloatVector.fromArray(S, r, 48);
        FloatVector a7 = FloatVector.fromArray(S, r, 56);
        for (int j = 0; j < n; j++) {
            float[] y = fixed[cols[start + j]];
            FloatVector y0 = FloatVector.fromArray(S, y, 0);
            FloatVector y1 = FloatVector.fromArray(S, y, 8);
            FloatVector y2 = FloatVector.fromArray(S, y, 16);
            FloatVector y3 = FloatVector.fromArray(S, y, 24);
            FloatVector y4 = FloatVector.fromArray(S, y, 32);
            FloatVector y5 = FloatVector.fromArray(S, y, 40);
            FloatVector y6 = FloatVector.fromArray(S, y, 48);
            FloatVector y7 = FloatVector.fromArray(S, y, 56);
            float s = (y0.mul(v0).add(y1.mul(v1)).add(y2.mul(v2).add(y3.mul(v3))))
                    .add(y4.mul(v4).add(y5.mul(v5)).add(y6.mul(v6).add(y7.mul(v7)))).reduceLanes(VectorOperators.ADD);
            z[j] = s;
            float c1 = alpha * values[start + j];
            cw[j] = c1;
            FloatVector w = FloatVector.broadcast(S, (1f + c1) - c1 * s);
            a0 = y0.fma(w, a0);
            a1 = y1.fma(w, a1);
            a2 = y2.fma(w, a2);
            a3 = y3.fma(w, a3);
            a4 = y4.fma(w, a4);
            a5 = y5.fma(w, a5);
            a6 = y6.fma(w, a6);
            a7 = y7.fma(w, a7);
        }
        a0.intoArray(r, 0);
        a1.intoArray(r, 8);
        a2.intoArray(r, 16);
        a3.intoArray(r, 24);
        a4.intoArray(r, 32);
        a5.intoArray(r, 40);
        a6.intoArray(r, 48);
        a7.intoArray(r, 56);
    }

    /** {@link #step} for 64 factors: direction and sum in registers. */
    private static void step64(float[][] fixed, int[] cols, int start, int n, float[] p, float[] cw, float[] z,
                               float[] ap) {
        FloatVector v0 = FloatVector.fromArray(S, p, 0);
        FloatVector v1 = FloatVector.fromArray(S, p, 8);
        FloatVector v2 = FloatVector.fromArray(S, p, 16);
        FloatVector v3 = FloatVector.fromArray(S, p, 24);
        FloatVector v4 = FloatVector.fromArray(S, p, 32);
        FloatVector v5 = FloatVector.fromArray(S, p, 40);
        FloatVector v6 = FloatVector.fromArray(S, p, 48);
        FloatVector v7 = FloatVector.fromArray(S, p, 56);
        FloatVector a0 = FloatVector.fromArray(S, ap, 0);
        FloatVector a1 = FloatVector.fromArray(S, ap, 8);
        FloatVector a2 = FloatVector.fromArray(S, ap, 16);
        FloatVector a3 = FloatVector.fromArray(S, ap, 24);
        FloatVector a4 = FloatVector.fromArray(S, ap, 32);
        FloatVector a5 = FloatVector.fromArray(S, ap, 40);
        FloatVector a6 = FloatVector.fromArray(S, ap, 48);
        FloatVector a7 = FloatVector.fromArray(S, ap, 56);
        for (int j = 0; j < n; j++) {
            float[] y = fixed[cols[start + j]];
            FloatVector y0 = FloatVector.fromArray(S, y, 0);
            FloatVector y1 = FloatVector.fromArray(S, y, 8);
            FloatVector y2 = FloatVector.fromArray(S, y, 16);
            FloatVector y3 = FloatVector.fromArray(S, y, 24);
            FloatVector y4 = FloatVector.fromArray(S, y, 32);
            FloatVector y5 = FloatVector.fromArray(S, y, 40);
            FloatVector y6 = FloatVector.fromArray(S, y, 48);
            FloatVector y7 = FloatVector.fromArray(S, y, 56);
            float s = (y0.mul(v0).add(y1.mul(v1)).add(y2.mul(v2).add(y3.mul(v3))))
                    .add(y4.mul(v4).add(y5.mul(v5)).add(y6.mul(v6).add(y7.mul(v7)))).reduceLanes(VectorOperators.ADD);
            z[j] = s;
            FloatVector w = FloatVector.broadcast(S, cw[j] * s);
            a0 = y0.fma(w, a0);
            a1 = y1.fma(w, a1);
            a2 = y2.fma(w, a2);
            a3 = y3.fma(w, a3);
            a4 = y4.fma(w, a4);
            a5 = y5.fma(w, a5);
            a6 = y6.fma(w, a6);
            a7 = y7.fma(w, a7);
        }
        a0.intoArray(ap, 0);
        a1.intoArray(ap, 8);
        a2.intoArray(ap, 16);
        a3.intoArray(ap, 24);
        a4.intoArray(ap, 32);
        a5.intoArray(ap, 40);
        a6.intoArray(ap, 48);
        a7.intoArray(ap, 56);
    }

    /** {@link #dots} for 64 factors, with the same arithmetic as {@link #residual64}'s dot products. */
    private static void dots64(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z) {
        FloatVector v0 = FloatVector.fromArray(S, v, 0);
        FloatVector v1 = FloatVector.fromArray(S, v, 8);
        FloatVector v2 = FloatVector.fromArray(S, v, 16);
        FloatVector v3 = FloatVector.fromArray(S, v, 24);
        FloatVector v4 = FloatVector.fromArray(S, v, 32);
        FloatVector v5 = FloatVector.fromArray(S, v, 40);
        FloatVector v6 = FloatVector.fromArray(S, v, 48);
        FloatVector v7 = FloatVector.fromArray(S, v, 56);
        for (int j = 0; j < n; j++) {
            float[] y = fixed[cols[start + j]];
            FloatVector y0 = FloatVector.fromArray(S, y, 0);
            FloatVector y1 = FloatVector.fromArray(S, y, 8);
            FloatVector y2 = FloatVector.fromArray(S, y, 16);
            FloatVector y3 = FloatVector.fromArray(S, y, 24);
            FloatVector y4 = FloatVector.fromArray(S, y, 32);
            FloatVector y5 = FloatVector.fromArray(S, y, 40);
            FloatVector y6 = FloatVector.fromArray(S, y, 48);
            FloatVector y7 = FloatVector.fromArray(S, y, 56);
            z[j] = (y0.mul(v0).add(y1.mul(v1)).add(y2.mul(v2).add(y3.mul(v3))))
                    .add(y4.mul(v4).add(y5.mul(v5)).add(y6.mul(v6).add(y7.mul(v7)))).reduceLanes(VectorOperators.ADD);
        }
    }

    /** {@code y . v}: lane-wise over the full vectors, across the lanes, then the scalar tail. */
    private float dot(float[] y, float[] v) {
        FloatVector acc = FloatVector.fromArray(S, y, 0).mul(FloatVector.fromArray(S, v, 0));
        for (int k = L; k < upper; k += L) {
            acc = FloatVector.fromArray(S, y, k).fma(FloatVector.fromArray(S, v, k), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (int k = upper; k < d; k++) {
            s += y[k] * v[k];
        }
        return s;
    }

    /** {@code acc += w y}. */
    private void addTo(float[] acc, float w, float[] y) {
        FloatVector wv = FloatVector.broadcast(S, w);
        for (int k = 0; k < upper; k += L) {
            FloatVector.fromArray(S, y, k).fma(wv, FloatVector.fromArray(S, acc, k)).intoArray(acc, k);
        }
        for (int k = upper; k < d; k++) {
            acc[k] += w * y[k];
        }
    }
}
