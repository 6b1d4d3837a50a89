package ai.behavior.modelfile;

import ai.behavior.data.IdIndex;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens a model folder written by {@link ModelWriter}, checking before anything is used that the format
 * and model versions are ones this library reads, that the model type is the one asked for, and that every
 * file is present with its recorded size and SHA-256; any mismatch is a {@link ModelFileException} naming
 * the file.
 *
 * <pre>{@code
 * ModelReader r = ModelReader.open(dir, "implicit-als", 1);
 * float[] factors = r.floats("user_factors").data();
 * }</pre>
 */
public final class ModelReader {
    private final Path dir;
    private final JsonObject manifest;
    private final int typeVersion;
    private final Set<String> files;

    private ModelReader(Path dir, JsonObject manifest, int typeVersion, Set<String> files) {
        this.dir = dir;
        this.manifest = manifest;
        this.typeVersion = typeVersion;
        this.files = files;
    }

    /**
     * Opens and verifies {@code dir}, which must hold a model of type {@code expectedType} whose own version
     * is at most {@code newestTypeVersion}.
     */
    public static ModelReader open(Path dir, String expectedType, int newestTypeVersion) throws IOException {
        Path manifestFile = dir.resolve(ModelFiles.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelFileException(dir + " is not a model folder: " + ModelFiles.MANIFEST + " is missing");
        }
        JsonObject m;
        try {
            m = JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelFileException(manifestFile + " is not valid JSON: " + e.getMessage());
        }
        int format = intField(m, "formatVersion", manifestFile);
        if (format > ModelFiles.FORMAT_VERSION) {
            throw new ModelFileException(dir + " was written in model format " + format + " by a newer library ("
                    + text(m, "library") + "); this library reads format " + ModelFiles.FORMAT_VERSION
                    + " and older: upgrade to load it");
        }
        String type = text(m, "modelType");
        if (!type.equals(expectedType)) {
            throw new ModelFileException(dir + " holds a '" + type + "' model, not '" + expectedType + "'");
        }
        int typeVersion = intField(m, "typeVersion", manifestFile);
        if (typeVersion > newestTypeVersion) {
            throw new ModelFileException(dir + " holds '" + type + "' version " + typeVersion
                    + ", newer than the version " + newestTypeVersion + " this library reads: upgrade to load it");
        }
        JsonElement filesJson = m.get("files");
        if (filesJson == null || !filesJson.isJsonObject()) {
            throw new ModelFileException(manifestFile + " lists no files");
        }
        Map<String, JsonObject> files = new LinkedHashMap<>();
        filesJson.getAsJsonObject().entrySet().forEach(e -> files.put(e.getKey(), e.getValue().getAsJsonObject()));
        for (Map.Entry<String, JsonObject> e : files.entrySet()) {
            verify(dir, e.getKey(), e.getValue());
        }
        return new ModelReader(dir, m, typeVersion, Set.copyOf(files.keySet()));
    }

    /** The model type's layout version found in the folder. */
    public int typeVersion() {
        return typeVersion;
    }

    /** The options as JSON. */
    public JsonElement optionsJson() {
        JsonElement o = manifest.get("options");
        return o == null ? new JsonObject() : o;
    }

