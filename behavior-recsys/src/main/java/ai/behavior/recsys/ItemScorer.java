package ai.behavior.recsys;

import ai.behavior.data.IdIndex;

/**
 * A trained model that scores items for users: higher is more recommended. Implementations are immutable
 * and safe to call from many threads; {@link Recommender} turns one into top-K lists.
 *
 * <pre>{@code
 * float[] scores = new float[model.items().size()];
 * model.scoreAll(user, scores);
 * }</pre>
 */
public interface ItemScorer {
    /** The user id space the model was trained on. */
    IdIndex users();

    /** The item id space the model scores. */
    IdIndex items();

    /** Whether the model learned anything for user index {@code user} (a user with no training data has not). */
    boolean knowsUser(int user);

    /** Writes the score of every item for a known user into {@code out} (length {@code items().size()}). */
    void scoreAll(int user, float[] out);

    /** The score of one (user, item) pair for a known user. */
    float score(int user, int item);
}
