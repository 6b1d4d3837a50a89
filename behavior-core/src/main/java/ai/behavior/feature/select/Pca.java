package ai.behavior.feature.select;

import ai.behavior.feature.DenseReducer;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Principal component analysis of the whole dense block: centres each column on its training mean and
 * projects onto the leading principal axes, outputs {@code pc1..pck}; optionally whitened (each output
 * divided by its component's standard deviation, so it has unit training variance).
 *
 * <p>Components come from the singular value decomposition of the centred training block, not from an
 * eigendecomposition of its covariance matrix: forming the covariance squares the condition number, so
 * components with small variance lose about twice as many digits. To keep memory at {@code O(d^2)} rather
 * than holding the {@code n x d} block (and an {@code n x d} U) in doubles, the block is reduced chunk by chunk
 * with Householder QR (the triangular factor of the rows so far, stacked on the next chunk), and the SVD is
 * taken of the final {@code d x d} triangular factor R: since the centred block is Q R with orthonormal Q,
 * R has the same singular values and right singular vectors. Explained variance of component i is
 * {@code s_i^2 / n} (population, as {@link ai.behavior.feature.numeric.Standardize}); shares are unaffected
 * by that choice.
 *
 * <p>Each component's sign is fixed so that its largest-magnitude loading (the first, on a tie) is positive,
 * so refitting on the same data, reordered rows or negated data gives the same outputs.
 *
 * <pre>{@code
 * Pipeline.builder().add("a", Standardize.of("a")).add("b", Standardize.of("b")).add("c", Standardize.of("c"))
 *         .reduce("pca", Pca.varianceShare(0.95)).build();
 * }</pre>
 *
 * @param k      number of components; 0 to choose by {@code share}
 * @param share  with {@code k == 0}, the smallest k whose components explain at least this share of the
 *               total variance; in {@code (0, 1]}
 * @param whiten divide each output by its component's standard deviation
 */
public record Pca(int k, double share, boolean whiten) implements DenseReducer {
    /** Kind in saved pipelines. */
    public static final String KIND = "pca";
    private static final String WHO = "Pca";
    /** Rows per QR chunk (plus the d rows of the running R); bounds the working memory. */
    private static final int CHUNK = 1024;
    /** A component explaining less than this share of the total variance is treated as zero variance. */
    private static final double ZERO_SHARE = 1e-12;

    /** Checks that exactly one rule is given. */
    public Pca {
        if (k < 0) {
            throw new IllegalArgumentException("PCA components must be >= 1 (or 0 to choose by share), got " + k);
        }
        if (k == 0 && !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("PCA variance share must be in (0, 1], got " + share);
        }
    }

    /** Keeps the first {@code k} principal components. */
    public static Pca components(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("PCA components must be >= 1, got " + k);
        }
        return new Pca(k, 0, false);
    }

    /** Keeps the smallest number of components that explains at least {@code share} of the total variance. */
    public static Pca varianceShare(double share) {
        return new Pca(0, share, false);
    }

    /** The same rule with whitened outputs (unit training variance per component). */
    public Pca whitened() {
        return new Pca(k, share, true);
    }

    @Override
    public FittedReducer fit(float[] dense, int rows, List<String> names, FitContext context) {
        DenseBlock block = DenseBlock.of(WHO, dense, rows, names);
        int d = block.width();
        if (k > d) {
            throw new IllegalArgumentException(WHO + ": asked for " + k + " components but the dense block has only "
                    + d + " columns: " + names);
        }
        double[] mean = block.means();
        SingularValueDecomposition svd = new SingularValueDecomposition(triangularFactor(block, mean));
        double[] s = svd.getSingularValues(); // descending
        double[] variance = new double[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            variance[i] = s[i] * s[i] / rows;
            total += variance[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(WHO + ": every dense column is constant in the " + rows
                    + " training rows " + names + "; there is no variance to find components in");
        }
        int chosen = k > 0 ? k : smallestReaching(variance, total, share);
        RealMatrix v = svd.getV();
        double[] loadings = new double[chosen * d];
        for (int j = 0; j < chosen; j++) {
            double[] axis = v.getColumn(j);
            int largest = 0;
            for (int i = 1; i < d; i++) {
                if (Math.abs(axis[i]) > Math.abs(axis[largest])) {
                    largest = i;
                }
            }
            double sign = axis[largest] < 0 ? -1 : 1;
            for (int i = 0; i < d; i++) {
                loadings[j * d + i] = sign * axis[i];
            }
            if (whiten && variance[j] <= ZERO_SHARE * total) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: component pc%d explains %.3g of "
                        + "the variance, so whitening would divide by zero; ask for fewer than %d components",
                        WHO, j + 1, variance[j] / total, j + 1));
            }
        }
        String rule = k > 0 ? "k = " + k : String.format(Locale.ROOT, "smallest k reaching share %.4g", share);
        return new Fitted(names, mean, loadings, chosen, variance, whiten, rule);
    }

    /**
     * The {@code d x d} triangular factor R of the centred block, by QR over chunks of rows: each step
     * factors the previous R stacked on the next chunk. R starts as zeros, which adds nothing to
     * {@code R^T R}, so fewer rows than columns work too.
     */
    private static RealMatrix triangularFactor(DenseBlock block, double[] mean) {
        int d = block.width();
        double[][] r = new double[d][d];
        for (int start = 0; start < block.rows(); start += CHUNK) {
            int end = Math.min(block.rows(), start + CHUNK);
            double[][] a = new double[d + end - start][];
            for (int i = 0; i < d; i++) {
                a[i] = r[i];
            }
            for (int row = start; row < end; row++) {
                double[] c = new double[d];
                for (int j = 0; j < d; j++) {
                    c[j] = block.get(row, j) - mean[j];
                }
                a[d + row - start] = c;
            }
            RealMatrix factor = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getR();
            r = factor.getSubMatrix(0, d - 1, 0, d - 1).getData();
        }
        return new Array2DRowRealMatrix(r, false);
    }

    /** The smallest k whose leading variances reach {@code share} of {@code total} (with a rounding allowance). */
    static int smallestReaching(double[] variance, double total, double share) {
        double sum = 0;
        for (int i = 0; i < variance.length; i++) {
            sum += variance[i];
            if (sum / total >= share - 1e-12) {
                return i + 1;
            }
        }
        return variance.length;
    }

    static FittedReducer load(StepReader in) throws IOException {
        int d = in.intParam("width");
        int chosen = in.intParam("k");
        String[] inputs = in.strings("inputs");
        double[] mean = in.doubles("mean");
        double[] loadings = in.doubles("loadings");
        double[] variance = in.doubles("variance");
        if (inputs.length != d || mean.length != d || variance.length != d || chosen < 1 || chosen > d
                || loadings.length != chosen * d) {
            throw new ModelFileException("reducer '" + in.step() + "': saved PCA arrays do not match width " + d
                    + " and " + chosen + " components");
        }
        return new Fitted(List.of(inputs), mean, loadings, chosen, variance, in.booleanParam("whiten"),
                in.stringParam("rule"));
    }

    /**
     * The fitted projection: training means, the first {@code k} unit axes row-major ({@code k x d}), every
     * component's explained variance (all d, for the shares), and the output scale.
     */
    private static final class Fitted implements FittedReducer {
        private final List<String> inputs;
        private final double[] mean;
        private final double[] loadings;
        private final int k;
        private final double[] variance;
        private final boolean whiten;
        private final String rule;
        private final double[] scale;
        private final List<String> outputs;

        Fitted(List<String> inputs, double[] mean, double[] loadings, int k, double[] variance, boolean whiten,
               String rule) {
            this.inputs = List.copyOf(inputs);
            this.mean = mean.clone();
            this.loadings = loadings.clone();
            this.k = k;
            this.variance = variance.clone();
            this.whiten = whiten;
            this.rule = rule;
            this.scale = new double[k];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                scale[j] = whiten ? 1 / Math.sqrt(variance[j]) : 1;
                names.add("pc" + (j + 1));
            }
            this.outputs = List.copyOf(names);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public int inputWidth() {
            return mean.length;
        }

        @Override
        public List<String> outputNames() {
            return outputs;
        }

        @Override
        public void apply(float[] in, int inOff, float[] out, int outOff) {
            int d = mean.length;
            for (int j = 0; j < k; j++) {
                double acc = 0;
                int base = j * d;
                for (int i = 0; i < d; i++) {
                    acc += (in[inOff + i] - mean[i]) * loadings[base + i];
                }
                out[outOff + j] = (float) (acc * scale[j]);
            }
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("width", (long) mean.length).param("k", (long) k).param("whiten", whiten).param("rule", rule);
            out.strings("inputs", inputs.toArray(new String[0]));
            out.doubles("mean", mean);
            out.doubles("loadings", loadings);
            out.doubles("variance", variance);
        }

        @Override
        public String describe() {
            double total = 0;
            for (double v : variance) {
                total += v;
            }
            List<String> shares = new ArrayList<>();
            double kept = 0;
            for (int j = 0; j < k; j++) {
                kept += variance[j];
                if (j < 10) {
                    shares.add(String.format(Locale.ROOT, "pc%d %.4f", j + 1, variance[j] / total));
                }
            }
            if (k > 10) {
                shares.add("...");
            }
            return String.format(Locale.ROOT, "centred%s, %d of %d components (%s) explain %.4f of the variance: %s",
                    whiten ? " and whitened" : "", k, mean.length, rule, kept / total, String.join(", ", shares));
        }

        @Override
        public String toString() {
            return "Pca.Fitted[" + describe() + "]";
        }
    }
}
