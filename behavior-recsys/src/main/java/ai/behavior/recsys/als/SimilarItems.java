package ai.behavior.recsys.als;

import ai.behavior.data.IdIndex;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.TopKSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * Item-to-item neighbours of a factor model by cosine similarity of item factors (biases are ignored): "more
 * like this" lists for {@link ImplicitAls} and {@code ai.behavior.recsys.bpr.Bpr}.
 *
 * <pre>{@code
 * List<Recommendations.Item> like42 = SimilarItems.of(model.factors(), model.items(), 42, 10);
 * String first = like42.get(0).itemId();
 * }</pre>
 *
 * <p>The query item is never in its own list; items whose factors are all zero (no training interactions)
 * have no direction, so they are never listed and their own list is empty. Ties go to the lower index.
 */
public final class SimilarItems {
    private SimilarItems() {
    }

    /**
     * The {@code k} items most similar to {@code item}, best first, scored by cosine.
     *
     * @throws IllegalArgumentException if {@code k <= 0} or {@code item} is out of range
     */
    public static List<Recommendations.Item> of(LatentFactors factors, IdIndex items, int item, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        if (item < 0 || item >= factors.numItems()) {
            throw new IllegalArgumentException("item index " + item + " is outside [0, " + factors.numItems() + ")");
        }
        float[] cos = new float[factors.numItems()];
        factors.cosineAll(item, cos);
        int[] top = TopKSelector.select(cos, k, null);
        List<Recommendations.Item> out = new ArrayList<>(top.length);
        for (int i : top) {
            out.add(new Recommendations.Item(items.id(i), i, cos[i]));
        }
        return out;
    }
}
