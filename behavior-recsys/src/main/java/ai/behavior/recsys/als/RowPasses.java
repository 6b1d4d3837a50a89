package ai.behavior.recsys.als;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * The passes over one row's entries that a conjugate-gradient solve ({@link RowSolver}) and the objective
 * ({@link AlsObjective}) make: dot products {@code y_j . v} and weighted sums {@code sum_j w_j y_j} of the
 * fixed side's factor rows {@code y_j}. Two implementations: {@link ScalarRowPasses}, plain Java that C2
 * vectorises, and {@code VectorRowPasses}, written with the incubating Vector API, which makes one fused pass
 * where the scalar kernels need two and keeps the sums in vector registers.
 *
 * <pre>{@code
 * RowPasses passes = RowPasses.create(d, maxRowLength);   // one per thread: it owns scratch buffers
 * passes.dots(fixed, cols, start, n, v, z);               // z[j] = fixed[cols[start + j]] . v
 * }</pre>
 *
 * <p>{@link #create} takes the Vector API kernels when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (Java prints an incubator warning), the factors fill at least
 * one vector and the system property {@value #PROPERTY} is not {@code scalar} (it takes {@code auto}, the
 * default, or {@code scalar}); otherwise the scalar ones.
 * The two sum in different orders, so their results differ by float rounding; either is deterministic and
 * independent of the thread count.
 */
abstract class RowPasses {
    /** System property: {@code scalar} forces the scalar kernels even when the Vector API is present. */
    static final String PROPERTY = "behavior.als.kernels";
    private static final String VECTOR_CLASS = "ai.behavior.recsys.als.VectorRowPasses";
    private static final String MODULE = "jdk.incubator.vector";

    /**
     * Residual pass from {@code x}: {@code z[j] = y_j . x}, {@code cw[j] = alpha * values[start + j]} and
     * {@code r += sum_j ((1 + cw[j]) - cw[j] z[j]) y_j}, with {@code y_j = fixed[cols[start + j]]}, {@code j < n}.
     */
    abstract void residual(float[][] fixed, int[] cols, float[] values, int start, int n, float alpha, float[] x,
                           float[] z, float[] cw, float[] r);

    /**
     * Step pass with direction {@code p}: {@code z[j] = y_j . p} and {@code ap += sum_j cw[j] z[j] y_j}, for the
     * row of the latest {@link #residual} call (same arguments), whose factor rows have not changed since.
     */
    abstract void step(float[][] fixed, int[] cols, int start, int n, float[] p, float[] cw, float[] z, float[] ap);

    /** {@link #dots} for the row of the latest {@link #residual} call, as {@link #step} (may use its copies). */
    abstract void stepDots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z);

    /** {@code z[j] = y_j . v} for any row, {@code j < n}; {@code z} has room for {@link #room}{@code (n)}. */
    abstract void dots(float[][] fixed, int[] cols, int start, int n, float[] v, float[] z);

    /**
     * {@code out = gram * v} for the symmetric {@code d x d} Gram matrix held as rows (a sum of its rows weighted
     * by {@code v}).
     */
    abstract void gramTimes(float[][] gram, float[] v, float[] out);

    /** Room the {@code z} arrays of the passes need for a row of {@code n} entries: {@code n} rounded up to 16. */
    static int room(int n) {
        return (n + 15) & ~15;
    }

    /** Short name for logs and benchmark lines: {@code "scalar"} or {@code "vector-<bits>"}. */
    abstract String name();

    /** The name of the kernels {@link #create} picks for {@code d} factors in this JVM, without making them. */
    static String chosen(int d) {
        Class<?> c = vectorWanted() ? vectorClass(d) : null;
        if (c == null) {
            return "scalar";
        }
        try {
            return (String) c.getDeclaredMethod("label").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API kernels did not name themselves", e);
        }
    }

    /** Kernels for {@code d} factors and rows of up to {@code maxRowLength} entries (see the class comment). */
    static RowPasses create(int d, int maxRowLength) {
        Class<?> c = vectorWanted() ? vectorClass(d) : null;
        if (c == null) {
            return new ScalarRowPasses(d, maxRowLength);
        }
        try {
            return (RowPasses) c.getDeclaredConstructor(int.class, int.class).newInstance(d, maxRowLength);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the Vector API kernels failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API kernels failed to start", e);
        }
    }

    /** Whether the Vector API module is in the boot layer and the property does not ask for scalar kernels. */
    static boolean vectorWanted() {
        String p = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!p.equals("auto") && !p.equals("scalar")) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be auto or scalar, got '"
                    + System.getProperty(PROPERTY) + "'");
        }
        return !p.equals("scalar") && ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** The Vector API kernels' class, or null when it cannot load or does not suit {@code d} factors. */
    private static Class<?> vectorClass(int d) {
        try {
            Class<?> c = Class.forName(VECTOR_CLASS);
            return (boolean) c.getDeclaredMethod("suits", int.class).invoke(null, d) ? c : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
