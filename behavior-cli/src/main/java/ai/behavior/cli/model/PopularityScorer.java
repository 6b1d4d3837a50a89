package ai.behavior.cli.model;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import com.google.gson.JsonElement;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted {@link Popularity} model as a saved, reloadable scorer: the SDK's popularity class is a fit-time value
 * without a file format, so the tool saves its item scores in the model-file format (type
 * {@value #MODEL_TYPE}: the user and item ids and one float score per item).
 *
 * <pre>{@code
 * PopularityScorer p = PopularityScorer.of(Popularity.fit(train, options));
 * p.save(dir, optionsJson);  PopularityScorer again = PopularityScorer.load(dir);
 * }</pre>
 */
public final class PopularityScorer implements ItemScorer {
    /** The model type in the manifest. */
    public static final String MODEL_TYPE = "popularity";
    private static final int VERSION = 1;

    private final IdIndex users;
    private final IdIndex items;
    private final float[] scores;

    private PopularityScorer(IdIndex users, IdIndex items, float[] scores) {
        this.users = users;
        this.items = items;
        this.scores = scores;
    }

    /** The scores of a fitted popularity model. */
    public static PopularityScorer of(Popularity model) {
        float[] s = new float[model.items().size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = model.popularity(i);
        }
        return new PopularityScorer(model.users(), model.items(), s);
    }

    /** Saves the model to {@code dir}; {@code options} (the configuration's options) is kept in the manifest. */
    public void save(Path dir, JsonElement options) throws IOException {
        ModelWriter.create(dir, MODEL_TYPE, VERSION).options(options).ids("users", users).ids("items", items)
                .floats("scores", scores, scores.length, 1).commit();
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws ModelFileException if the folder is not an intact popularity model
     */
    public static PopularityScorer load(Path dir) throws IOException {
        ModelReader r = ModelReader.open(dir, MODEL_TYPE, VERSION);
        IdIndex users = r.ids("users");
        IdIndex items = r.ids("items");
        float[] scores = r.floats("scores").data();
        if (scores.length != items.size()) {
            throw new ModelFileException(dir + ": " + scores.length + " scores for " + items.size() + " items");
        }
        return new PopularityScorer(users, items, scores);
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    /** Popularity knows every user: it does not depend on them. */
    @Override
    public boolean knowsUser(int user) {
        return true;
    }

    @Override
    public void scoreAll(int user, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    @Override
    public float score(int user, int item) {
        return scores[item];
    }
}
