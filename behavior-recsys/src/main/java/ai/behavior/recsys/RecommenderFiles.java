package ai.behavior.recsys;

import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelFiles;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.bpr.Bpr;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.mf.BiasedMf;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Saves and loads a whole {@link Recommender} as one folder, so serving needs no training log: a model folder
 * of type {@value #MODEL_TYPE} whose manifest records the scorer's model type and the SHA-256 of each part's
 * manifest, and three sub-folders in the model-file format, each checksummed file by file:
 * {@code scorer/} (the model), {@code seen/} (the {@link UserItemMatrix} of seen items) and {@code fallback/}
 * (the {@link Popularity} fallback).
 *
 * <pre>{@code
 * RecommenderFiles.save(recommender, dir);
 * Recommender again = RecommenderFiles.load(dir);
 * }</pre>
 *
 * <p>The scorer is loaded by the model type written in the bundle, through a fixed registry of this module's
 * types ({@link #knownTypes()}); a class name is never read from a file. A scorer from another module (a
 * two-tower scorer, say) is saved by passing a {@link Saver} and loaded by passing a {@link Loader} for its
 * type: {@code RecommenderFiles.load(dir, "my-type", MyScorer::load)}. An unknown type is an error naming it
 * and the known ones.
 */
public final class RecommenderFiles {
    /** The bundle's model type in its manifest. */
    public static final String MODEL_TYPE = "recommender";
    private static final int VERSION = 1;
    private static final String SCORER = "scorer";
    private static final String SEEN = "seen";
    private static final String FALLBACK = "fallback";
    /** Every scorer type this module saves and loads; fixed, so a file can only choose among these. */
    private static final Map<String, Loader> BUILT_IN = Map.of(
            ImplicitAls.MODEL_TYPE, ImplicitAls::load,
            BiasedMf.MODEL_TYPE, BiasedMf::load,
            Bpr.MODEL_TYPE, Bpr::load,
            ItemKnn.MODEL_TYPE, ItemKnn::load,
            Popularity.MODEL_TYPE, Popularity::load);

    private RecommenderFiles() {
    }

    /** Reads a scorer's model folder. */
    @FunctionalInterface
    public interface Loader {
        /** Loads the scorer saved in {@code dir}. */
        ItemScorer load(Path dir) throws IOException;
    }

    /** Writes a scorer as a model folder (with {@link ModelWriter}, so its manifest names its type). */
    @FunctionalInterface
    public interface Saver {
        /** Saves {@code model} to {@code dir}. */
        void save(ItemScorer model, Path dir) throws IOException;
    }

    /**
     * What the bundle's manifest records about its parts.
     *
     * @param scorerType     the scorer's model type, which picks its loader
     * @param scorerSha256   SHA-256 of {@code scorer/manifest.json}
     * @param seenSha256     SHA-256 of {@code seen/manifest.json}
     * @param fallbackSha256 SHA-256 of {@code fallback/manifest.json}
     */
    private record Parts(String scorerType, String scorerSha256, String seenSha256, String fallbackSha256) {
    }

    /** The scorer model types {@link #load(Path)} knows, sorted. */
    public static List<String> knownTypes() {
        return List.copyOf(new TreeMap<>(BUILT_IN).keySet());
    }

    /**
     * Saves {@code recommender} to {@code dir}; its scorer must be one of this module's models
     * ({@link #knownTypes()}). An older bundle in {@code dir} is replaced; any other non-empty folder is refused.
     *
     * @throws IllegalArgumentException for a scorer of another class: use {@link #save(Recommender, Path, Saver)}
     */
    public static void save(Recommender recommender, Path dir) throws IOException {
        ItemScorer m = recommender.model();
        if (!(m instanceof ImplicitAls || m instanceof BiasedMf || m instanceof Bpr || m instanceof ItemKnn
                || m instanceof Popularity)) {
            throw new IllegalArgumentException("cannot save a scorer of " + m.getClass().getName() + ": this module "
                    + "saves " + String.join(", ", knownTypes()) + "; pass a Saver for other scorers");
        }
        save(recommender, dir, RecommenderFiles::saveBuiltIn);
    }

    /**
     * Saves {@code recommender} to {@code dir}, writing its scorer with {@code saver}, which must write a model
     * folder with {@link ModelWriter} (the manifest's model type is what loading dispatches on).
     */
    public static void save(Recommender recommender, Path dir, Saver saver) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        checkReplaceable(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        try {
            saver.save(recommender.model(), staging.resolve(SCORER));
            recommender.seen().save(staging.resolve(SEEN));
            recommender.fallback().save(staging.resolve(FALLBACK));
            String scorerType = modelType(staging.resolve(SCORER));
            Parts parts = new Parts(scorerType, manifestSha(staging, SCORER), manifestSha(staging, SEEN),
                    manifestSha(staging, FALLBACK));
            writeManifest(staging, parts, recommender);
            replace(staging, target);
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    /** Loads a bundle whose scorer is one of {@link #knownTypes()}. */
    public static Recommender load(Path dir) throws IOException {
        return load(dir, Map.of());
    }

    /**
     * Loads a bundle whose scorer may also be of {@code modelType}, read by {@code loader} (a model of another
     * module). Built-in types cannot be given another loader.
     */
    public static Recommender load(Path dir, String modelType, Loader loader) throws IOException {
        if (BUILT_IN.containsKey(modelType)) {
            throw new IllegalArgumentException("'" + modelType + "' is a built-in scorer type; its loader cannot be "
                    + "replaced");
        }
        return load(dir, Map.of(modelType, loader));
    }

    private static Recommender load(Path dir, Map<String, Loader> extra) throws IOException {
        ModelReader r = ModelReader.open(dir, MODEL_TYPE, VERSION);
        Parts parts = r.options(Parts.class);
        if (parts == null || parts.scorerType() == null || parts.scorerSha256() == null || parts.seenSha256() == null
                || parts.fallbackSha256() == null) {
            throw new ModelFileException(dir + ": the bundle manifest's options do not list its parts");
        }
        Loader loader = BUILT_IN.containsKey(parts.scorerType()) ? BUILT_IN.get(parts.scorerType())
                : extra.get(parts.scorerType());
        if (loader == null) {
            List<String> known = new ArrayList<>(knownTypes());
            known.addAll(extra.keySet());
            throw new ModelFileException(dir + ": the scorer's model type '" + parts.scorerType() + "' is not one "
                    + "this library loads; known types: " + String.join(", ", known) + ". A scorer of another module "
                    + "loads with Recommender.load(dir, \"" + parts.scorerType() + "\", itsLoader)");
        }
        verifyPart(dir, SCORER, parts.scorerSha256());
        verifyPart(dir, SEEN, parts.seenSha256());
        verifyPart(dir, FALLBACK, parts.fallbackSha256());
        ItemScorer model = loader.load(dir.resolve(SCORER));
        UserItemMatrix seen = UserItemMatrix.load(dir.resolve(SEEN));
        Popularity fallback = Popularity.load(dir.resolve(FALLBACK));
        if (!seen.rowIds().sameIdsAs(model.users()) || !seen.colIds().sameIdsAs(model.items())) {
            throw new ModelFileException(dir + ": the ids of '" + SEEN + "' (" + seen.numRows() + " users x "
                    + seen.numCols() + " items) differ from the scorer's (" + model.users().size() + " x "
                    + model.items().size() + ")");
        }
        if (!fallback.items().sameIdsAs(model.items())) {
            throw new ModelFileException(dir + ": the item ids of '" + FALLBACK + "' (" + fallback.items().size()
                    + ") differ from the scorer's (" + model.items().size() + ")");
        }
        // one copy of each id index in memory, the scorer's
        return new Recommender(model, seen.withIds(model.users(), model.items()),
                fallback.withIds(fallback.users().sameIdsAs(model.users()) ? model.users() : fallback.users(),
                        model.items()));
    }

    /**
     * Saves one of this module's scorers (implicit ALS, biased MF, BPR, item-kNN, popularity) to its own model
     * folder, the format {@link #loadScorer} and the bundle read back.
     *
     * <pre>{@code
     * RecommenderFiles.saveScorer(ImplicitAls.fit(train, options), dir);
     * }</pre>
     *
     * @throws IllegalArgumentException for a scorer of another module (save it with its own class)
     */
    public static void saveScorer(ItemScorer m, Path dir) throws IOException {
        if (!(m instanceof ImplicitAls || m instanceof BiasedMf || m instanceof Bpr || m instanceof ItemKnn
                || m instanceof Popularity)) {
            throw new IllegalArgumentException("not a recsys scorer (" + m.getClass().getName() + "); known types: "
                    + knownTypes());
        }
        saveBuiltIn(m, dir);
    }

    /**
     * Loads a scorer of one of the {@link #knownTypes()} from its model folder.
     *
     * @throws IllegalArgumentException for a type that is not one of them
     * @throws ai.behavior.modelfile.ModelFileException if the folder is not an intact model of that type
     */
    public static ItemScorer loadScorer(String modelType, Path dir) throws IOException {
        Loader loader = BUILT_IN.get(modelType);
        if (loader == null) {
            throw new IllegalArgumentException("unknown scorer type '" + modelType + "'; known: " + knownTypes());
        }
        return loader.load(dir);
    }

    private static void saveBuiltIn(ItemScorer m, Path dir) throws IOException {
        if (m instanceof ImplicitAls a) {
            a.save(dir);
        } else if (m instanceof BiasedMf b) {
            b.save(dir);
        } else if (m instanceof Bpr b) {
            b.save(dir);
        } else if (m instanceof ItemKnn k) {
            k.save(dir);
        } else {
            ((Popularity) m).save(dir);
        }
    }

    /** Writes the bundle manifest with {@link ModelWriter} beside the staging folder, then moves it in. */
    private static void writeManifest(Path staging, Parts parts, Recommender rec) throws IOException {
        Path manifestDir = Files.createTempDirectory(staging.getParent(), staging.getFileName() + ".manifest-");
        try {
            ModelWriter.create(manifestDir, MODEL_TYPE, VERSION)
                    .options(parts)
                    .provenance("users", Integer.toString(rec.model().users().size()))
                    .provenance("items", Integer.toString(rec.model().items().size()))
                    .provenance("seenPairs", Integer.toString(rec.seen().nnz()))
                    .commit();
            Files.move(manifestDir.resolve(ModelFiles.MANIFEST), staging.resolve(ModelFiles.MANIFEST));
        } finally {
            if (Files.exists(manifestDir)) {
                deleteTree(manifestDir);
            }
        }
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isEmpty()) {
                return;
            }
        }
        Path manifest = target.resolve(ModelFiles.MANIFEST);
        if (!Files.isRegularFile(manifest) || !MODEL_TYPE.equals(modelType(target))) {
            throw new IOException(target + " exists and is not a recommender bundle; refusing to replace it");
        }
    }

    /** Moves the finished bundle into place; an older bundle is renamed away first and deleted after. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the older bundle back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void verifyPart(Path dir, String part, String expectedSha) throws IOException {
        Path manifest = dir.resolve(part).resolve(ModelFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new ModelFileException(dir + ": file '" + part + "/" + ModelFiles.MANIFEST + "' is missing");
        }
        String actual = sha256(manifest);
        if (!actual.equals(expectedSha)) {
            throw new ModelFileException(dir + ": file '" + part + "/" + ModelFiles.MANIFEST + "' is corrupted: SHA-256 "
                    + actual + " does not match the bundle manifest's " + expectedSha);
        }
    }

    /** The model type in a model folder's manifest. */
    private static String modelType(Path modelDir) throws IOException {
        Path manifest = modelDir.resolve(ModelFiles.MANIFEST);
        try {
            JsonElement type = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("modelType");
            if (type == null || !type.isJsonPrimitive()) {
                throw new ModelFileException(manifest + " names no modelType");
            }
            return type.getAsString();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelFileException(manifest + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String manifestSha(Path staging, String part) throws IOException {
        return sha256(staging.resolve(part).resolve(ModelFiles.MANIFEST));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Deletes a folder this class created (staging or a replaced bundle), deepest entries first. */
    private static void deleteTree(Path root) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
