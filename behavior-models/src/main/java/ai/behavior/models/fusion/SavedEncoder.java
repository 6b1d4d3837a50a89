package ai.behavior.models.fusion;

import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;

/**
 * A sequence encoder as saved models keep it: its description, output size and, for the built-in encoders, the
 * {@link SequenceEncoderFactory#spec()} that rebuilds it. Used by {@link FusionFile} and the two-tower file.
 *
 * <pre>{@code
 * layout.add("encoder", SavedEncoder.toJson(model.encoder()));
 * SequenceEncoderFactory e = SavedEncoder.fromJson(dir, layout.getAsJsonObject("encoder"), null);
 * }</pre>
 */
public final class SavedEncoder {
    private SavedEncoder() {
    }

    /** The encoder's description, output size and (for built-in encoders) the spec that rebuilds it. */
    public static JsonObject toJson(SequenceEncoderFactory encoder) {
        JsonObject o = new JsonObject();
        o.addProperty("description", encoder.describe());
        o.addProperty("dim", encoder.dim());
        o.add("spec", encoder.spec());
        return o;
    }

    /**
     * The given encoder (checked against the saved one's size) or, when {@code given} is null, the saved built-in
     * one.
     *
     * @throws ModelFileException when the entry is malformed, the sizes differ, or a custom encoder was not given
     */
    public static SequenceEncoderFactory fromJson(Path dir, JsonObject saved, SequenceEncoderFactory given)
            throws ModelFileException {
        String description;
        int dim;
        JsonElement spec;
        try {
            description = saved.get("description").getAsString();
            dim = saved.get("dim").getAsInt();
            spec = saved.get("spec");
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": the sequence encoder entry " + saved + " is malformed: " + e);
        }
        if (given != null) {
            if (given.dim() != dim) {
                throw new ModelFileException(dir + ": the model was saved with the encoder '" + description
                        + "' of size " + dim + " but the given encoder '" + given.describe() + "' has size "
                        + given.dim());
            }
            return given;
        }
        if (spec == null || spec.isJsonNull()) {
            throw new ModelFileException(dir + ": the model was saved with the custom sequence encoder '"
                    + description + "', which cannot be rebuilt from the folder; pass the same factory to load");
        }
        try {
            return SequenceEncoderFactory.fromSpec(spec.getAsJsonObject());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": cannot rebuild the sequence encoder '" + description + "': "
                    + e.getMessage());
        }
    }
}
