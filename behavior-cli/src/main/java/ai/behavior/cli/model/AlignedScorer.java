package ai.behavior.cli.model;

import ai.behavior.data.IdIndex;
import ai.behavior.recsys.ItemScorer;

import java.util.Arrays;

/**
 * A loaded model seen through wider indices whose first ids are the model's own ({@link AlignedLogs}): users
 * beyond the model's are unknown to it (the recommender falls back to popularity for them) and items beyond
 * its catalogue score NaN, which is never recommended and ranks as a miss.
 *
 * <pre>{@code
 * AlignedLogs a = AlignedLogs.of(model.users(), model.items(), train, test);
 * ItemScorer scorer = AlignedScorer.of(model, a.users(), a.items());
 * }</pre>
 */
public final class AlignedScorer implements ItemScorer {
    private final ItemScorer model;
    private final IdIndex users;
    private final IdIndex items;
    private final int modelUsers;
    private final int modelItems;
    private final ThreadLocal<float[]> scratch;

    private AlignedScorer(ItemScorer model, IdIndex users, IdIndex items) {
        this.model = model;
        this.users = users;
        this.items = items;
        this.modelUsers = model.users().size();
        this.modelItems = model.items().size();
        this.scratch = ThreadLocal.withInitial(() -> new float[modelItems]);
    }

    /**
     * The model seen through {@code users} and {@code items}.
     *
     * @throws IllegalArgumentException if the indices do not start with the model's ids
     */
    public static AlignedScorer of(ItemScorer model, IdIndex users, IdIndex items) {
        requirePrefix(model.users(), users, "user");
        requirePrefix(model.items(), items, "item");
        return new AlignedScorer(model, users, items);
    }

    private static void requirePrefix(IdIndex prefix, IdIndex index, String what) {
        if (index.size() < prefix.size()) {
            throw new IllegalArgumentException("the " + what + " index is smaller than the model's");
        }
        for (int k = 0; k < prefix.size(); k++) {
            if (!prefix.id(k).equals(index.id(k))) {
                throw new IllegalArgumentException(what + " " + k + " is '" + index.id(k) + "' but the model has '"
                        + prefix.id(k) + "'");
            }
        }
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    @Override
    public boolean knowsUser(int user) {
        return user < modelUsers && model.knowsUser(user);
    }

    @Override
    public void scoreAll(int user, float[] out) {
        if (out.length == modelItems) {
            model.scoreAll(user, out);
            return;
        }
        float[] s = scratch.get();
        model.scoreAll(user, s);
        System.arraycopy(s, 0, out, 0, modelItems);
        Arrays.fill(out, modelItems, out.length, Float.NaN);
    }

    @Override
    public float score(int user, int item) {
        return item < modelItems ? model.score(user, item) : Float.NaN;
    }

    /** The wrapped model. */
    public ItemScorer model() {
        return model;
    }
}
