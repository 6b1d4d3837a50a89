package ai.behavior.feature.categorical;

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
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Out-of-fold mean-target encoding with smoothing: one dense output,
 * {@code enc(c) = (sum_y(c) + m * prior) / (count(c) + m)} where {@code sum_y(c)} and {@code count(c)} are the
 * label sum and row count of category {@code c}, {@code prior} is the mean label and {@code m} the smoothing
 * (default 10). Missing values and labels never seen get {@code prior}; so does a category with no rows when
 * {@code m = 0}. Needs the training labels ({@link FitContext#withLabels}).
 *
 * <p>Training rows never see their own label: when the pipeline transforms its own training frame
 * ({@link ai.behavior.feature.Pipeline#fitTransform}), row {@code r} gets the encoding computed from the rows
 * of the other folds only (their category sums, counts and prior). Folds: the rows {@code 0..n-1} are
 * shuffled by {@link java.util.Random} seeded with {@link FitContext#seed()} (an algorithm fixed by the Java
 * specification, so folds are the same on every JVM) and the row at shuffled position {@code p} goes to fold
 * {@code p mod folds}, so fold sizes differ by at most one. New data ({@code transform}) uses the statistics of
 * the whole training set.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.builder().add("brand_te", TargetEncoder.of("brand").smoothing(20)).build();
 * Pipeline.Fit fit = p.fitTransform(train, FitContext.withLabels(clicked).seed(7).folds(5));
 * }</pre>
 *
 * @param column    the categorical input column
 * @param smoothing the prior's weight {@code m} in rows ({@code >= 0}, finite)
 */
public record TargetEncoder(String column, double smoothing) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "target-encoder";
    /** Default smoothing {@code m}. */
    public static final double DEFAULT_SMOOTHING = 10;

    /** Checks the options. */
    public TargetEncoder {
        IndexEncoder.checkOptions(column, 1, Integer.MAX_VALUE);
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException(column + ": smoothing must be finite and >= 0, got " + smoothing);
        }
    }

    /** Target-encodes {@code column} with smoothing {@value #DEFAULT_SMOOTHING}. */
    public static TargetEncoder of(String column) {
        return new TargetEncoder(column, DEFAULT_SMOOTHING);
    }

    /** The same with smoothing {@code m}. */
    public TargetEncoder smoothing(double m) {
        return new TargetEncoder(column, m);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        LabelCounts c = LabelCounts.of(train, column);
        double[] y = context.requireLabels("target encoding of column '" + column + "'", train.rows());
        int folds = context.folds();
        if (c.rows() < folds) {
            throw new IllegalArgumentException("target encoding of column '" + column + "' with " + folds
                    + " folds needs at least " + folds + " training rows, got " + c.rows());
        }
        Vocabulary v = Vocabulary.select(c, 1, Integer.MAX_VALUE);
        int[] fold = folds(c.rows(), folds, context.seed());
        int k = v.size();
        double[] catSums = new double[folds * k];
        int[] catCounts = new int[folds * k];
        double[] foldSums = new double[folds];
        int[] foldRows = new int[folds];
        int[] category = new int[c.labels().length];
        for (int i = 0; i < category.length; i++) {
            category[i] = v.indexOf(c.labels()[i]);
        }
        for (int r = 0; r < c.rows(); r++) {
            int f = fold[r];
            foldSums[f] += y[r];
            foldRows[f]++;
            int label = c.rowLabel()[r];
            if (label >= 0) {
                catSums[f * k + category[label]] += y[r];
                catCounts[f * k + category[label]]++;
            }
        }
        return new Fitted(column, smoothing, v, context.seed(), catSums, catCounts, foldSums, foldRows);
    }

    /**
     * The fold of each of {@code rows} rows: a {@link Random}{@code (seed)} Fisher-Yates shuffle of
     * {@code 0..rows-1}, position {@code p} to fold {@code p mod folds}.
     */
    static int[] folds(int rows, int folds, long seed) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[rows];
        for (int p = 0; p < rows; p++) {
            fold[order[p]] = p % folds;
        }
        return fold;
    }

    static Transform load(StepReader in) throws IOException {
        TargetEncoder spec;
        try {
            spec = new TargetEncoder(in.stringParam("column"), in.doubleParam("smoothing"));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': " + e.getMessage());
        }
        Vocabulary v = Vocabulary.load(in);
        double[] catSums = in.doubles("catsums");
        int[] catCounts = in.ints("catcounts");
        double[] foldSums = in.doubles("foldsums");
        int[] foldRows = in.ints("foldrows");
        int folds = foldRows.length;
        if (folds < 2 || foldSums.length != folds || catSums.length != folds * v.size()
                || catCounts.length != catSums.length) {
            throw new ModelFileException("pipeline step '" + in.step() + "': target-encoder statistics have "
                    + "inconsistent sizes");
        }
        for (int i = 0; i < catCounts.length; i++) {
            if (catCounts[i] < 0 || !Double.isFinite(catSums[i])) {
                throw new ModelFileException("pipeline step '" + in.step() + "': category statistic " + i + " has "
                        + catCounts[i] + " rows and label sum " + catSums[i]);
            }
        }
        for (int f = 0; f < folds; f++) {
            if (foldRows[f] < 1 || !Double.isFinite(foldSums[f])) {
                throw new ModelFileException("pipeline step '" + in.step() + "': fold " + f + " has "
                        + foldRows[f] + " rows and label sum " + foldSums[f]);
            }
        }
        return new Fitted(spec.column(), spec.smoothing(), v, in.longParam("seed"), catSums, catCounts, foldSums,
                foldRows);
    }

    /**
     * The fitted target encoder: per fold and category the label sum and count, from which it derives the
     * whole-training encodings (for new data) and the out-of-fold encodings (for its own training rows).
     */
    public static final class Fitted implements Transform {
        private final String column;
        private final double smoothing;
        private final Vocabulary vocabulary;
        private final long seed;
        private final double[] catSums;
        private final int[] catCounts;
        private final double[] foldSums;
        private final int[] foldRows;
        private final int folds;
        private final int rows;
        private final double prior;
        private final float[] encoding;
        private final float[] foldPrior;
        private final float[] foldEncoding;

        Fitted(String column, double smoothing, Vocabulary vocabulary, long seed, double[] catSums,
               int[] catCounts, double[] foldSums, int[] foldRows) {
            this.column = column;
            this.smoothing = smoothing;
            this.vocabulary = vocabulary;
            this.seed = seed;
            this.catSums = catSums;
            this.catCounts = catCounts;
            this.foldSums = foldSums;
            this.foldRows = foldRows;
            this.folds = foldRows.length;
            int k = vocabulary.size();
            double allSum = 0;
            int allRows = 0;
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int f = 0; f < folds; f++) {
                allSum += foldSums[f];
                allRows += foldRows[f];
                for (int c = 0; c < k; c++) {
                    sum[c] += catSums[f * k + c];
                    count[c] += catCounts[f * k + c];
                }
            }
            this.rows = allRows;
            this.prior = allSum / allRows;
            this.encoding = new float[k];
            for (int c = 0; c < k; c++) {
                encoding[c] = (float) smooth(sum[c], count[c], prior);
            }
            this.foldPrior = new float[folds];
            this.foldEncoding = new float[folds * k];
            for (int f = 0; f < folds; f++) {
                double outPrior = (allSum - foldSums[f]) / (allRows - foldRows[f]);
                foldPrior[f] = (float) outPrior;
                for (int c = 0; c < k; c++) {
                    foldEncoding[f * k + c] = (float) smooth(sum[c] - catSums[f * k + c],
                            count[c] - catCounts[f * k + c], outPrior);
                }
            }
        }

        private double smooth(double sum, int count, double p) {
            return count == 0 ? p : (sum + smoothing * p) / (count + smoothing);
        }

        /** The mean training label, the encoding of missing and unseen values. */
        public double prior() {
            return prior;
        }

        /** The whole-training encoding of {@code label} (the prior when unseen; {@code null} means missing). */
        public double encoding(String label) {
            int c = label == null ? -1 : vocabulary.indexOf(label);
            return c < 0 ? prior : encoding[c];
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
            return List.of(new FeatureSpec.Dense(""));
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            BoundColumn col = BoundColumn.bind(in, column, vocabulary);
            float p = (float) prior;
            return (row, o) -> {
                int c = col.category(row);
                out.dense(o, 0, c >= 0 ? encoding[c] : p);
            };
        }

        /**
         * Binds to the frame this encoder was fitted on, giving row {@code r} the encoding from the other folds
         * (the folds are recomputed from the seed and the row count, which must match the fit).
         */
        @Override
        public BoundTransform bindForTraining(FeatureFrame train, OutputSlots out) {
            if (train.rows() != rows) {
                throw new IllegalArgumentException("target encoding of column '" + column + "' was fitted on "
                        + rows + " rows; out-of-fold encoding needs that same frame, got " + train.rows() + " rows");
            }
            BoundColumn col = BoundColumn.bind(train, column, vocabulary);
            int[] fold = folds(rows, folds, seed);
            int k = vocabulary.size();
            return (row, o) -> {
                int f = fold[row];
                int c = col.category(row);
                out.dense(o, 0, c >= 0 ? foldEncoding[f * k + c] : foldPrior[f]);
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column).param("smoothing", smoothing).param("seed", seed);
            vocabulary.save(out);
            out.doubles("catsums", catSums).ints("catcounts", catCounts).doubles("foldsums", foldSums)
                    .ints("foldrows", foldRows);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d labels, prior %.6g, smoothing %.4g, %d out-of-fold folds "
                    + "(seed %d) over %d rows: %s", vocabulary.size(), prior, smoothing, folds, seed, rows,
                    vocabulary.head(5));
        }
    }
}
