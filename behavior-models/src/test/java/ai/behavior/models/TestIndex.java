package ai.behavior.models;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;

import java.util.List;

/**
 * A test-only categorical transform (the library's categorical transforms are written elsewhere): the labels seen
 * in training get indices 1..V in order of first appearance, anything else index 0. It cannot be saved.
 *
 * @param column the categorical frame column
 */
public record TestIndex(String column) implements Transformer {
    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit on an empty frame");
        }
        IdIndex.Builder seen = IdIndex.builder();
        for (int r = 0; r < train.rows(); r++) {
            String label = train.label(column, r);
            if (label != null) {
                seen.intern(label);
            }
        }
        return new Fitted(column, seen.build());
    }

    /** The fitted index. */
    record Fitted(String column, IdIndex labels) implements Transform {
        @Override
        public String kind() {
            return "test-index";
        }

        @Override
        public List<String> inputs() {
            return List.of(column);
        }

        @Override
        public List<FeatureSpec> outputs() {
            return List.of(new FeatureSpec.Categorical("", labels.size() + 1));
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            int[] codes = in.codes(column);
            IdIndex vocabulary = in.vocabulary(column);
            int[] map = new int[vocabulary.size()];
            for (int c = 0; c < map.length; c++) {
                map[c] = labels.indexOf(vocabulary.id(c)) + 1; // indexOf is -1 when unseen: index 0
            }
            return (row, o) -> {
                int c = codes[row];
                int index = c < 0 ? 0 : map[c];
                if (index == 0) {
                    out.countUnknown(0);
                }
                out.categorical(o, 0, index);
            };
        }

        @Override
        public void save(StepWriter out) {
            throw new UnsupportedOperationException("TestIndex is for tests and cannot be saved");
        }

        @Override
        public String describe() {
            return labels.size() + " labels";
        }
    }
}
