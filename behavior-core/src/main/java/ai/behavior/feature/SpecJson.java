package ai.behavior.feature;

import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature specs as JSON: each feature's name and type, a categorical feature's cardinality, a sequence feature's
 * vocabulary size, maximum length and padding. One format for a saved pipeline's step outputs and for a saved
 * model's row layout ({@link FeatureSchema#toJson()}).
 */
final class SpecJson {
    private SpecJson() {
    }

    static JsonArray write(List<FeatureSpec> specs) {
        JsonArray a = new JsonArray();
        for (FeatureSpec f : specs) {
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
     * @param where what the JSON came from (a file, a step), named in errors
     * @throws ModelFileException naming {@code where} and the bad entry
     */
    static List<FeatureSpec> read(JsonElement json, String where) throws ModelFileException {
        if (json == null || !json.isJsonArray()) {
            throw new ModelFileException(where + ": the feature list is missing or not a list");
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
                throw new ModelFileException(where + ": bad feature entry " + e + ": " + ex.getMessage());
            }
        }
        return out;
    }
}
