package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.sequence.SequenceOptions;
import ai.djl.nn.Block;
import com.google.gson.JsonObject;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes the sequence encoder of a fused or two-tower model: any DJL {@link Block} that maps the inputs
 * {@code ids (batch, length) int32} and {@code mask (batch, length) float32} (1 = event, 0 = padding, as a
 * {@link ai.behavior.feature.FeatureMatrix} holds them) to one vector per row, {@code (batch, dim())}. The models
 * here call {@link #create} once per network they build (training, then the trained model), so it must return a
 * fresh, uninitialised block each time.
 *
 * <p>The built-in encoders ({@link #meanPool}, {@link SequenceEncoders#of}) describe themselves as JSON
 * ({@link #spec()}), so a saved model rebuilds them on load; a custom encoder has no spec, and a model saved with
 * one is loaded by handing the same factory back (for example {@code FusionModel.load(dir, factory, policy)}).
 *
 * <pre>{@code
 * SequenceEncoderFactory mean = SequenceEncoderFactory.meanPool(32);
 * SequenceEncoderFactory gru = SequenceEncoderFactory.of("GRU 64", 64, spec -> new MyGru(spec.vocabularySize(), 64));
 * }</pre>
 */
public interface SequenceEncoderFactory {
    /** A fresh, uninitialised encoder for sequences laid out by {@code spec}. */
    Block create(FeatureSpec.Sequence spec);

    /** Size of each output vector. */
    int dim();

    /** A few words for logs and reports ("mean of 32-d item embeddings"). */
    String describe();

    /**
     * The JSON that rebuilds this encoder through {@link #fromSpec}, or {@code null} for a custom encoder (the
     * default): a saved model keeps it so that loading needs no code.
     */
    default JsonObject spec() {
        return null;
    }

    /**
     * The encoder a {@link #spec()} describes.
     *
     * @throws IllegalArgumentException when the spec is not one this library writes
     */
    static SequenceEncoderFactory fromSpec(JsonObject spec) {
        String kind = spec == null || !spec.has("kind") ? null : spec.get("kind").getAsString();
        if ("mean_pool".equals(kind)) {
            return meanPool(spec.get("dim").getAsInt());
        }
        if ("sequence".equals(kind)) {
            return SequenceEncoders.of(SequenceOptions.fromJson(spec.getAsJsonObject("options")));
        }
        throw new IllegalArgumentException("unknown sequence encoder spec " + spec
                + "; expected kind 'mean_pool' or 'sequence'");
    }

    /** The masked mean of learned {@code dim}-sized embeddings of the sequence ids ({@link MeanPoolEncoder}). */
    static SequenceEncoderFactory meanPool(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        JsonObject spec = new JsonObject();
        spec.addProperty("kind", "mean_pool");
        spec.addProperty("dim", dim);
        return new SpecifiedEncoder("mean of " + dim + "-d embeddings", dim, spec,
                s -> new MeanPoolEncoder(s.vocabularySize(), dim));
    }

    /**
     * A custom factory (no {@link #spec()}) from a description, the output size and a function of the sequence
     * spec.
     */
    static SequenceEncoderFactory of(String description, int dim, Function<FeatureSpec.Sequence, Block> make) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(make, "make");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        return new SpecifiedEncoder(description, dim, null, make);
    }
}
