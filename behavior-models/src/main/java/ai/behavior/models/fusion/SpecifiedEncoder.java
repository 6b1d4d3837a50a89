package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSpec;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;

import java.util.function.Function;

/**
 * A {@link SequenceEncoderFactory} from a description, a size and a builder; a built-in one also carries the JSON
 * spec which rebuilds it on load (custom ones have none, so {@link #spec()} is null).
 */
final class SpecifiedEncoder implements SequenceEncoderFactory {
    private final String description;
    private final int dim;
    private final JsonObject spec;
    private final Function<FeatureSpec.Sequence, Block> make;

    SpecifiedEncoder(String description, int dim, JsonObject spec, Function<FeatureSpec.Sequence, Block> make) {
        this.description = description;
        this.dim = dim;
        this.spec = spec;
        this.make = make;
    }

    @Override
    public Block create(FeatureSpec.Sequence sequence) {
        return make.apply(sequence);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public JsonObject spec() {
        return spec == null ? null : spec.deepCopy();
    }

    @Override
    public String toString() {
        return description;
    }
}
