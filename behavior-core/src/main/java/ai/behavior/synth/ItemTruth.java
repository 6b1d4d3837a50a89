package ai.behavior.synth;

import java.util.Arrays;

/**
 * The latent state planted for every item: embedding, popularity weight, category and price. Indexed by
 * the item's dense index, which is also the log's item index and the row of the items attribute table.
 *
 * <pre>{@code
 * ItemTruth items = shop.truth().items();
 * double weight = items.popularity()[i]; int category = items.category()[i];
 * }</pre>
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param dimension          length of an embedding
 * @param embeddings         item embeddings, row-major ({@code embeddings[i * dimension + k]})
 * @param popularity         Zipf-like popularity weights, summing to 1
 * @param category           category index of each item (label {@code "cat%02d"} in the items table)
 * @param price              unit price of each item
 * @param consumableCategory whether each category is consumable (indexed by category)
 * @param relLogPrice        {@code log(price / category median price)}, the price term of the cart logit; the
 *                           category median is the planted one the prices were drawn around, not the median of
 *                           the category's observed prices
 * @param logPriceVsCatalogue {@code log(price / catalogue median price)}, the price term of the purchase logit; the
 *                           median is the middle of the sorted prices ({@code sorted[n / 2]})
 */
public record ItemTruth(int dimension, double[] embeddings, double[] popularity, int[] category, double[] price,
                        boolean[] consumableCategory, double[] relLogPrice, double[] logPriceVsCatalogue) {

    /**
     * Checks that the arrays are aligned.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public ItemTruth {
        int n = popularity.length;
        if (dimension < 1 || embeddings.length != (long) n * dimension || category.length != n
                || price.length != n || relLogPrice.length != n || logPriceVsCatalogue.length != n) {
            throw new IllegalArgumentException("item truth arrays must describe " + n + " items");
        }
    }

    /** Number of items. */
    public int size() {
        return popularity.length;
    }

    /** A copy of item {@code i}'s embedding. */
    public double[] embedding(int i) {
        return Arrays.copyOfRange(embeddings, i * dimension, (i + 1) * dimension);
    }

    /** Whether item {@code i} is in a consumable category (bought repeatedly). */
    public boolean consumable(int i) {
        return consumableCategory[category[i]];
    }
}
