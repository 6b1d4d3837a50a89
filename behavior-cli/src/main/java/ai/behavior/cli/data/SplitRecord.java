package ai.behavior.cli.data;

import ai.behavior.eval.Ordering;
import ai.behavior.io.MalformedRowException;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code split.json} that {@code behavior split} writes beside its parts, so that a later evaluation on
 * those files prints the split that made them in its protocol line.
 *
 * <pre>{@code
 * new SplitRecord(parts.describe(), Ordering.TEMPORAL, "temporal", "events.csv").write(outDir);
 * Optional<SplitRecord> r = SplitRecord.beside(Path.of("split/test.csv"));
 * }</pre>
 *
 * @param describe the split in words, with its part sizes
 * @param ordering how the split ordered events
 * @param method   the method's name
 * @param source   the file that was split
 */
public record SplitRecord(String describe, Ordering ordering, String method, String source) {
    /** The file name. */
    public static final String FILE = "split.json";

    /** Writes {@code dir/split.json}. */
    public void write(Path dir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("describe", describe);
        o.addProperty("ordering", ordering.name());
        o.addProperty("method", method);
        o.addProperty("source", source);
        Files.writeString(dir.resolve(FILE), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(o) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The record in the folder of {@code partFile}, if there is one.
     *
     * @throws MalformedRowException if there is one but it is damaged
     */
    public static Optional<SplitRecord> beside(Path partFile) throws IOException {
        Path dir = partFile.toAbsolutePath().getParent();
        Path file = dir == null ? null : dir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            for (String key : new String[] {"describe", "ordering", "method", "source"}) {
                if (!o.has(key) || o.get(key).isJsonNull()) {
                    throw new MalformedRowException(file + " is damaged: '" + key + "' is missing");
                }
            }
            return Optional.of(new SplitRecord(o.get("describe").getAsString(),
                    Ordering.valueOf(o.get("ordering").getAsString()), o.get("method").getAsString(),
                    o.get("source").getAsString()));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedRowException(file + " is damaged: " + e.getMessage());
        }
    }
}
