package ai.behavior.bench.runner;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a JSON-lines file and checks every line against the runner's schema. */
final class JsonLines {
    private JsonLines() {
    }

    /** Every line as an object, each checked by {@link #assertSchema}. */
    static List<JsonObject> read(Path file) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertSchema(o, line);
            out.add(o);
        }
        return out;
    }

    /** Exactly {@link ResultsJson#KEYS}, in order; text non-blank; numbers finite; counts positive integers. */
    static void assertSchema(JsonObject o, String line) {
        assertEquals(ResultsJson.KEYS, new ArrayList<>(o.keySet()), line);
        for (String key : List.of("scenario", "dataset", "model", "metric", "protocol", "date", "jdk", "load")) {
            JsonElement e = o.get(key);
            assertTrue(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString(), key + " is not a string: " + line);
            assertFalse(e.getAsString().isBlank(), key + " is blank: " + line);
        }
        for (String key : List.of("value", "seconds", "threads", "cores")) {
            JsonElement e = o.get(key);
            assertTrue(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber(), key + " is not a number: " + line);
            assertTrue(Double.isFinite(e.getAsDouble()), key + " is not finite: " + line);
        }
        assertTrue(o.get("seconds").getAsDouble() >= 0, line);
        assertTrue(o.get("threads").getAsInt() >= 1 && o.get("cores").getAsInt() >= 1, line);
        assertTrue(o.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), line);
    }
}
