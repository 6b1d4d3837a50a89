package ai.behavior.recsys.als;

import java.util.Arrays;

/**
 * A user who was not in the training data, folded into a trained {@link ImplicitAls} model: the factors
 * solved against the fixed item factors, and the items the user interacted with (excluded from their
 * recommendations).
 *
 * <pre>{@code
 * FoldedUser guest = model.foldIn(new int[] {3, 17}, new float[] {1f, 2f});
 * List<Recommendations.Item> top = model.recommend(guest, 10);
 * }</pre>
 *
 * @param factors the user's latent factors (copied in and out)
 * @param items   the distinct item indices the factors were solved from, ascending (copied in and out)
 */
public record FoldedUser(float[] factors, int[] items) {
    /** Copies the arrays. */
    public FoldedUser {
        factors = factors.clone();
        items = items.clone();
    }

    /** A copy of the factors. */
    @Override
    public float[] factors() {
        return factors.clone();
    }

    /** A copy of the item indices. */
    @Override
    public int[] items() {
        return items.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FoldedUser f && Arrays.equals(factors, f.factors) && Arrays.equals(items, f.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(factors) * 31 + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return "FoldedUser[" + factors.length + " factors, " + items.length + " items]";
    }
}
