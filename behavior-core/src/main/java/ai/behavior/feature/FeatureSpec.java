package ai.behavior.feature;

/**
 * One output feature of a fitted pipeline, as a model needs to know it: a dense float, a categorical index
 * (embedding input) or a sequence of indices. Neural models size their inputs and embeddings from these, so
 * users never repeat vocabulary sizes by hand.
 *
 * <p>Index conventions, the same for every transform: a categorical index is in {@code [0, cardinality)} and
 * index {@value #UNKNOWN} means unknown or missing; a sequence position holds {@value #PADDING} for padding,
 * {@value #UNKNOWN_IN_SEQUENCE} for an item outside the vocabulary, and {@code 2..vocabularySize-1} for known
 * items.
 */
public sealed interface FeatureSpec permits FeatureSpec.Dense, FeatureSpec.Categorical, FeatureSpec.Sequence {
    /** Categorical index of an unseen or missing value. */
    int UNKNOWN = 0;
    /** Sequence index of a padding position. */
    int PADDING = 0;
    /** Sequence index of an item outside the fitted vocabulary. */
    int UNKNOWN_IN_SEQUENCE = 1;

    /** The feature's name, unique within a pipeline. */
    String name();

    /** Returns the same spec under another name (the pipeline prefixes step names). */
    FeatureSpec renamed(String newName);

    /** One float column. */
    record Dense(String name) implements FeatureSpec {
        @Override
        public FeatureSpec renamed(String newName) {
            return new Dense(newName);
        }
    }

    /** One int column with values in {@code [0, cardinality)}, 0 meaning unknown or missing. */
    record Categorical(String name, int cardinality) implements FeatureSpec {
        /** Checks the cardinality. */
        public Categorical {
            if (cardinality < 1) {
                throw new IllegalArgumentException(name + ": cardinality must be >= 1, got " + cardinality);
            }
        }

        @Override
        public FeatureSpec renamed(String newName) {
            return new Categorical(newName, cardinality);
        }
    }

    /**
     * {@code maxLength} int positions per row with values in {@code [0, vocabularySize)} plus a float mask
     * (1 for a real event, 0 for padding).
     */
    record Sequence(String name, int vocabularySize, int maxLength, Padding padding) implements FeatureSpec {
        /** Checks the sizes. */
        public Sequence {
            if (vocabularySize < 2 || maxLength < 1) {
                throw new IllegalArgumentException(name + ": need vocabularySize >= 2 and maxLength >= 1, got "
                        + vocabularySize + " and " + maxLength);
            }
        }

        @Override
        public FeatureSpec renamed(String newName) {
            return new Sequence(newName, vocabularySize, maxLength, padding);
        }
    }
}
