package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSpec;

import java.util.List;

/** Checks of MLP inputs, so bad values fail in Java with the column and row named, never deep in native code. */
final class MlpInputs {
    private MlpInputs() {
    }

    /** Dense values finite and categorical indices in range for rows {@code [from, to)}. */
    static void check(FeatureMatrix m, MlpArchitecture a, String what, int from, int to) {
        int d = m.schema().denseWidth();
        float[] dense = m.denseBlock();
        if (!allFinite(dense, from * d, to * d)) {
            for (int i = from * d, end = to * d; i < end; i++) {
                if (!Float.isFinite(dense[i])) {
                    throw new IllegalArgumentException(what + ": dense feature '"
                            + m.schema().dense().get(i % d).name() + "' is " + dense[i] + " at row " + i / d
                            + "; inputs must be finite");
                }
            }
        }
        List<FeatureSpec.Categorical> cats = a.categorical();
        int k = cats.size();
        if (k == 0) {
            return;
        }
        int[] cardinality = new int[k];
        for (int c = 0; c < k; c++) {
            cardinality[c] = cats.get(c).cardinality();
        }
        int[] codes = m.categoricalBlock();
        for (int r = from; r < to; r++) {
            int base = r * k;
            for (int c = 0; c < k; c++) {
                int v = codes[base + c];
                if (v < 0 || v >= cardinality[c]) {
                    throw new IllegalArgumentException(what + ": categorical feature '" + cats.get(c).name() + "' is "
                            + v + " at row " + r + "; indices must be in [0, " + cardinality[c] + ")");
                }
            }
        }
    }

    /**
     * Whether {@code v[from..to)} are all finite, about twice as fast as testing each value: {@code x * 0} is
     * {@code +-0} for a finite {@code x} and NaN otherwise, and eight independent sums keep the CPU's pipelines
     * full. The slow loop then runs only to name the bad value.
     */
    static boolean allFinite(float[] v, int from, int to) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += v[i] * 0f;
            s1 += v[i + 1] * 0f;
            s2 += v[i + 2] * 0f;
            s3 += v[i + 3] * 0f;
            s4 += v[i + 4] * 0f;
            s5 += v[i + 5] * 0f;
            s6 += v[i + 6] * 0f;
            s7 += v[i + 7] * 0f;
        }
        for (; i < to; i++) {
            s0 += v[i] * 0f;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0f;
    }

    /** Labels: one per row, finite, and 0 or 1 for binary tasks. */
    static void checkLabels(double[] labels, int rows, MlpTask task, String what) {
        if (labels == null) {
            throw new IllegalArgumentException(what + " labels are null");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(what + ": " + labels.length + " labels for " + rows + " rows");
        }
        for (int i = 0; i < labels.length; i++) {
            double y = labels[i];
            if (!Double.isFinite(y)) {
                throw new IllegalArgumentException(what + " label " + i + " is " + y + "; labels must be finite");
            }
            if (task == MlpTask.BINARY && y != 0 && y != 1) {
                throw new IllegalArgumentException(what + " label " + i + " is " + y + "; a binary task needs 0 or 1");
            }
        }
    }

    /** Whether binary labels hold both classes (AUC is undefined otherwise). */
    static void checkBothClasses(double[] labels, String what) {
        boolean zero = false;
        boolean one = false;
        for (double y : labels) {
            zero |= y == 0;
            one |= y == 1;
        }
        if (!zero || !one) {
            throw new IllegalArgumentException(what + " labels hold only class " + (one ? 1 : 0) + "; AUC is undefined: "
                    + "give validation rows of both classes (or none)");
        }
    }
}
