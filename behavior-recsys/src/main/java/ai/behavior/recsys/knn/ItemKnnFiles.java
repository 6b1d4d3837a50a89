package ai.behavior.recsys.knn;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code item-knn} model folder: files {@code users}, {@code items} (ids in index order),
 * {@code history_offsets}, {@code history_items}, {@code history_values} (the users' training rows),
 * {@code neighbour_offsets}, {@code neighbour_items}, {@code neighbour_similarities} (each item's kept
 * neighbours, ascending by index) and {@code fallback_popularity}; the options are in the manifest.
 */
final class ItemKnnFiles {
    static final String TYPE = "item-knn";
    static final int VERSION = 1;

    private ItemKnnFiles() {
    }

    static void save(ItemKnn model, Path dir) throws IOException {
        Csr history = model.historyMatrix();
        Csr neighbours = model.neighbourMatrix();
        int numItems = model.items().size();
        float[] popularity = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            popularity[i] = model.fallback().popularity(i);
        }
        ItemKnn.Options o = model.options();
        ModelWriter.create(dir, TYPE, VERSION)
                .options(optionsJson(o))
                .provenance("model", o.describe())
                .ids("users", model.users())
                .ids("items", model.items())
                .ints("history_offsets", history.offsets())
                .ints("history_items", history.cols())
                .floats("history_values", history.values(), history.values().length, 1)
                .ints("neighbour_offsets", neighbours.offsets())
                .ints("neighbour_items", neighbours.cols())
                .floats("neighbour_similarities", neighbours.values(), neighbours.values().length, 1)
                .floats("fallback_popularity", popularity, numItems, 1)
                .commit();
    }

    static ItemKnn load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, TYPE, VERSION);
        ItemKnn.Options options = options(r.optionsJson(), dir);
        String[] userIds = r.strings("users");
        String[] itemIds = r.strings("items");
        Csr history = new Csr(r.ints("history_offsets"), r.ints("history_items"),
                r.floats("history_values").data());
        Csr neighbours = new Csr(r.ints("neighbour_offsets"), r.ints("neighbour_items"),
                r.floats("neighbour_similarities").data());
        float[] popularity = r.floats("fallback_popularity").data();
        check(history, userIds.length, itemIds.length, "history");
        check(neighbours, itemIds.length, itemIds.length, "neighbour");
        if (popularity.length != itemIds.length) {
            throw new ModelFileException(dir + ": fallback_popularity has " + popularity.length + " values for "
                    + itemIds.length + " items");
        }
        if (userIds.length == 0) {
            throw new ModelFileException(dir + ": the model has no users");
        }
        // The Recommender wants the seen matrix and the fallback to share the model's id indices, and both are
        // built from a log; so the saved rows become one log whose RATING events carry the users' values and
        // whose PURCHASE events (on user 0) carry the fallback popularity.
        InteractionsBuilder b = Interactions.builder(history.cols().length + itemIds.length);
        intern(b.users(), userIds, "users", dir);
        intern(b.items(), itemIds, "items", dir);
        for (int u = 0; u < userIds.length; u++) {
            for (int p = history.start(u); p < history.end(u); p++) {
                b.add(u, history.cols()[p], EventType.RATING.ordinal(), 0L, finite(history.values()[p], dir),
                        Interactions.NO_SESSION);
            }
        }
        for (int i = 0; i < itemIds.length; i++) {
            if (popularity[i] != 0) {
                b.add(0, i, EventType.PURCHASE.ordinal(), 0L, finite(popularity[i], dir), Interactions.NO_SESSION);
            }
        }
        Interactions log = b.build();
        UserItemMatrix seen = UserItemMatrix.of(log,
                Weighting.byTypeValue(Map.of(EventType.RATING, 1f), Weighting.Aggregation.SUM));
        Popularity fallback = Popularity.fit(log, Popularity.Options.defaults().withWeighting(
                Weighting.byTypeValue(Map.of(EventType.PURCHASE, 1f), Weighting.Aggregation.SUM)));
        return new ItemKnn(options, log.users(), log.items(), seen, neighbours, fallback);
    }

    private static Map<String, Object> optionsJson(ItemKnn.Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neighbours", o.neighbours());
        m.put("shrink", o.shrink());
        m.put("similarity", o.similarity().name());
        Map<String, Object> rw = new LinkedHashMap<>();
        if (o.reweighting() instanceof Reweighting.Bm25 bm25) {
            rw.put("type", "bm25");
            rw.put("k1", bm25.k1());
            rw.put("b", bm25.b());
        } else {
            rw.put("type", o.reweighting() instanceof Reweighting.TfIdf ? "tfidf" : "none");
        }
        m.put("reweighting", rw);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("typeWeights", o.weighting().typeWeights());
        w.put("useValue", o.weighting().useValue());
        w.put("aggregation", o.weighting().aggregation().name());
        m.put("weighting", w);
        return m;
    }

    private static ItemKnn.Options options(JsonElement json, Path dir) throws ModelFileException {
        try {
            JsonObject m = json.getAsJsonObject();
            JsonObject rw = m.getAsJsonObject("reweighting");
            Reweighting reweighting = switch (rw.get("type").getAsString()) {
                case "none" -> Reweighting.none();
                case "tfidf" -> Reweighting.tfIdf();
                case "bm25" -> Reweighting.bm25(rw.get("k1").getAsDouble(), rw.get("b").getAsDouble());
                default -> throw new IllegalArgumentException("unknown re-weighting " + rw.get("type"));
            };
            JsonObject w = m.getAsJsonObject("weighting");
            JsonArray tw = w.getAsJsonArray("typeWeights");
            float[] typeWeights = new float[tw.size()];
            for (int t = 0; t < typeWeights.length; t++) {
                typeWeights[t] = tw.get(t).getAsFloat();
            }
            Weighting weighting = new Weighting(typeWeights, w.get("useValue").getAsBoolean(),
                    Weighting.Aggregation.valueOf(w.get("aggregation").getAsString()));
            return ItemKnn.Options.defaults()
                    .withNeighbours(m.get("neighbours").getAsInt())
                    .withShrink(m.get("shrink").getAsFloat())
                    .withSimilarity(Similarity.valueOf(m.get("similarity").getAsString()))
                    .withReweighting(reweighting)
                    .withWeighting(weighting);
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": the item-knn options in the manifest are malformed: " + e);
        }
    }

    private static void check(Csr m, int rows, int cols, String name) throws ModelFileException {
        int[] offsets = m.offsets();
        if (offsets.length != rows + 1 || offsets[0] != 0 || offsets[rows] != m.cols().length
                || m.values().length != m.cols().length) {
            throw new ModelFileException(name + " arrays do not describe a " + rows + "-row sparse matrix");
        }
        for (int r = 0; r < rows; r++) {
            if (offsets[r + 1] < offsets[r]) {
                throw new ModelFileException(name + "_offsets decrease at row " + r);
            }
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int c = m.cols()[p];
                if (c < 0 || c >= cols || (p > offsets[r] && c <= m.cols()[p - 1])) {
                    throw new ModelFileException(name + " row " + r + " has column " + c
                            + " out of range [0, " + cols + ") or out of order");
                }
                if (!Float.isFinite(m.values()[p])) {
                    throw new ModelFileException(name + " row " + r + " has a non-finite value");
                }
            }
        }
    }

    private static void intern(IdIndex.Builder b, String[] ids, String what, Path dir) throws ModelFileException {
        for (int k = 0; k < ids.length; k++) {
            if (b.intern(ids[k]) != k) {
                throw new ModelFileException(dir + ": " + what + " holds the id '" + ids[k] + "' twice");
            }
        }
    }

    private static float finite(float v, Path dir) throws ModelFileException {
        if (!Float.isFinite(v)) {
            throw new ModelFileException(dir + ": a saved value is not finite");
        }
        return v;
    }
}
