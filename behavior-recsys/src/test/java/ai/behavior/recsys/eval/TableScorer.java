package ai.behavior.recsys.eval;

import ai.behavior.data.IdIndex;
import ai.behavior.recsys.ItemScorer;

/** A hand-made {@link ItemScorer} for tests: a fixed score table and the users it knows. */
final class TableScorer implements ItemScorer {
    private final IdIndex users;
    private final IdIndex items;
    private final float[][] scores;
    private final boolean[] known;

    TableScorer(IdIndex users, IdIndex items, float[][] scores, boolean[] known) {
        this.users = users;
        this.items = items;
        this.scores = scores;
        this.known = known;
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
        return known[user];
    }

    @Override
    public void scoreAll(int user, float[] out) {
        System.arraycopy(scores[user], 0, out, 0, scores[user].length);
    }

    @Override
    public float score(int user, int item) {
        return scores[user][item];
    }
}
