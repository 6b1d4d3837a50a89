package ai.behavior.feature.numeric;

import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a numeric column into buckets and outputs the bucket as a categorical index (an embedding input), or
 * optionally as one-hot dense columns. Edges are either training quantiles ({@link #quantiles}: {@code n}
 * buckets of about equal training mass, edges at the type-7 quantiles {@code k/n}, {@code k = 1..n-1}) or
 * fixed ({@link #edges}).
 *
 * <p>Buckets are <b>closed on the right</b>: with edges {@code e1 < e2 < ... < em}, bucket 1 is
 * {@code x <= e1}, bucket {@code k} is {@code e(k-1) < x <= ek}, and bucket {@code m+1} is {@code x > em}; the
 * outer buckets are open-ended, so every present value has a bucket. Right-closed (as pandas' {@code qcut})
 * suits behaviour data, whose mass often sits at the minimum: with many zero counts the quantile edges
 * repeat 0, and {@code x <= 0} keeps the zeros in a bucket of their own. Equal quantile edges are merged, so
 * a skewed column can yield fewer buckets than asked for ({@code describe()} says how many).
 *
 * <p>Index 0 of the categorical output is reserved for a missing input (NaN or infinite, as
 * {@link MissingValues#isMissing}); buckets are {@code 1..buckets}. Missing values are rejected unless
 * {@link #missingAsUnknown()} is set, in which case they get index 0 and are counted as unknown. There is no
 * mean or median imputation here on purpose: a dedicated index lets the model learn what "missing" means,
 * where an imputed value would merge missing rows into a real bucket. One-hot output has a column per
 * bucket, plus a "missing" column when missing values are allowed; a missing row is 1 there and 0 elsewhere.
 *
 * <pre>{@code
 * Pipeline.builder().add("spend", Bucketize.quantiles("spend", 10).missingAsUnknown())
 *         .add("age", Bucketize.edges("age", 18, 25, 35, 50, 65).oneHot()).build();
 * }</pre>
 *
 * @param column           the numeric input column
 * @param quantileBuckets  the number of quantile buckets asked for, or 0 with fixed edges
 * @param edges            the fixed edges (ascending), or empty with quantile buckets
 * @param missingIsUnknown whether a missing input gets index 0 instead of an error
 * @param asOneHot         whether the output is one-hot dense columns instead of a categorical index
 */
public record Bucketize(String column, int quantileBuckets, List<Double> edges, boolean missingIsUnknown,
                        boolean asOneHot) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "bucketize";

    /** Checks the bucket count or the edges. */
    public Bucketize {
        edges = List.copyOf(edges);
        if (edges.isEmpty() == (quantileBuckets == 0)) {
            throw new IllegalArgumentException("give either a quantile bucket count or fixed edges, not both");
        }
        if (quantileBuckets != 0 && quantileBuckets < 2) {
            throw new IllegalArgumentException("quantile bucketing needs at least 2 buckets, got " + quantileBuckets);
        }
        checkEdges(column, edges.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code buckets} (at least 2) buckets cut at the training quantiles of {@code column}. */
    public static Bucketize quantiles(String column, int buckets) {
        if (buckets < 2) {
            throw new IllegalArgumentException("quantile bucketing needs at least 2 buckets, got " + buckets);
        }
        return new Bucketize(column, buckets, List.of(), false, false);
    }

    /** Buckets cut at the fixed {@code edges} (finite, strictly ascending, at least one): edges + 1 buckets. */
    public static Bucketize edges(String column, double... edges) {
        if (edges.length == 0) {
            throw new IllegalArgumentException("column '" + column + "': give at least one bucket edge");
        }
        return new Bucketize(column, 0, Arrays.stream(edges).boxed().toList(), false, false);
    }

    /** The same, giving a missing input index 0 (counted as unknown) instead of failing. */
    public Bucketize missingAsUnknown() {
        return new Bucketize(column, quantileBuckets, edges, true, asOneHot);
    }

    /** The same, writing one-hot dense columns instead of a categorical index. */
    public Bucketize oneHot() {
        return new Bucketize(column, quantileBuckets, edges, missingIsUnknown, true);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, false);
        if (!missingIsUnknown) {
            double[] x = train.numeric(column);
            for (int r = 0; r < x.length; r++) {
                if (MissingValues.isMissing(x[r])) {
                    throw rejected(column, r, x[r]);
                }
            }
        }
        double[] cut;
        if (quantileBuckets == 0) {
            cut = edges.stream().mapToDouble(Double::doubleValue).toArray();
        } else {
            cut = quantileEdges(c.sortedPresent(), quantileBuckets);
        }
        return new Fitted(column, cut, quantileBuckets, missingIsUnknown, asOneHot);
    }

    /** The distinct type-7 quantiles {@code k/n}, {@code k = 1..n-1}, of {@code sorted}, ascending. */
    static double[] quantileEdges(double[] sorted, int n) {
        double[] cut = new double[n - 1];
        int m = 0;
        for (int k = 1; k < n; k++) {
            double e = Quantiles.of(sorted, (double) k / n) + 0.0;   // + 0.0 turns -0.0 into 0.0
            // interpolation can land an ulp past the next data value, so "not above the last edge" merges too
            if (m == 0 || e > cut[m - 1]) {
                cut[m++] = e;
            }
        }
        return Arrays.copyOf(cut, m);
    }

    static Transform load(StepReader in) throws IOException {
        return new Fitted(in.stringParam("column"), in.doubles("edges"), in.intParam("quantileBuckets"),
                in.booleanParam("missingAsUnknown"), in.booleanParam("oneHot"));
    }

    static IllegalArgumentException rejected(String column, int row, double value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: %s is missing; "
                + "use Bucketize.missingAsUnknown() to give missing values index 0, or clean the input", column, row,
                value));
    }

    private static void checkEdges(String column, double[] edges) {
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("column '" + column + "': bucket edges must be finite and "
                        + "strictly ascending, got " + Arrays.toString(edges));
            }
        }
    }

    /** Index of the first edge {@code >= x} (edges.length when none): a binary search that allocates nothing. */
    static int firstAtLeast(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The fitted bucketing: {@code edges.length + 1} buckets, closed on the right. {@code requested} is the
     * quantile bucket count asked for (0 with fixed edges), kept for {@code describe()}.
     */
    record Fitted(String column, double[] edges, int requested, boolean missingAsUnknown, boolean oneHot)
            implements Transform {
        Fitted {
            if (edges.length == 0) {
                throw new IllegalArgumentException("column '" + column + "': bucketing needs at least one edge");
            }
            edges = edges.clone();
            checkEdges(column, edges);
        }

        /** Number of buckets (not counting the missing index 0). */
        int buckets() {
            return edges.length + 1;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return List.of(column);
        }

        @Override
        public List<FeatureSpec> outputs() {
            if (!oneHot) {
                return List.of(new FeatureSpec.Categorical("", buckets() + 1));
            }
            List<FeatureSpec> out = new ArrayList<>();
            for (int b = 1; b <= buckets(); b++) {
                out.add(new FeatureSpec.Dense("bucket" + b));
            }
            if (missingAsUnknown) {
                out.add(new FeatureSpec.Dense("missing"));
            }
            return List.copyOf(out);
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            double[] x = in.numeric(column);
            if (!oneHot) {
                return (row, o) -> {
                    double v = x[row];
                    if (MissingValues.isMissing(v)) {
                        if (!missingAsUnknown) {
                            throw rejected(column, row, v);
                        }
                        out.categorical(o, 0, FeatureSpec.UNKNOWN);
                        out.countUnknown(0);
                    } else {
                        out.categorical(o, 0, firstAtLeast(edges, v) + 1);
                    }
                };
            }
            int width = buckets() + (missingAsUnknown ? 1 : 0);
            return (row, o) -> {
                double v = x[row];
                int hot;
                if (MissingValues.isMissing(v)) {
                    if (!missingAsUnknown) {
                        throw rejected(column, row, v);
                    }
                    hot = width - 1;
                } else {
                    hot = firstAtLeast(edges, v);
                }
                for (int j = 0; j < width; j++) {
                    out.dense(o, j, j == hot ? 1f : 0f);
                }
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column).param("quantileBuckets", requested)
                    .param("missingAsUnknown", missingAsUnknown).param("oneHot", oneHot).doubles("edges", edges);
        }

        @Override
        public String describe() {
            StringBuilder s = new StringBuilder();
            if (requested > 0) {
                s.append(String.format(Locale.ROOT, "%d quantile buckets asked, %d after merging equal edges; ",
                        requested, buckets()));
            } else {
                s.append(String.format(Locale.ROOT, "%d buckets at fixed edges; ", buckets()));
            }
            s.append("edges [");
            for (int i = 0; i < edges.length; i++) {
                s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", edges[i]));
            }
            s.append("] closed on the right, ");
            s.append(oneHot ? "one-hot" : "index 1.." + buckets());
            s.append(missingAsUnknown ? (oneHot ? ", missing -> 'missing' column" : ", missing -> index 0")
                    : ", missing -> error");
            return s.toString();
        }
    }
}
