package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.recsys.ItemScorer;

import java.util.Objects;

/**
 * Precomputed user and item embeddings as an {@link ItemScorer}: the score of (user, item) is the dot product of
 * their embeddings (the cosine when the model L2-normalises). Pure Java, immutable and thread-safe, so
 * {@code new Recommender(scorer, seen, popularity)} serves top-K with seen-item filtering and the popularity
 * fallback for users the scorer does not know.
 *
 * <pre>{@code
 * TwoTowerScorer scorer = model.scorer(log.users(), userRows, log.items(), itemRows);
 * Recommender rec = new Recommender(scorer, UserItemMatrix.of(train, Weighting.counts()), popularity);
 * }</pre>
 */
public final class TwoTowerScorer implements ItemScorer {
    private final IdIndex users;
    private final IdIndex items;
    private final int dim;
    private final float[] userVectors;
    private final float[] itemVectors;
    private final boolean[] known;

    /**
     * A scorer from row-major embeddings: user {@code u}'s vector is {@code userVectors[u*dim .. (u+1)*dim)},
     * likewise for items; {@code known[u]} says whether the model should serve user {@code u} (false: the
     * {@link ai.behavior.recsys.Recommender} falls back to popularity). The arrays are copied.
     */
    public TwoTowerScorer(IdIndex users, IdIndex items, int dim, float[] userVectors, float[] itemVectors,
                          boolean[] known) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if (userVectors.length != (long) users.size() * dim || itemVectors.length != (long) items.size() * dim) {
            throw new IllegalArgumentException("need " + users.size() + " x " + dim + " user values and "
                    + items.size() + " x " + dim + " item values, got " + userVectors.length + " and "
                    + itemVectors.length);
        }
        if (known.length != users.size()) {
            throw new IllegalArgumentException(known.length + " known flags for " + users.size() + " users");
        }
        for (float[] a : new float[][] {userVectors, itemVectors}) {
            for (int i = 0; i < a.length; i++) {
                if (!Float.isFinite(a[i])) {
                    throw new IllegalArgumentException("embedding value " + i + " is " + a[i]);
                }
            }
        }
        this.users = users;
        this.items = items;
        this.dim = dim;
        this.userVectors = userVectors.clone();
        this.itemVectors = itemVectors.clone();
        this.known = known.clone();
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
        int ub = user * dim;
        int n = items.size();
        for (int i = 0, ib = 0; i < n; i++, ib += dim) {
            float s = 0;
            for (int k = 0; k < dim; k++) {
                s += userVectors[ub + k] * itemVectors[ib + k];
            }
            out[i] = s;
        }
    }

    @Override
    public float score(int user, int item) {
        int ub = user * dim;
        int ib = item * dim;
        float s = 0;
        for (int k = 0; k < dim; k++) {
            s += userVectors[ub + k] * itemVectors[ib + k];
        }
        return s;
    }

    /** Embedding size. */
    public int dim() {
        return dim;
    }

    /** A copy of user {@code u}'s embedding. */
    public float[] userVector(int u) {
        return java.util.Arrays.copyOfRange(userVectors, u * dim, (u + 1) * dim);
    }

    /** A copy of item {@code i}'s embedding. */
    public float[] itemVector(int i) {
        return java.util.Arrays.copyOfRange(itemVectors, i * dim, (i + 1) * dim);
    }
}
