package ai.behavior.modelfile;

import ai.behavior.data.IdIndex;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a model folder: binary array files plus a manifest with the format version, model type and
 * version, options, provenance and the SHA-256 of every file. Files are written to a staging folder beside
 * the target and moved into place only at {@link #commit()}, so a crash never leaves half a model.
 *
 * <pre>{@code
 * ModelWriter.create(dir, "implicit-als", 1).options(options).ids("users", log.users())
 *         .floats("user_factors", userFactors, numUsers, factors).commit();
 * }</pre>
 */
public final class ModelWriter {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private final Path target;
    private final Path staging;
    private final String modelType;
    private final int typeVersion;
    private final Map<String, JsonObject> files = new TreeMap<>();
    private final Map<String, String> provenance = new TreeMap<>();
    private JsonElement options = new JsonObject();
    private boolean committed;

    private ModelWriter(Path target, String modelType, int typeVersion) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.modelType = modelType;
        this.typeVersion = typeVersion;
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".staging-");
    }

    /**
     * Starts writing a model of type {@code modelType} (its own layout version {@code typeVersion}) to
     * {@code dir}. An existing model folder there is replaced at commit; a non-empty folder that is not a
     * model is refused, so a typo never deletes someone's data.
     */
    public static ModelWriter create(Path dir, String modelType, int typeVersion) throws IOException {
        if (modelType == null || !NAME.matcher(modelType).matches()) {
            throw new IllegalArgumentException("model type must match " + NAME + ", got '" + modelType + "'");
        }
        if (typeVersion < 1) {
            throw new IllegalArgumentException("typeVersion must be >= 1, got " + typeVersion);
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(ModelFiles.MANIFEST)) && !isEmpty(dir)) {
            throw new IOException(dir + " exists and is not a model folder; refusing to replace it");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        return new ModelWriter(dir, modelType, typeVersion);
    }

    /** The model's options (a record or any Gson-serialisable value), stored as JSON in the manifest. */
    public ModelWriter options(Object value) {
        this.options = GSON.toJsonTree(value);
        return this;
    }

    /** A provenance entry (data set, seed, training time, metrics...). */
    public ModelWriter provenance(String key, String value) {
        provenance.put(key, value);
        return this;
    }

    /** A {@code rows x cols} float matrix in row-major order. */
    public ModelWriter floats(String name, float[] data, long rows, long cols) throws IOException {
        checkShape(name, data.length, rows, cols);
        try (DataOutputStream out = open(name)) {
            ArrayFiles.header(out, ArrayFiles.FLOAT, rows, cols);
            ArrayFiles.floats(out, data);
        }
        return this;
    }

    /** An int vector. */
    public ModelWriter ints(String name, int[] data) throws IOException {
        try (DataOutputStream out = open(name)) {
            ArrayFiles.header(out, ArrayFiles.INT, data.length, 1);
            ArrayFiles.ints(out, data);
        }
        return this;
    }

    /** A double vector. */
    public ModelWriter doubles(String name, double[] data) throws IOException {
        try (DataOutputStream out = open(name)) {
            ArrayFiles.header(out, ArrayFiles.DOUBLE, data.length, 1);
            ArrayFiles.doubles(out, data);
        }
        return this;
    }

    /** A list of strings (UTF-8). */
    public ModelWriter strings(String name, String[] values) throws IOException {
        try (DataOutputStream out = open(name)) {
            ArrayFiles.header(out, ArrayFiles.STRING, values.length, 1);
            ArrayFiles.strings(out, values);
        }
        return this;
    }

    /** An id index (its ids in index order). */
    public ModelWriter ids(String name, IdIndex index) throws IOException {
        return strings(name, index.ids());
    }

    /** A JSON document (UTF-8), for structured settings that are not the model's own options. */
    public ModelWriter json(String name, JsonElement value) throws IOException {
        try (DataOutputStream out = open(name)) {
            out.write(GSON.toJson(value).getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** Writes the manifest and moves the folder into place, replacing an older model there. */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        JsonObject m = new JsonObject();
        m.addProperty("format", "behavior-model");
        m.addProperty("formatVersion", ModelFiles.FORMAT_VERSION);
        m.addProperty("modelType", modelType);
        m.addProperty("typeVersion", typeVersion);
        m.addProperty("createdAt", Instant.now().toString());
        m.addProperty("library", libraryVersion());
        m.add("options", options);
        m.add("provenance", GSON.toJsonTree(provenance));
        JsonObject f = new JsonObject();
        files.forEach(f::add);
        m.add("files", f);
        Files.writeString(staging.resolve(ModelFiles.MANIFEST), GSON.toJson(m), StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            deleteModelFolder(target);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    private DataOutputStream open(String name) throws IOException {
        if (!NAME.matcher(name).matches() || name.equals(ModelFiles.MANIFEST)) {
            throw new IllegalArgumentException("file name must match " + NAME + " and not be the manifest: '"
                    + name + "'");
        }
        if (files.containsKey(name)) {
            throw new IllegalArgumentException("file '" + name + "' written twice");
        }
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        MessageDigest sha = sha256();
        OutputStream raw = Files.newOutputStream(staging.resolve(name));
        return new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, sha), 1 << 16)) {
            @Override
            public void close() throws IOException {
                super.close();
                JsonObject entry = new JsonObject();
                entry.addProperty("sha256", HexFormat.of().formatHex(sha.digest()));
                entry.addProperty("bytes", Files.size(staging.resolve(name)));
                files.put(name, entry);
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String libraryVersion() {
        String v = ModelWriter.class.getPackage().getImplementationVersion();
        return "behavior " + (v == null ? "dev" : v);
    }

    private static void checkShape(String name, int length, long rows, long cols) {
        if (rows < 0 || cols < 0 || rows * cols != length) {
            throw new IllegalArgumentException(name + ": " + length + " values do not fill " + rows + " x " + cols);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes an old model folder: only its files, and only if it is one (has a manifest) or is empty. */
    private static void deleteModelFolder(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isDirectory(p)) {
                    throw new IOException(dir + " holds a sub-folder " + p.getFileName() + "; refusing to replace it");
                }
            }
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
