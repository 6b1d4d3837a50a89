package ai.behavior.feature;

import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Writes and reads feature specs as JSON, for the saved pipeline's integrity check. */
final class SpecJson {
    private SpecJson() {
    }

    static JsonArray write(List<FeatureSpec> specs) {
        JsonArray a = new JsonArray();
        for (FeatureSpec f : specs) {
            JsonObject o = new JsonObject();
            o.addProperty("name", f.name());
            if (f instanceof FeatureSpec.Dense) {
                o.addProperty("type", "dense");
            } else if (f instanceof FeatureSpec.Categorical c) {
                o.addProperty("type", "categorical");
                o.addProperty("cardinality", c.cardinality());
            } else if (f instanceof FeatureSpec.Sequence q) {
                o.addProperty("type", "sequence");
                o.addProperty("vocabularySize", q.vocabularySize());
                o.addProperty("maxLength", q.maxLength());
                o.addProperty("padding", q.padding().name());
            }
            a.add(o);
        }
        return a;
    }

    static List<FeatureSpec> read(JsonElement json) throws ModelFileException {
        List<FeatureSpec> out = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("name").getAsString();
            String type = o.get("type").getAsString();
            out.add(switch (type) {
                case "dense" -> new FeatureSpec.Dense(name);
                case "categorical" -> new FeatureSpec.Categorical(name, o.get("cardinality").getAsInt());
                case "sequence" -> new FeatureSpec.Sequence(name, o.get("vocabularySize").getAsInt(),
                        o.get("maxLength").getAsInt(), Padding.valueOf(o.get("padding").getAsString()));
                default -> throw new ModelFileException("unknown feature type '" + type + "' for '" + name + "'");
            });
        }
        return out;
    }
}
