package ai.behavior.linear;

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

/** Test transform: categorical index = training vocabulary position + 1, so tests do not depend on encoders. */
record IdentityIndex(String column) implements Transformer {
    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        IdIndex vocab = train.vocabulary(column);
        return new Transform() {
            @Override
            public String kind() {
                return "test-identity-index";
            }

            @Override
            public List<String> inputs() {
                return List.of(column);
            }

            @Override
            public List<FeatureSpec> outputs() {
                return List.of(new FeatureSpec.Categorical("", vocab.size() + 1));
            }

            @Override
            public BoundTransform bind(FeatureFrame in, OutputSlots out) {
                int[] codes = in.codes(column);
                IdIndex frameVocab = in.vocabulary(column);
                return (row, o) -> out.categorical(o, 0, codes[row] < 0 ? 0 : vocab.indexOf(frameVocab.id(codes[row])) + 1);
            }

            @Override
            public void save(StepWriter out) {
                throw new UnsupportedOperationException("test transform");
            }

            @Override
            public String describe() {
                return vocab.size() + " labels";
            }
        };
    }
}
