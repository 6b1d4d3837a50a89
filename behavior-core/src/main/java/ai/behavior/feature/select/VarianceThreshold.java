package ai.behavior.feature.select;

import ai.behavior.feature.DenseReducer;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops the dense columns whose training variance is at most {@code threshold}; the kept columns keep their
 * names and order. Variance is the population variance (divides by n, as scikit-learn's VarianceThreshold).
 * The default threshold 0 drops exactly the constant columns. Place it after scaling only with care: a
 * standardised column has variance 1 unless it was constant.
 *
 * <pre>{@code
 * Pipeline.builder().add("price", Standardize.of("price")).add("age", Standardize.of("age"))
 *         .reduce("nonconstant", VarianceThreshold.of()).build();
 * }</pre>
 *
 * @param threshold columns with variance {@code <= threshold} are dropped; finite and {@code >= 0}
 */
public record VarianceThreshold(double threshold) implements DenseReducer {
    /** Kind in saved pipelines. */
    public static final String KIND = "variance-threshold";

    /** Checks the threshold. */
    public VarianceThreshold {
        if (!Double.isFinite(threshold) || threshold < 0) {
            throw new IllegalArgumentException("variance threshold must be finite and >= 0, got " + threshold);
        }
    }

    /** Drops constant columns (threshold 0). */
    public static VarianceThreshold of() {
        return new VarianceThreshold(0);
    }

    /** Drops columns whose variance is at most {@code threshold}. */
    public static VarianceThreshold atMost(double threshold) {
        return new VarianceThreshold(threshold);
    }

    @Override
    public FittedReducer fit(float[] dense, int rows, List<String> names, FitContext context) {
        DenseBlock block = DenseBlock.of("VarianceThreshold", dense, rows, names);
        double[] variances = block.variances();
        boolean[] keep = new boolean[variances.length];
        for (int j = 0; j < variances.length; j++) {
            keep[j] = variances[j] > threshold;
        }
        int[] kept = ColumnSubset.kept(keep);
        if (kept.length == 0) {
            throw new IllegalArgumentException("VarianceThreshold: no dense column has training variance above "
                    + threshold + "; variances are " + listing(block.names(), variances));
        }
        return new Fitted(new ColumnSubset(block.names(), kept), threshold, variances);
    }

    static FittedReducer load(StepReader in) throws IOException {
        ColumnSubset cols = ColumnSubset.load(in);
        return new Fitted(cols, in.doubleParam("threshold"), ColumnSubset.perColumn(in, "variances",
                cols.inputWidth()));
    }

    private static String listing(List<String> names, double[] values) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            parts.add(String.format(Locale.ROOT, "%s %.6g", names.get(j), values[j]));
        }
        return String.join(", ", parts);
    }

    /** The fitted selection: which columns survive, and every column's training variance (for describe). */
    private record Fitted(ColumnSubset columns, double threshold, double[] variances) implements SubsetReducer {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void save(StepWriter out) throws IOException {
            columns.save(out);
            out.param("threshold", threshold);
            out.doubles("variances", variances);
        }

        @Override
        public String describe() {
            List<String> dropped = new ArrayList<>();
            for (int j = 0; j < variances.length; j++) {
                if (!columns.isKept(j)) {
                    dropped.add(String.format(Locale.ROOT, "%s (variance %.6g)", columns.inputNames().get(j),
                            variances[j]));
                }
            }
            return String.format(Locale.ROOT, "variance > %.6g keeps %d of %d columns; dropped: %s", threshold,
                    columns.outputNames().size(), columns.inputWidth(), dropped.isEmpty() ? "none"
                            : String.join(", ", dropped));
        }
    }
}
