package ai.behavior.recsys.als;

import java.util.Arrays;

/**
 * Immutable user and item factor matrices (row-major {@code float} arrays) with an optional per-item bias:
 * the scoring core shared by {@link ImplicitAls} and {@code ai.behavior.recsys.bpr.Bpr}. The score of user
 * {@code u} for item {@code i} is {@code user(u) . item(i) + bias(i)}.
 *
 * <pre>{@code
 * LatentFactors f = LatentFactors.of(numUsers, numItems, 64, userRows, itemRows, null);
 * float[] scores = new float[numItems];  f.scoreAll(user, scores);
 * }</pre>
 *
 * <p>Scoring one user against the whole catalogue is a matrix-vector product. It runs over a factor-major
 * copy of the item matrix ({@code factors x items}), adding four factor columns per pass, which C2
 * vectorises; a single {@link #score(int, int)} evaluates exactly the same expression per item, so it equals
 * the corresponding {@link #scoreAll(int, float[])} entry bit for bit. Safe for concurrent use.
 */
public final class LatentFactors {
    private final int numUsers;
    private final int numItems;
    private final int factors;
    private final float[] userRows;
    private final float[] itemRows;
    private final float[] itemBias; // null when the model has none
    private final float[][] itemByFactor;
    private final float[] itemNorms;
    private final float[] zeroItems;

