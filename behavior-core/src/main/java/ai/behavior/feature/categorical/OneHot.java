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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One-hot encoding for linear models: one dense 0/1 output per kept training label, in the same order and
 * with the same {@code minCount} / {@code maxCategories} rules as {@link IndexEncoder}, plus an optional
 * {@code other} output that is 1 for a missing, unseen or dropped label. Without {@code other} such a row is
 * all zeros. OneHot does not count unknown values: {@link ai.behavior.feature.FeatureMatrix#unknownCount}
 * exists only for categorical outputs, and one-hot outputs are dense (use the {@code other} output, or an
 * {@link IndexEncoder} of the same column, to see how often it happens).
 *
 * <p>Output names (relative to the step) are the labels themselves. A label is only changed where it would
 * make a bad or clashing name: an empty label becomes {@code (empty)}, control characters become {@code ?},
 * and a name already taken (by an earlier label or by {@code other}) gets {@code _} prepended until it is
 * free. The {@code other} output is named first, so it is always {@code other}.
 *
 * <pre>{@code
 * Pipeline.builder().add("device", OneHot.of("device").withOther()).build();
 * float isMobile = matrix.dense(row, matrix.schema().denseIndex("device.mobile"));
 * }</pre>
 *
 * @param column        the categorical input column
 * @param minCount      the fewest training rows a label needs to get its own output ({@code >= 1})
 * @param maxCategories the most labels kept ({@code >= 1}; {@link Integer#MAX_VALUE} = no limit)
 * @param other         whether to add the {@code other} output for missing, unseen and dropped labels
 */
public record OneHot(String column, int minCount, int maxCategories, boolean other) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "one-hot";
    /** Name of the output for missing, unseen and dropped labels. */
    public static final String OTHER = "other";

    /** Checks the options. */
    public OneHot {
        IndexEncoder.checkOptions(column, minCount, maxCategories);
    }

    /** One-hot encodes {@code column}, keeping every training label, without an {@code other} output. */
    public static OneHot of(String column) {
        return new OneHot(column, 1, Integer.MAX_VALUE, false);
    }

    /** The same, keeping only labels seen at least {@code n} times in training. */
    public OneHot minCount(int n) {
        return new OneHot(column, n, maxCategories, other);
    }

    /** The same, keeping at most the {@code n} most frequent labels. */
    public OneHot maxCategories(int n) {
        return new OneHot(column, minCount, n, other);
    }

    /** The same with an {@code other} output for missing, unseen and dropped labels. */
    public OneHot withOther() {
        return new OneHot(column, minCount, maxCategories, true);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Fitted fit(FeatureFrame train, FitContext context) {
        return new Fitted(column, Vocabulary.select(LabelCounts.of(train, column), minCount, maxCategories), other);
    }

    static Transform load(StepReader in) throws IOException {
        return new Fitted(in.stringParam("column"), Vocabulary.load(in), in.booleanParam("other"));
    }

    /** Output names for {@code labels}, made valid and unique as the class comment says. */
    static List<String> outputNames(List<String> labels, boolean other) {
        Set<String> taken = new HashSet<>();
        if (other) {
            taken.add(OTHER);
        }
        List<String> names = new ArrayList<>(labels.size());
        for (String label : labels) {
            StringBuilder s = new StringBuilder(label.isEmpty() ? "(empty)" : label);
            for (int i = 0; i < s.length(); i++) {
                if (Character.isISOControl(s.charAt(i))) {
                    s.setCharAt(i, '?');
                }
            }
            String name = s.toString();
            while (!taken.add(name)) {
                name = "_" + name;
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The fitted one-hot encoder.
     *
     * <pre>{@code
     * OneHot.Fitted f = (OneHot.Fitted) fitted.step("device");
     * List<String> columns = f.vocabulary();   // output j is 1 for label j
     * }</pre>
     */
    public static final class Fitted implements Transform {
        private final String column;
        private final Vocabulary vocabulary;
        private final boolean other;
        private final List<FeatureSpec> outputs;

        Fitted(String column, Vocabulary vocabulary, boolean other) {
            this.column = column;
            this.vocabulary = vocabulary;
            this.other = other;
            List<FeatureSpec> outs = new ArrayList<>();
            outputNames(vocabulary.labels(), other).forEach(n -> outs.add(new FeatureSpec.Dense(n)));
            if (other) {
                outs.add(new FeatureSpec.Dense(OTHER));
            }
            this.outputs = List.copyOf(outs);
        }

        /** The kept labels in output order. */
        public List<String> vocabulary() {
            return vocabulary.labels();
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
            return outputs;
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            BoundColumn col = BoundColumn.bind(in, column, vocabulary);
            int n = vocabulary.size();
            return (row, o) -> {
                int k = col.category(row);
                for (int j = 0; j < n; j++) {
                    out.dense(o, j, j == k ? 1f : 0f);
                }
                if (other) {
                    out.dense(o, n, k < 0 ? 1f : 0f);
                }
            };
        }

        @Override
        public void save(StepWriter out) throws IOException {
            out.param("column", column).param("other", other);
            vocabulary.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d labels%s: %s", vocabulary.size(),
                    other ? " + other" : " (unknown -> all zeros)", vocabulary.head(5));
        }
    }
}
