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

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Ordinal (index) encoding for embeddings and tree models: one categorical output whose index is
 * {@code 1 + k} for the {@code k}-th kept training label and {@value FeatureSpec#UNKNOWN} for a missing value,
 * a label never seen in training, or a rare label dropped by {@code minCount} / {@code maxCategories}; each
 * such row is counted as unknown. Kept labels are those seen at least {@code minCount} times (default 1),
 * limited to the {@code maxCategories} most frequent (default unlimited). Index order: by descending training
 * count, ties by label in {@link String#compareTo} order, so index 1 is the most frequent label.
 *
 * <pre>{@code
 * Pipeline.builder().add("brand", IndexEncoder.of("brand").minCount(5).maxCategories(1000)).build();
 * int brands = fitted.schema().categorical("brand").cardinality();   // kept labels + 1
 * }</pre>
 *
 * @param column        the categorical input column
 * @param minCount      the fewest training rows a label needs to get its own index ({@code >= 1})
 * @param maxCategories the most labels kept ({@code >= 1}; {@link Integer#MAX_VALUE} = no limit)
 */
public record IndexEncoder(String column, int minCount, int maxCategories) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "index-encoder";

    /** Checks the options. */
    public IndexEncoder {
        checkOptions(column, minCount, maxCategories);
    }

    /** Index-encodes {@code column}, keeping every label seen in training. */
    public static IndexEncoder of(String column) {
        return new IndexEncoder(column, 1, Integer.MAX_VALUE);
    }

    /** The same, keeping only labels seen at least {@code n} times in training. */
    public IndexEncoder minCount(int n) {
        return new IndexEncoder(column, n, maxCategories);
    }

    /** The same, keeping at most the {@code n} most frequent labels. */
    public IndexEncoder maxCategories(int n) {
        return new IndexEncoder(column, minCount, n);
    }

    static void checkOptions(String column, int minCount, int maxCategories) {
        if (column == null) {
            throw new IllegalArgumentException("column must not be null");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException(column + ": minCount must be >= 1, got " + minCount);
        }
        if (maxCategories < 1) {
            throw new IllegalArgumentException(column + ": maxCategories must be >= 1, got " + maxCategories);
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        return new Fitted(column, Vocabulary.select(LabelCounts.of(train, column), minCount, maxCategories));
    }

    static Transform load(StepReader in) throws IOException {
        return new Fitted(in.stringParam("column"), Vocabulary.load(in));
    }

    /**
     * The fitted index encoder.
     *
     * <pre>{@code
     * IndexEncoder.Fitted f = (IndexEncoder.Fitted) fitted.step("brand");
     * String mostFrequent = f.vocabulary().get(0);   // output index 1
     * }</pre>
     */
    public static final class Fitted implements Transform {
        private final String column;
        private final Vocabulary vocabulary;

        Fitted(String column, Vocabulary vocabulary) {
            this.column = column;
            this.vocabulary = vocabulary;
        }

        /** The kept labels in index order: label {@code k} of this list has output index {@code k + 1}. */
        public List<String> vocabulary() {
            return vocabulary.labels();
        }

        /** The output index of {@code label}, or {@value FeatureSpec#UNKNOWN} when it was not kept. */
        public int index(String label) {
            return vocabulary.indexOf(label) + 1;
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
            return List.of(new FeatureSpec.Categorical("", vocabulary.size() + 1));
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            BoundColumn col = BoundColumn.bind(in, column, vocabulary);
            return (row, o) -> {
                int k = col.category(row);
                if (k < 0) {
                    out.categorical(o, 0, FeatureSpec.UNKNOWN);
                    out.countUnknown(0);
                } else {
                    out.categorical(o, 0, k + 1);
                }
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column);
            vocabulary.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d labels -> indices 1..%d (0 = unknown/missing): %s",
                    vocabulary.size(), vocabulary.size(), vocabulary.head(5));
        }
    }
}
