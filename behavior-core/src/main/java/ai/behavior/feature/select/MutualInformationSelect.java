package ai.behavior.feature.select;

import ai.behavior.feature.DenseReducer;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the dense columns that share the most information with the training label: the top {@code k}, or
 * every column above a threshold. Each column is cut into equal-frequency bins (default
 * {@value #DEFAULT_BINS}; tied values share a bin, so a column with few distinct values gets fewer bins) and
 * scored by the plug-in estimate of mutual information in nats against the labels, which must be discrete
 * (binary, class numbers or a few rating levels; at most {@value MutualInformation#MAX_CLASSES} distinct
 * values). Kept columns keep their names and input order; {@code describe()} shows the whole ranking.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder().add("a", Standardize.of("a")).add("b", Standardize.of("b"))
 *         .reduce("mi", MutualInformationSelect.top(1)).build();
 * FittedPipeline fitted = p.fit(train, FitContext.withLabels(clicked));
 * }</pre>
 *
 * @param k       keep this many top columns; 0 to keep by threshold instead
 * @param minNats with {@code k == 0}, keep every column whose mutual information is {@code > minNats}
 * @param bins    equal-frequency bins per column, at least 2
 */
public record MutualInformationSelect(int k, double minNats, int bins) implements DenseReducer {
    /** Kind in saved pipelines. */
    public static final String KIND = "mutual-information";
    /** Default number of equal-frequency bins per column. */
    public static final int DEFAULT_BINS = 10;
    private static final String WHO = "MutualInformationSelect";
    /** Highest mutual information first; ties in column order. */
    private static final Comparator<MutualInformationRanking.Entry> BY_RANK =
            Comparator.comparingDouble(MutualInformationRanking.Entry::nats).reversed()
                    .thenComparingInt(MutualInformationRanking.Entry::column);

    /** Checks the rule and bins. */
    public MutualInformationSelect {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 1 (or 0 to select by threshold), got " + k);
        }
        if (k == 0 && !(Double.isFinite(minNats) && minNats >= 0)) {
            throw new IllegalArgumentException("the mutual information threshold must be finite and >= 0, got "
                    + minNats);
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
    }

    /** Keeps the {@code k} columns with the most mutual information with the label. */
    public static MutualInformationSelect top(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return new MutualInformationSelect(k, 0, DEFAULT_BINS);
    }

    /** Keeps every column whose mutual information with the label is above {@code nats}. */
    public static MutualInformationSelect above(double nats) {
        return new MutualInformationSelect(0, nats, DEFAULT_BINS);
    }

    /** The same rule with another number of equal-frequency bins. */
    public MutualInformationSelect withBins(int newBins) {
        return new MutualInformationSelect(k, minNats, newBins);
    }

    /**
     * Ranks the columns of a row-major dense block ({@code rows x names.size()}) by mutual information with
     * {@code labels}, without a pipeline: for inspecting features before choosing {@code k}.
     */
    public static MutualInformationRanking rank(float[] dense, int rows, List<String> names, double[] labels,
                                                int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        DenseBlock block = DenseBlock.of(WHO, dense, rows, names);
        MutualInformation.Classes y = MutualInformation.classes(WHO, labels, rows);
        List<MutualInformationRanking.Entry> entries = new ArrayList<>();
        for (int j = 0; j < block.width(); j++) {
            int[] x = MutualInformation.equalFrequencyBins(block.column(j), bins);
            entries.add(new MutualInformationRanking.Entry(block.names().get(j), j,
                    MutualInformation.nats(x, bins, y)));
        }
        entries.sort(BY_RANK);
        return new MutualInformationRanking(entries, MutualInformation.entropy(y), y.count(), bins, rows);
    }

    @Override
    public FittedReducer fit(float[] dense, int rows, List<String> names, FitContext context) {
        double[] labels = context.requireLabels(WHO, rows);
        if (k > names.size()) {
            throw new IllegalArgumentException(WHO + ": asked for the top " + k + " columns but the dense block has "
                    + names.size() + ": " + names);
        }
        MutualInformationRanking ranking = rank(dense, rows, names, labels, bins);
        boolean[] keep = new boolean[names.size()];
        double[] nats = new double[names.size()];
        List<MutualInformationRanking.Entry> entries = ranking.entries();
        for (int i = 0; i < entries.size(); i++) {
            MutualInformationRanking.Entry e = entries.get(i);
            nats[e.column()] = e.nats();
            keep[e.column()] = k > 0 ? i < k : e.nats() > minNats;
        }
        int[] kept = ColumnSubset.kept(keep);
        if (kept.length == 0) {
            throw new IllegalArgumentException(WHO + ": no column has mutual information above " + minNats
                    + " nats; " + ranking.describe());
        }
        return new Fitted(new ColumnSubset(names, kept), this, nats, ranking.labelEntropy(), ranking.classes(),
                rows);
    }

    static FittedReducer load(StepReader in) throws IOException {
        ColumnSubset cols = ColumnSubset.load(in);
        MutualInformationSelect rule = new MutualInformationSelect(in.intParam("k"), in.doubleParam("minNats"),
                in.intParam("bins"));
        return new Fitted(cols, rule, ColumnSubset.perColumn(in, "nats", cols.inputWidth()),
                in.doubleParam("labelEntropy"), in.intParam("classes"), in.intParam("rows"));
    }

    /** The fitted selection with every column's score, kept for {@code describe()}. */
    private record Fitted(ColumnSubset columns, MutualInformationSelect rule, double[] nats, double labelEntropy,
                          int classes, int rows) implements SubsetReducer {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void save(StepWriter out) throws IOException {
            columns.save(out);
            out.param("k", (long) rule.k()).param("minNats", rule.minNats()).param("bins", (long) rule.bins())
                    .param("labelEntropy", labelEntropy).param("classes", (long) classes).param("rows", (long) rows);
            out.doubles("nats", nats);
        }

        @Override
        public String describe() {
            List<MutualInformationRanking.Entry> entries = new ArrayList<>();
            for (int j = 0; j < nats.length; j++) {
                entries.add(new MutualInformationRanking.Entry(columns.inputNames().get(j), j, nats[j]));
            }
            entries.sort(BY_RANK);
            List<String> parts = new ArrayList<>();
            for (MutualInformationRanking.Entry e : entries) {
                parts.add(String.format(Locale.ROOT, "%s %.4f%s", e.name(), e.nats(),
                        columns.isKept(e.column()) ? " kept" : ""));
            }
            String how = rule.k() > 0 ? "top " + rule.k()
                    : String.format(Locale.ROOT, "above %.4g nats", rule.minNats());
            return String.format(Locale.ROOT, "%s of %d columns by mutual information with the label (%d bins, %d "
                    + "classes, H(label) %.4f nats): %s", how, nats.length, rule.bins(), classes, labelEntropy,
                    String.join(", ", parts));
        }
    }
}
