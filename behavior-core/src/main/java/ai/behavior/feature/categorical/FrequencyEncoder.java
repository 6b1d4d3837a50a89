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

/**
 * Frequency (count) encoding: one dense output, the share of training rows that carry the row's label
 * ({@code count / rows}, where rows include missing ones). A label never seen in training gets 0, which is
 * its training count; a missing value gets the share of training rows that were missing (0 when none were),
 * so missingness is encoded like any other level.
 *
 * <pre>{@code
 * Pipeline.builder().add("brand_freq", FrequencyEncoder.of("brand")).build();
 * }</pre>
 *
 * @param column the categorical input column
 */
public record FrequencyEncoder(String column) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "frequency-encoder";

    /** Checks the column name. */
    public FrequencyEncoder {
        IndexEncoder.checkOptions(column, 1, Integer.MAX_VALUE);
    }

    /** Frequency-encodes {@code column}. */
    public static FrequencyEncoder of(String column) {
        return new FrequencyEncoder(column);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        LabelCounts c = LabelCounts.of(train, column);
        return new Fitted(column, Vocabulary.select(c, 1, Integer.MAX_VALUE), c.missing(), c.rows());
    }

    static Transform load(StepReader in) throws IOException {
        Vocabulary v = Vocabulary.load(in);
        long missing = in.longParam("missing");
        long rows = in.longParam("rows");
        if (rows < 1 || missing < 0 || missing > rows) {
            throw new ModelFileException("pipeline step '" + in.step() + "': impossible counts, " + missing
                    + " missing of " + rows + " rows");
        }
        return new Fitted(in.stringParam("column"), v, missing, rows);
    }

    /** The fitted frequency encoder. */
    public static final class Fitted implements Transform {
        private final String column;
        private final Vocabulary vocabulary;
        private final long missing;
        private final long rows;
        private final float[] shares;

        Fitted(String column, Vocabulary vocabulary, long missing, long rows) {
            this.column = column;
            this.vocabulary = vocabulary;
            this.missing = missing;
            this.rows = rows;
            this.shares = new float[vocabulary.size()];
            for (int k = 0; k < shares.length; k++) {
                shares[k] = (float) ((double) vocabulary.count(k) / rows);
            }
        }

        /** The encoding of {@code label} (0 when unseen; {@code null} means missing). */
        public double share(String label) {
            if (label == null) {
                return (double) missing / rows;
            }
            int k = vocabulary.indexOf(label);
            return k < 0 ? 0 : (double) vocabulary.count(k) / rows;
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
            float missingShare = (float) ((double) missing / rows);
            return (row, o) -> {
                int k = col.category(row);
                out.dense(o, 0, k >= 0 ? shares[k] : k == BoundColumn.MISSING ? missingShare : 0f);
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column).param("missing", missing).param("rows", rows);
            vocabulary.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d labels over %d rows (missing share %.4g, unseen 0): %s",
                    vocabulary.size(), rows, (double) missing / rows, vocabulary.head(5));
        }
    }
}
