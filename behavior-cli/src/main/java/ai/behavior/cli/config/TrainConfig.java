package ai.behavior.cli.config;

import ai.behavior.split.Ratios;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A training configuration, the JSON file {@code behavior train --config} reads:
 * <pre>{@code
 * {
 *   "model": "implicit-als",
 *   "options": {"factors": 32, "iterations": 10},
 *   "split": {"method": "random", "ratios": [0.8, 0.1, 0.1], "perUser": true, "seed": 42}
 * }
 * }</pre>
 * {@code "options"} keys are the with-ers of the model's options record ({@link OptionsBinder}); {@code "split"}
 * (optional) splits {@code --data} before training and is re-applied by {@code evaluate}. The purchase models
 * take {@code "task": {"horizonDays": 7, "cutoff": "2024-01-24T00:00:00Z"}} and
 * {@code "split": {"method": "users", "test": 0.3, "validation": 0.2, "seed": 42}}. {@code "description"} is a
 * free-text note. Any other key is an error that lists the allowed ones.
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.read(Path.of("als.json"));
 * System.out.println(c.model() + " " + c.options());
 * }</pre>
 *
 * @param file     the file's name, for messages
 * @param model    the model to train
 * @param options  the options object (possibly empty), bound later against the model's options record
 * @param split    the recommender split, or {@code null} to train on all of {@code --data}
 * @param purchase the purchase task and user split (purchase models only, else {@code null})
 * @param raw      the whole configuration, kept with the trained model
 */
