package ai.behavior.feature.select;

import ai.behavior.feature.DenseReducer;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops one column of each strongly correlated pair: a column is dropped when its training Pearson
 * correlation with an already <em>kept</em> column has {@code |r| > threshold}. The walk is greedy in column
 * order, so the earlier column of a pair is the one kept, and a dropped column never causes another drop
 * (with {@code r(a,b)} and {@code r(b,c)} above the threshold but {@code r(a,c)} below it, {@code a} and
 * {@code c} are kept). A constant column has no defined correlation and counts as uncorrelated with every
 * other column (drop it with {@link VarianceThreshold}). Kept columns keep their names and order.
 *
 * <pre>{@code
 * Pipeline.builder().add("a", Standardize.of("a")).add("b", Standardize.of("b"))
 *         .reduce("decorrelate", CorrelationFilter.of()).build();
 * }</pre>
 *
 * @param threshold a column is dropped when {@code |r| > threshold} with a kept column; in {@code [0, 1]}
 */
public record CorrelationFilter(double threshold) implements DenseReducer {
    /** Kind in saved pipelines. */
    public static final String KIND = "correlation-filter";
    /** Default threshold on {@code |r|}. */
    public static final double DEFAULT_THRESHOLD = 0.95;

    /** Checks the threshold. */
    public CorrelationFilter {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("correlation threshold must be in [0, 1], got " + threshold);
        }
    }

    /** Drops columns with {@code |r| >} {@value #DEFAULT_THRESHOLD} against an earlier kept column. */
    public static CorrelationFilter of() {
        return new CorrelationFilter(DEFAULT_THRESHOLD);
    }

    /** Drops columns with {@code |r| > threshold} against an earlier kept column. */
    public static CorrelationFilter above(double threshold) {
        return new CorrelationFilter(threshold);
    }

    @Override
    public FittedReducer fit(float[] dense, int rows, List<String> names, FitContext context) {
        DenseBlock block = DenseBlock.of("CorrelationFilter", dense, rows, names);
        double[][] r = correlations(block.covariance());
        int w = block.width();
        boolean[] keep = new boolean[w];
        int[] partner = new int[w];
        double[] partnerR = new double[w];
        for (int j = 0; j < w; j++) {
            keep[j] = true;
            partner[j] = -1;
            for (int i = 0; i < j && keep[j]; i++) {
                if (keep[i] && Math.abs(r[i][j]) > threshold) {
                    keep[j] = false;
                    partner[j] = i;
                    partnerR[j] = r[i][j];
                }
            }
        }
        // column 0 is always kept, so the result is never empty
        return new Fitted(new ColumnSubset(block.names(), ColumnSubset.kept(keep)), threshold, partner, partnerR);
    }

    /** Pearson correlations from a covariance matrix; 0 where either column is constant, never NaN. */
    static double[][] correlations(double[][] cov) {
        int w = cov.length;
        double[][] r = new double[w][w];
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < w; j++) {
                double denominator = Math.sqrt(cov[i][i] * cov[j][j]);
                r[i][j] = denominator > 0 ? Math.max(-1, Math.min(1, cov[i][j] / denominator)) : 0;
            }
        }
        return r;
    }

    static FittedReducer load(StepReader in) throws IOException {
        ColumnSubset cols = ColumnSubset.load(in);
        int[] partner = in.ints("partner");
        if (partner.length != cols.inputWidth()) {
            throw new ModelFileException("reducer '" + in.step() + "': 'partner' has " + partner.length
                    + " values for " + cols.inputWidth() + " columns");
        }
        return new Fitted(cols, in.doubleParam("threshold"), partner,
                ColumnSubset.perColumn(in, "r", cols.inputWidth()));
    }

    /**
     * The fitted filter: kept columns, and for each dropped column the kept column it correlated with
     * ({@code partner}, -1 when kept) and their correlation.
     */
    private record Fitted(ColumnSubset columns, double threshold, int[] partner, double[] partnerR)
            implements SubsetReducer {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void save(StepWriter out) throws IOException {
            columns.save(out);
            out.param("threshold", threshold);
            out.ints("partner", partner);
            out.doubles("r", partnerR);
        }

        @Override
        public String describe() {
            List<String> dropped = new ArrayList<>();
            List<String> names = columns.inputNames();
            for (int j = 0; j < partner.length; j++) {
                if (partner[j] >= 0) {
                    dropped.add(String.format(Locale.ROOT, "%s (r %.4f with %s)", names.get(j), partnerR[j],
                            names.get(partner[j])));
                }
            }
            return String.format(Locale.ROOT, "|r| > %.4g with an earlier kept column drops %d of %d columns: %s",
                    threshold, dropped.size(), names.size(), dropped.isEmpty() ? "none" : String.join(", ", dropped));
        }
    }
}