    /** The options decoded into {@code type} (a record or any Gson-deserialisable class). */
    public <T> T options(Class<T> type) throws ModelFileException {
        try {
            return new Gson().fromJson(optionsJson(), type);
        } catch (JsonParseException e) {
            throw new ModelFileException(dir + ": options do not decode as " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** A provenance entry, or {@code null}. */
    public String provenance(String key) {
        JsonElement p = manifest.get("provenance");
        JsonElement v = p == null || !p.isJsonObject() ? null : p.getAsJsonObject().get(key);
        return v == null ? null : v.getAsString();
    }

    /** A float matrix. */
    public FloatMatrix floats(String name) throws IOException {
        try (DataInputStream in = open(name)) {
            long[] shape = ArrayFiles.readHeader(in, ArrayFiles.FLOAT, name);
            float[] data = ArrayFiles.readFloats(in, (int) (shape[0] * shape[1]));
            ArrayFiles.expectEnd(in, name);
            return new FloatMatrix(shape[0], shape[1], data);
        } catch (EOFException e) {
            throw ArrayFiles.truncated(name, e);
        }
    }

    /** An int vector. */
    public int[] ints(String name) throws IOException {
        try (DataInputStream in = open(name)) {
            long[] shape = ArrayFiles.readHeader(in, ArrayFiles.INT, name);
            int[] data = ArrayFiles.readInts(in, (int) shape[0]);
            ArrayFiles.expectEnd(in, name);
            return data;
        } catch (EOFException e) {
            throw ArrayFiles.truncated(name, e);
        }
    }

    /** A double vector. */
    public double[] doubles(String name) throws IOException {
        try (DataInputStream in = open(name)) {
            long[] shape = ArrayFiles.readHeader(in, ArrayFiles.DOUBLE, name);
            double[] data = ArrayFiles.readDoubles(in, (int) shape[0]);
            ArrayFiles.expectEnd(in, name);
            return data;
        } catch (EOFException e) {
            throw ArrayFiles.truncated(name, e);
        }
    }

    /** A list of strings. */
    public String[] strings(String name) throws IOException {
        try (DataInputStream in = open(name)) {
            long[] shape = ArrayFiles.readHeader(in, ArrayFiles.STRING, name);
            String[] data = ArrayFiles.readStrings(in, (int) shape[0], name);
            ArrayFiles.expectEnd(in, name);
            return data;
        } catch (EOFException e) {
            throw ArrayFiles.truncated(name, e);
        }
    }

    /** A JSON document saved with {@link ModelWriter#json}. */
    public JsonElement json(String name) throws IOException {
        try (DataInputStream in = open(name)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new ModelFileException(dir + ": file '" + name + "' is not valid JSON: " + e.getMessage());
        }
    }

    /** Whether the manifest lists a file called {@code name}. */
    public boolean hasFile(String name) {
        return files.contains(name);
    }

    /** An id index saved with {@link ModelWriter#ids}. */
    public IdIndex ids(String name) throws IOException {
        try {
            return IdIndex.of(strings(name));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name + ": " + e.getMessage());
        }
    }

    /**
     * A float matrix read from a model file, row-major.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param data {@code rows * cols} values
     */
    public record FloatMatrix(long rows, long cols, float[] data) {
    }

    private DataInputStream open(String name) throws IOException {
        if (!files.contains(name)) {
            throw new ModelFileException(dir + ": the manifest lists no file '" + name + "'");
        }
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(name)), 1 << 16));
    }

    private static void verify(Path dir, String name, JsonObject entry) throws IOException {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new ModelFileException(dir + ": the manifest lists an unsafe file name '" + name + "'");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(dir + ": file '" + name + "' listed in the manifest is missing");
        }
        long size = Files.size(file);
        long expectedSize = entry.get("bytes").getAsLong();
        if (size != expectedSize) {
            throw new ModelFileException(dir + ": file '" + name + "' is corrupted: " + size + " bytes, the manifest says "
                    + expectedSize);
        }
        MessageDigest sha = ModelWriter.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        String expected = entry.get("sha256").getAsString();
        if (!actual.equals(expected)) {
            throw new ModelFileException(dir + ": file '" + name + "' is corrupted: SHA-256 " + actual
                    + " does not match the manifest's " + expected);
        }
    }

    private static int intField(JsonObject m, String field, Path file) throws ModelFileException {
        JsonElement e = m.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new ModelFileException(file + ": field '" + field + "' is missing or not a number");
        }
        return e.getAsInt();
    }

    private static String text(JsonObject m, String field) {
        JsonElement e = m.get(field);
        return e == null || !e.isJsonPrimitive() ? "unknown" : e.getAsString();
    }
}