public record TrainConfig(String file, ModelKind model, JsonObject options, SplitSpec split, PurchaseSpec purchase,
                          JsonObject raw) {
    private static final Set<String> TOP = Set.of("model", "options", "split", "task", "description");
    private static final Set<String> RECOMMENDER_TOP = Set.of("model", "options", "split", "description");

    /**
     * Reads and checks {@code path}.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws ConfigException     naming the key for anything malformed or unknown
     */
    public static TrainConfig read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "--config: the configuration file does not exist");
        }
        String name = path.getFileName().toString();
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ConfigException(name + ": not valid JSON: " + e.getMessage());
        }
        return parse(name, root);
    }

    /** Checks a configuration already parsed; {@code name} names it in messages. */
    public static TrainConfig parse(String name, JsonElement root) {
        if (root == null || !root.isJsonObject()) {
            throw new ConfigException(name + ": expected a JSON object like {\"model\": \"implicit-als\", "
                    + "\"options\": {...}}, got " + root);
        }
        JsonObject o = root.getAsJsonObject();
        if (!o.has("model")) {
            throw new ConfigException(name + ": the key 'model' is missing; expected one of " + ModelKind.names());
        }
        ModelKind kind;
        try {
            kind = ModelKind.parse(string(o.get("model"), "model", name));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": 'model': " + e.getMessage());
        }
        checkKeys(o, kind.recommender() ? RECOMMENDER_TOP : TOP, "", name,
                kind.recommender() ? " ('task' is for the purchase models)" : "");
        JsonObject options = new JsonObject();
        if (o.has("options")) {
            if (!o.get("options").isJsonObject()) {
                throw new ConfigException(name + ": 'options' expects an object, got " + o.get("options"));
            }
            options = o.getAsJsonObject("options");
        }
        if (o.has("description")) {
            string(o.get("description"), "description", name);
        }
        SplitSpec split = null;
        PurchaseSpec purchase = null;
        if (kind.recommender()) {
            if (o.has("split")) {
                split = split(object(o.get("split"), "split", name), name);
            }
        } else {
            purchase = purchase(o.has("task") ? object(o.get("task"), "task", name) : new JsonObject(),
                    o.has("split") ? object(o.get("split"), "split", name) : new JsonObject(), name);
        }
        return new TrainConfig(name, kind, options, split, purchase, o);
    }

    private static SplitSpec split(JsonObject s, String name) {
        if (!s.has("method")) {
            throw new ConfigException(name + ": 'split.method' is missing; expected random, temporal or "
                    + "leave-last-out");
        }
        SplitSpec.Method method;
        try {
            method = SplitSpec.Method.parse(string(s.get("method"), "split.method", name));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": 'split.method': " + e.getMessage());
        }
        Set<String> allowed = method == SplitSpec.Method.RANDOM ? Set.of("method", "ratios", "perUser", "seed")
                : method == SplitSpec.Method.TEMPORAL ? Set.of("method", "ratios")
                : Set.of("method", "last", "validationLast");
        checkKeys(s, allowed, "split.", name, " for the " + method + " split");
        Ratios ratios = null;
        if (method != SplitSpec.Method.LEAVE_LAST_OUT) {
            if (!s.has("ratios")) {
                throw new ConfigException(name + ": 'split.ratios' is missing; expected [train, test] or "
                        + "[train, validation, test], e.g. [0.8, 0.2]");
            }
            JsonElement r = s.get("ratios");
            if (!r.isJsonArray() || (r.getAsJsonArray().size() != 2 && r.getAsJsonArray().size() != 3)) {
                throw new ConfigException(name + ": 'split.ratios' expects [train, test] or [train, validation, "
                        + "test], e.g. [0.8, 0.2], got " + r);
            }
            JsonArray a = r.getAsJsonArray();
            double[] f = new double[a.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = number(a.get(i), "split.ratios[" + i + "]", name);
            }
            try {
                ratios = SplitSpec.ratios(f);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ": 'split.ratios': " + e.getMessage());
            }
        }
        boolean perUser = s.has("perUser") && bool(s.get("perUser"), "split.perUser", name);
        long seed = s.has("seed") ? integer(s.get("seed"), "split.seed", name) : 42;
        int last = s.has("last") ? (int) integer(s.get("last"), "split.last", name) : 1;
        int validationLast = s.has("validationLast")
                ? (int) integer(s.get("validationLast"), "split.validationLast", name) : 0;
        try {
            return SplitSpec.of(method, ratios, perUser, seed, last, validationLast);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": 'split': " + e.getMessage());
        }
    }

    private static PurchaseSpec purchase(JsonObject task, JsonObject split, String name) {
        checkKeys(task, Set.of("horizonDays", "cutoff"), "task.", name, "");
        checkKeys(split, Set.of("method", "test", "validation", "seed"), "split.", name, " for a purchase model");
        if (split.has("method") && !string(split.get("method"), "split.method", name).equals("users")) {
            throw new ConfigException(name + ": 'split.method': purchase models split users; expected \"users\", got "
                    + split.get("method"));
        }
        PurchaseSpec d = PurchaseSpec.defaults();
        Instant cutoff = null;
        if (task.has("cutoff")) {
            String text = string(task.get("cutoff"), "task.cutoff", name);
            try {
                cutoff = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ConfigException(name + ": 'task.cutoff' expects an ISO-8601 instant like "
                        + "2024-01-24T00:00:00Z, got '" + text + "'");
            }
        }
        try {
            return new PurchaseSpec(
                    task.has("horizonDays") ? number(task.get("horizonDays"), "task.horizonDays", name)
                            : d.horizonDays(),
                    cutoff,
                    split.has("test") ? number(split.get("test"), "split.test", name) : d.testShare(),
                    split.has("validation") ? number(split.get("validation"), "split.validation", name)
                            : d.validationShare(),
                    split.has("seed") ? integer(split.get("seed"), "split.seed", name) : d.seed());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private static void checkKeys(JsonObject o, Set<String> allowed, String prefix, String name, String context) {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw new ConfigException(name + ": unknown key '" + prefix + k + "'" + context + "; allowed keys: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static JsonObject object(JsonElement e, String key, String name) {
        if (!e.isJsonObject()) {
            throw new ConfigException(name + ": '" + key + "' expects an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonElement e, String key, String name) {
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isString())) {
            throw new ConfigException(name + ": '" + key + "' expects a string, got " + e);
        }
        return e.getAsString();
    }

    private static double number(JsonElement e, String key, String name) {
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber()) || !Double.isFinite(e.getAsDouble())) {
            throw new ConfigException(name + ": '" + key + "' expects a number, got " + e);
        }
        return e.getAsDouble();
    }

    private static long integer(JsonElement e, String key, String name) {
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber())) {
            throw new ConfigException(name + ": '" + key + "' expects an integer, got " + e);
        }
        try {
            return e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException ex) {
            throw new ConfigException(name + ": '" + key + "' expects an integer, got " + e);
        }
    }

    private static boolean bool(JsonElement e, String key, String name) {
        if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean())) {
            throw new ConfigException(name + ": '" + key + "' expects true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    /** The top-level keys a configuration may have. */
    public static List<String> topLevelKeys() {
        return List.copyOf(new TreeSet<>(TOP));
    }
}
