package ai.behavior.feature.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.Padding;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Encodes a sequence column into fixed-length index rows with a mask, for recurrent and attention models.
 * The vocabulary is every label that occurs at least {@code minCount} times in the training sequences, most
 * frequent first (ties by label), at indices {@code 2..}; index {@value FeatureSpec#PADDING} is padding and
 * {@value FeatureSpec#UNKNOWN_IN_SEQUENCE} an event outside the vocabulary (counted through
 * {@link OutputSlots#countUnknownInSequence}).
 *
 * <pre>{@code
 * Pipeline.builder().add("history", SequenceEncoder.of(UserSequences.ITEMS, 50).minCount(2)).build();
 * String item = ((SequenceEncoder.Fitted) fitted.step("history")).itemId(predictedIndex);
 * }</pre>
 *
 * <p>A sequence longer than {@code maxLength} keeps its most recent {@code maxLength} events. With
 * {@link Padding#LEFT} (the default) padding comes first and the most recent event is always in the last
 * slot; with {@link Padding#RIGHT} the oldest kept event is in slot 0. The mask is 1 for an event (known or
 * not) and 0 for padding. Codes are matched by label through the frame's vocabulary, so frames with their
 * own item indices encode consistently.
 */
public record SequenceEncoder(String column, int maxLength, int minCount, Padding padding) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "sequence_encoder";

    /** Checks the options. */
    public SequenceEncoder {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(padding, "padding");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength of sequence '" + column + "' must be >= 1, got "
                    + maxLength);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount of sequence '" + column + "' must be >= 1, got "
                    + minCount);
        }
    }

    /** Encodes {@code column} to {@code maxLength} slots, left-padded, keeping every training label. */
    public static SequenceEncoder of(String column, int maxLength) {
        return new SequenceEncoder(column, maxLength, 1, Padding.LEFT);
    }

    /** The same keeping only labels seen at least {@code count} times in training. */
    public SequenceEncoder minCount(int count) {
        return new SequenceEncoder(column, maxLength, count, padding);
    }

    /** The same with another padding side. */
    public SequenceEncoder padding(Padding side) {
        return new SequenceEncoder(column, maxLength, minCount, side);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a sequence encoder on column '" + column
                    + "': the training set is empty");
        }
        int[][] sequences = train.sequences(column);
        IdIndex frameVocabulary = train.vocabulary(column);
        long[] counts = new long[frameVocabulary.size()];
        long events = 0;
        for (int[] s : sequences) {
            for (int code : s) {
                counts[code]++;
            }
            events += s.length;
        }
        if (events == 0) {
            throw new IllegalArgumentException("column '" + column + "' has no event in its " + train.rows()
                    + " training sequences; nothing to build a vocabulary from");
        }
        List<Integer> kept = new ArrayList<>();
        int distinct = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                distinct++;
                if (counts[c] >= minCount) {
                    kept.add(c);
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no label of column '" + column + "' occurs " + minCount
                    + " or more times in training (" + distinct + " distinct labels); lower minCount");
        }
        kept.sort(Comparator.<Integer>comparingLong(c -> -counts[c]).thenComparing(frameVocabulary::id));
        String[] labels = new String[kept.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = frameVocabulary.id(kept.get(i));
        }
        return new Fitted(column, maxLength, minCount, padding, IdIndex.of(labels), distinct - labels.length);
    }

    static Transform load(StepReader in) throws IOException {
        String side = in.stringParam("padding");
        Padding padding;
        try {
            padding = Padding.valueOf(side);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': unknown padding '" + side + "'");
        }
        return new Fitted(in.stringParam("column"), in.intParam("maxLength"), in.intParam("minCount"), padding,
                in.ids("vocab"), in.intParam("dropped"));
    }

    /**
     * The fitted encoder. Its {@link #vocabulary()} maps an output index {@code i >= 2} back to the label
     * (item id) {@code vocabulary().id(i - 2)}; {@link #itemId(int)} and {@link #indexOf(String)} do this for
     * a model's output layer.
     */
    public static final class Fitted implements Transform {
        private static final int FIRST_INDEX = 2;

        private final String column;
        private final int maxLength;
        private final int minCount;
        private final Padding padding;
        private final IdIndex vocabulary;
        private final int dropped;

        Fitted(String column, int maxLength, int minCount, Padding padding, IdIndex vocabulary, int dropped) {
            this.column = column;
            this.maxLength = maxLength;
            this.minCount = minCount;
            this.padding = padding;
            this.vocabulary = vocabulary;
            this.dropped = dropped;
        }

        /** The fitted labels: output index {@code i >= 2} is label {@code vocabulary().id(i - 2)}. */
        public IdIndex vocabulary() {
            return vocabulary;
        }

        /** Output vocabulary size including padding and unknown (what an embedding table needs). */
        public int vocabularySize() {
            return vocabulary.size() + FIRST_INDEX;
        }

        /** The label (item id) of output index {@code index}, or {@code null} for padding and unknown. */
        public String itemId(int index) {
            if (index < 0 || index >= vocabularySize()) {
                throw new IllegalArgumentException("index " + index + " is outside [0, " + vocabularySize() + ")");
            }
            return index < FIRST_INDEX ? null : vocabulary.id(index - FIRST_INDEX);
        }

        /** The output index of {@code label}, or {@value FeatureSpec#UNKNOWN_IN_SEQUENCE} if not in the vocabulary. */
        public int indexOf(String label) {
            int i = vocabulary.indexOf(label);
            return i < 0 ? FeatureSpec.UNKNOWN_IN_SEQUENCE : i + FIRST_INDEX;
        }

        /** Slots per row. */
        public int maxLength() {
            return maxLength;
        }

        /** Padding side. */
        public Padding padding() {
            return padding;
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
            return List.of(new FeatureSpec.Sequence("", vocabularySize(), maxLength, padding));
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            int[][] sequences = in.sequences(column);
            IdIndex frameVocabulary = in.vocabulary(column);
            int[] index = new int[frameVocabulary.size()];
            for (int c = 0; c < index.length; c++) {
                index[c] = indexOf(frameVocabulary.id(c));
            }
            int[] ids = out.sequenceIds(0);
            float[] mask = out.sequenceMask(0);
            int len = maxLength;
            boolean left = padding == Padding.LEFT;
            return (row, o) -> {
                int[] s = sequences[row];
                int n = Math.min(s.length, len);
                int skip = s.length - n;          // older events beyond maxLength are dropped
                int base = o * len;
                int first = left ? base + len - n : base;
                for (int p = base; p < base + len; p++) {
                    ids[p] = FeatureSpec.PADDING;
                    mask[p] = 0f;
                }
                long unknown = 0;
                for (int k = 0; k < n; k++) {
                    int v = index[s[skip + k]];
                    if (v == FeatureSpec.UNKNOWN_IN_SEQUENCE) {
                        unknown++;
                    }
                    ids[first + k] = v;
                    mask[first + k] = 1f;
                }
                if (unknown > 0) {
                    out.countUnknownInSequence(0, unknown);
                }
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column).param("maxLength", maxLength).param("minCount", minCount)
                    .param("padding", padding.name()).param("dropped", dropped);
            out.ids("vocab", vocabulary);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "vocabulary %,d labels (min count %d; %,d rarer dropped), length %d, %s "
                    + "padding, longer sequences keep the most recent", vocabulary.size(), minCount, dropped,
                    maxLength, padding);
        }

        @Override
        public String toString() {
            return "SequenceEncoder.Fitted[" + column + ", " + describe() + "]";
        }
    }
}
