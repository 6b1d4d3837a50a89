package ai.behavior.models.io;

import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.Padding;
import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature schema as JSON in a model folder, so a loaded model checks that the rows it is given are laid out
 * like its training rows: each feature's name and type, a categorical feature's cardinality, a sequence feature's
 * vocabulary size, maximum length and padding.
 *
 * <pre>{@code
 * layout.add("userSchema", SchemaJson.write(userRows.schema()));
 * FeatureSchema s = SchemaJson.read(layout.get("userSchema"), "two-tower.json");
 * }</pre>
 */
public final class SchemaJson {
    private SchemaJson() {
    }

    /** The schema's features in order. */
    public static JsonArray write(FeatureSchema schema) {
        JsonArray a = new JsonArray();
        for (FeatureSpec f : schema.features()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", f.name());
            if (f instanceof FeatureSpec.Categorical c) {
                o.addProperty("type", "categorical");
                o.addProperty("cardinality", c.cardinality());
            } else if (f instanceof FeatureSpec.Sequence q) {
                o.addProperty("type", "sequence");
                o.addProperty("vocabularySize", q.vocabularySize());
                o.addProperty("maxLength", q.maxLength());
                o.addProperty("padding", q.padding().name());
            } else {
                o.addProperty("type", "dense");
            }
            a.add(o);
        }
        return a;
    }

    /**
     * Reads {@link #write} back.
     *
     * @param file the file the JSON came from, named in errors
     * @throws ModelFileException naming the file and the bad entry
     */
    public static FeatureSchema read(JsonElement json, String file) throws ModelFileException {
        if (json == null || !json.isJsonArray()) {
            throw new ModelFileException(file + ": the feature schema is missing or not a list");
        }
        List<FeatureSpec> out = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray()) {
            try {
                JsonObject o = e.getAsJsonObject();
                String name = o.get("name").getAsString();
                String type = o.get("type").getAsString();
                if (type.equals("dense")) {
                    out.add(new FeatureSpec.Dense(name));
                } else if (type.equals("categorical")) {
                    out.add(new FeatureSpec.Categorical(name, o.get("cardinality").getAsInt()));
                } else if (type.equals("sequence")) {
                    out.add(new FeatureSpec.Sequence(name, o.get("vocabularySize").getAsInt(),
                            o.get("maxLength").getAsInt(), Padding.valueOf(o.get("padding").getAsString())));
                } else {
                    throw new IllegalArgumentException("unknown feature type '" + type + "'");
                }
            } catch (RuntimeException ex) {
                throw new ModelFileException(file + ": bad feature entry " + e + ": " + ex.getMessage());
            }
        }
        try {
            return new FeatureSchema(out);
        } catch (IllegalArgumentException ex) {
            throw new ModelFileException(file + ": " + ex.getMessage());
        }
    }
}
