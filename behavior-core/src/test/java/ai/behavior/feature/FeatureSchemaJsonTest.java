package ai.behavior.feature;

import ai.behavior.modelfile.ModelFileException;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FeatureSchema#toJson()} / {@link FeatureSchema#fromJson}: the one JSON form of feature specs. */
class FeatureSchemaJsonTest {
    @Test
    void everyKindRoundTripsAndBadEntriesNameTheFile() throws ModelFileException {
        FeatureSchema s = new FeatureSchema(List.of(new FeatureSpec.Dense("x"), new FeatureSpec.Categorical("c", 7),
                new FeatureSpec.Sequence("h", 50, 20, Padding.LEFT)));
        JsonArray json = s.toJson();
        assertEquals("[{\"name\":\"x\",\"type\":\"dense\"},{\"name\":\"c\",\"type\":\"categorical\",\"cardinality\":7},"
                + "{\"name\":\"h\",\"type\":\"sequence\",\"vocabularySize\":50,\"maxLength\":20,\"padding\":\"LEFT\"}]",
                json.toString());
        assertEquals(s.features(), FeatureSchema.fromJson(json, "m.json").features());
        ModelFileException e = assertThrows(ModelFileException.class, () -> FeatureSchema.fromJson(
                JsonParser.parseString("[{\"name\":\"x\",\"type\":\"wide\"}]"), "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: bad feature entry"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown feature type 'wide'"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> FeatureSchema.fromJson(null, "m.json"));
        assertEquals("m.json: the feature list is missing or not a list", e.getMessage());
    }
}
