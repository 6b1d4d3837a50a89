package ai.behavior.cli.model;

import ai.behavior.cli.config.ModelKind;
import ai.behavior.cli.config.TrainConfig;
import ai.behavior.eval.Ordering;
import ai.behavior.modelfile.ModelFileException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code behavior train} leaves beside the model it saves, so that {@code evaluate} and {@code recommend}
 * know what they load: {@code MODEL_DIR/run.json} (this record) and {@code MODEL_DIR/model/} (the model in the
 * SDK's checksummed model-file format).
 *
 * <pre>{@code
 * RunRecord run = RunRecord.read(modelDir);
 * Path modelFiles = RunRecord.modelFolder(modelDir);
 * }</pre>
 *
 * @param model     the model kind
 * @param config    the training configuration as given (re-checked when read)
 * @param data      the training data's path as given on the command line
 * @param dataName  the training data's short name
 * @param format    the training data's format
 * @param split     the training split in words (the protocol's split when evaluating on the recorded split)
 * @param ordering  how that split ordered events
 * @param usersFile the {@code --users} table trained with, or {@code null}
 * @param itemsFile the {@code --items} table trained with, or {@code null}
 * @param cutoff    purchase models: the feature cut-off used, else {@code null}
 * @param trainedAt when training finished
 * @param seconds   wall-clock seconds of the fit
 */
public record RunRecord(ModelKind model, JsonObject config, String data, String dataName, String format, String split,
                        Ordering ordering, String usersFile, String itemsFile, Instant cutoff, Instant trainedAt,
                        double seconds) {
    /** The record's file name in a model folder. */
    public static final String FILE = "run.json";
    /** The sub-folder holding the model files. */
    public static final String MODEL = "model";
    private static final String FORMAT = "behavior-cli-run";
    private static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The folder of the model files inside {@code modelDir}. */
    public static Path modelFolder(Path modelDir) {
        return modelDir.resolve(MODEL);
    }

    /** The configuration, checked again (so a hand-edited record fails as clearly as a bad config). */
    public TrainConfig trainConfig() {
        return TrainConfig.parse(FILE, config);
    }

    /** Writes {@code modelDir/run.json}. */
    public void write(Path modelDir) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("formatVersion", VERSION);
        o.addProperty("model", model.label());
        o.add("config", config);
        JsonObject d = new JsonObject();
        d.addProperty("path", data);
        d.addProperty("name", dataName);
        d.addProperty("format", format);
        if (usersFile != null) {
            d.addProperty("users", usersFile);
        }
        if (itemsFile != null) {
            d.addProperty("items", itemsFile);
        }
        o.add("data", d);
        o.addProperty("split", split);
        o.addProperty("ordering", ordering.name());
        if (cutoff != null) {
            o.addProperty("cutoff", cutoff.toString());
        }
        o.addProperty("trainedAt", trainedAt.toString());
        o.addProperty("seconds", seconds);
        Files.writeString(modelDir.resolve(FILE), GSON.toJson(o) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code modelDir/run.json}.
     *
     * @throws NoSuchFileException if {@code modelDir} or the record does not exist
     * @throws ModelFileException  if the record is not one this tool wrote
     */
    public static RunRecord read(Path modelDir) throws IOException {
        if (!Files.isDirectory(modelDir)) {
            throw new NoSuchFileException(modelDir.toString(), null, "--model: no such folder");
        }
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "--model: not a folder written by 'behavior train' ("
                    + FILE + " is missing)");
        }
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject() || !FORMAT.equals(text(root.getAsJsonObject(), "format"))
                    || !root.getAsJsonObject().has("formatVersion")
                    || root.getAsJsonObject().get("formatVersion").getAsInt() > VERSION) {
                throw new ModelFileException(file + ": not a " + FORMAT + " record of version " + VERSION
                        + " or older");
            }
            JsonObject o = root.getAsJsonObject();
            JsonObject d = required(o, "data", file).getAsJsonObject();
            return new RunRecord(ModelKind.parse(required(o, "model", file).getAsString()),
                    required(o, "config", file).getAsJsonObject(), text(d, "path"), text(d, "name"),
                    text(d, "format"), required(o, "split", file).getAsString(),
                    Ordering.valueOf(required(o, "ordering", file).getAsString()), text(d, "users"), text(d, "items"),
                    o.has("cutoff") ? Instant.parse(text(o, "cutoff")) : null,
                    Instant.parse(required(o, "trainedAt", file).getAsString()),
                    required(o, "seconds", file).getAsDouble());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                 | java.time.format.DateTimeParseException e) {
            throw new ModelFileException(file + " is damaged: " + e.getMessage());
        }
    }

    private static JsonElement required(JsonObject o, String key, Path file) throws ModelFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new ModelFileException(file + " is damaged: '" + key + "' is missing");
        }
        return e;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