    private LatentFactors(int numUsers, int numItems, int factors, float[] userRows, float[] itemRows,
                          float[] itemBias) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.factors = factors;
        this.userRows = userRows;
        this.itemRows = itemRows;
        this.itemBias = itemBias;
        this.itemByFactor = new float[factors][numItems];
        this.itemNorms = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            double sq = 0;
            for (int k = 0; k < factors; k++) {
                float v = itemRows[i * factors + k];
                itemByFactor[k][i] = v;
                sq += (double) v * v;
            }
            itemNorms[i] = (float) Math.sqrt(sq);
        }
        this.zeroItems = new float[numItems];
    }

    /**
     * Factor matrices from row-major arrays (copied).
     *
     * @param numUsers number of users (rows of {@code userRows})
     * @param numItems number of items (rows of {@code itemRows})
     * @param factors  number of latent factors (columns), at least 1
     * @param userRows {@code numUsers * factors} values, row-major
     * @param itemRows {@code numItems * factors} values, row-major
     * @param itemBias {@code numItems} biases, or {@code null} for none
     * @throws IllegalArgumentException on a length mismatch or a non-finite value
     */
    public static LatentFactors of(int numUsers, int numItems, int factors, float[] userRows, float[] itemRows,
                                   float[] itemBias) {
        if (factors < 1 || numUsers < 0 || numItems < 0) {
            throw new IllegalArgumentException("need factors >= 1 and non-negative sizes, got " + numUsers
                    + " users, " + numItems + " items, " + factors + " factors");
        }
        check("user factors", userRows, (long) numUsers * factors);
        check("item factors", itemRows, (long) numItems * factors);
        if (itemBias != null) {
            check("item biases", itemBias, numItems);
        }
        return new LatentFactors(numUsers, numItems, factors, userRows.clone(), itemRows.clone(),
                itemBias == null ? null : itemBias.clone());
    }

    /** Factor matrices from per-row arrays (copied into row-major form). */
    static LatentFactors ofRows(float[][] users, float[][] items, float[] itemBias, int factors) {
        return new LatentFactors(users.length, items.length, factors, flatten(users, factors),
                flatten(items, factors), itemBias == null ? null : itemBias.clone());
    }

    private static float[] flatten(float[][] rows, int factors) {
        float[] out = new float[rows.length * factors];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, out, r * factors, factors);
        }
        return out;
    }

    private static void check(String what, float[] a, long expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new IllegalArgumentException(what + ": value " + i + " is " + a[i]);
            }
        }
    }

    /** Number of users. */
    public int numUsers() {
        return numUsers;
    }

    /** Number of items. */
    public int numItems() {
        return numItems;
    }

    /** Number of latent factors. */
    public int factors() {
        return factors;
    }

    /** Whether scores include a per-item bias. */
    public boolean hasItemBias() {
        return itemBias != null;
    }

    /** A copy of user {@code u}'s factors. */
    public float[] userVector(int u) {
        return Arrays.copyOfRange(userRows, u * factors, (u + 1) * factors);
    }

    /** A copy of item {@code i}'s factors. */
    public float[] itemVector(int i) {
        return Arrays.copyOfRange(itemRows, i * factors, (i + 1) * factors);
    }

    /** Item {@code i}'s bias (0 when the model has none). */
    public float itemBias(int i) {
        return itemBias == null ? 0f : itemBias[i];
    }

    /** Euclidean norm of item {@code i}'s factors. */
    public float itemNorm(int i) {
        return itemNorms[i];
    }

    /** A copy of the user factors, row-major {@code numUsers x factors}. */
    public float[] userRows() {
        return userRows.clone();
    }

    /** A copy of the item factors, row-major {@code numItems x factors}. */
    public float[] itemRows() {
        return itemRows.clone();
    }

    /** A copy of the item biases, or {@code null} when the model has none. */
    public float[] itemBiases() {
        return itemBias == null ? null : itemBias.clone();
    }

    /** Writes the score of every item for user index {@code user} into {@code out}. */
    public void scoreAll(int user, float[] out) {
        scoreAll(userRows, user * factors, out);
    }

    /** Writes the score of every item for a user given by its factors (e.g. a folded-in user). */
    public void scoreAll(float[] userVector, float[] out) {
        requireVector(userVector);
        scoreAll(userVector, 0, out);
    }

    /** The score of one (user, item) pair; equal to the {@link #scoreAll(int, float[])} entry. */
    public float score(int user, int item) {
        return score(userRows, user * factors, item);
    }

    /** The score of {@code item} for a user given by its factors. */
    public float score(float[] userVector, int item) {
        requireVector(userVector);
        return score(userVector, 0, item);
    }

    /**
     * Writes the cosine similarity of item {@code item}'s factors with every item's into {@code out}: NaN for
     * {@code item} itself and for items whose factors are all zero (so top-K selection skips them).
     */
    public void cosineAll(int item, float[] out) {
        if (out.length != numItems) {
            throw new IllegalArgumentException("out must have one slot per item (" + numItems + "), got " + out.length);
        }
        float qn = itemNorms[item];
        if (qn == 0) {
            Arrays.fill(out, Float.NaN);
            return;
        }
        Arrays.fill(out, 0f);
        addProducts(itemRows, item * factors, out);
        for (int i = 0; i < numItems; i++) {
            float n = itemNorms[i];
            out[i] = n == 0 ? Float.NaN : out[i] / (qn * n);
        }
        out[item] = Float.NaN;
    }

    private void scoreAll(float[] vec, int off, float[] out) {
        if (out.length != numItems) {
            throw new IllegalArgumentException("out must have one slot per item (" + numItems + "), got " + out.length);
        }
        if (itemBias != null) {
            System.arraycopy(itemBias, 0, out, 0, numItems);
        } else {
            Arrays.fill(out, 0f);
        }
        addProducts(vec, off, out);
    }

    /** {@code out[i] += vec[off..off+factors) . item(i)} for every item, four factors per pass. */
    private void addProducts(float[] vec, int off, float[] out) {
        float[][] t = itemByFactor;
        int k = 0;
        for (; k + 4 <= factors; k += 4) {
            Kernels.add4(vec[off + k], t[k], vec[off + k + 1], t[k + 1], vec[off + k + 2], t[k + 2],
                    vec[off + k + 3], t[k + 3], out, numItems);
        }
        if (k < factors) {
            float[] z = zeroItems;
            Kernels.add4(vec[off + k], t[k], k + 1 < factors ? vec[off + k + 1] : 0f, k + 1 < factors ? t[k + 1] : z,
                    k + 2 < factors ? vec[off + k + 2] : 0f, k + 2 < factors ? t[k + 2] : z, 0f, z, out, numItems);
        }
    }

    /** The same arithmetic as {@link #addProducts} for one item. */
    private float score(float[] vec, int off, int item) {
        float[][] t = itemByFactor;
        float s = itemBias == null ? 0f : itemBias[item];
        int k = 0;
        for (; k + 4 <= factors; k += 4) {
            s += (vec[off + k] * t[k][item] + vec[off + k + 1] * t[k + 1][item])
                    + (vec[off + k + 2] * t[k + 2][item] + vec[off + k + 3] * t[k + 3][item]);
        }
        if (k < factors) {
            float w1 = k + 1 < factors ? vec[off + k + 1] : 0f;
            float x1 = k + 1 < factors ? t[k + 1][item] : 0f;
            float w2 = k + 2 < factors ? vec[off + k + 2] : 0f;
            float x2 = k + 2 < factors ? t[k + 2][item] : 0f;
            float zero = 0f;
            s += (vec[off + k] * t[k][item] + w1 * x1) + (w2 * x2 + zero * zero);
        }
        return s;
    }

    private void requireVector(float[] v) {
        if (v == null || v.length != factors) {
            throw new IllegalArgumentException("a user vector needs " + factors + " factors, got "
                    + (v == null ? "null" : v.length));
        }
    }
}
