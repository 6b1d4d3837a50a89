package ai.behavior.synth;

import ai.behavior.data.AttributeTable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The item side of a synthetic shop: categories, brands, embeddings, Zipf-like popularity, lognormal prices
 * and consumable categories, with items grouped by category for fast sampling.
 */
final class Catalogue {
    /** Share of an item embedding's variance that is not explained by its category. */
    private static final double ITEM_NOISE = 0.5;
    /** Share of that non-category variance explained by the brand. */
    private static final double BRAND_SHARE = 0.4;
    private static final double MEDIAN_CATEGORY_PRICE = 25.0;
    private static final double CATEGORY_PRICE_SIGMA = 0.9;
    private static final double BRAND_PREMIUM_SIGMA = 0.35;
    private static final double ITEM_PRICE_SIGMA = 0.45;
    private static final double MIN_PRICE = 0.49;

    final int numItems;
    final int numCategories;
    final int dimension;
    final int brandsPerCategory;
    final int[] categoryOf;
    final int[] brandOf;
    final double[] price;
    final double[] popularity;
    final double[] logPopularity;
    final double[] embeddings;
    final double[] categoryEmbeddings;
    final double[] categoryLogShare;
    final boolean[] consumable;
    final double[] replenishDays;
    /** log(price / median price of the item's category). */
    final double[] relLogPrice;
    /** log(price / median price of the catalogue). */
    final double[] logPriceVsCatalogue;
    /** CSR over categories: items of category c are catItems[catStart[c] .. catStart[c+1]). */
    final int[] catStart;
    final int[] catItems;
    /** Alias tables of popularity within each category, aligned with catItems (see {@link #popularItem}). */
    private final double[] aliasKeep;
    private final int[] aliasOther;
    /** 0 = head (top 10 % by popularity), 1 = torso (next 30 %), 2 = tail. */
    final byte[] tier;

    private Catalogue(SyntheticShop.Options o) {
        SplittableRandom rng = Seeds.stream(o.seed(), Seeds.CATALOGUE, 0);
        numItems = o.items();
        numCategories = o.categories();
        dimension = o.dimension();
        brandsPerCategory = o.brandsPerCategory();
        int n = numItems;
        int c = numCategories;
        int d = dimension;

        categoryEmbeddings = gaussians(rng, (long) c * d);
        int brands = c * brandsPerCategory;
        double[] brandEmbeddings = gaussians(rng, (long) brands * d);
        double[] brandPremium = new double[brands];
        for (int b = 0; b < brands; b++) {
            brandPremium[b] = Math.exp(BRAND_PREMIUM_SIGMA * rng.nextGaussian());
        }
        double[] categoryMedian = new double[c];
        for (int k = 0; k < c; k++) {
            categoryMedian[k] = MEDIAN_CATEGORY_PRICE * Math.exp(CATEGORY_PRICE_SIGMA * rng.nextGaussian());
        }

        // Category sizes vary; every category has at least one item; item ids are unrelated to category.
        double[] sizeCum = new double[c];
        double acc = 0;
        for (int k = 0; k < c; k++) {
            acc += Math.exp(0.6 * rng.nextGaussian());
            sizeCum[k] = acc;
        }
        categoryOf = new int[n];
        for (int i = 0; i < n; i++) {
            categoryOf[i] = i < c ? i : Sampling.cumulative(sizeCum, 0, c, rng.nextDouble() * acc);
        }
        Sampling.shuffle(categoryOf, rng);

        double[] brandCum = new double[brandsPerCategory];
        double bacc = 0;
        for (int b = 0; b < brandsPerCategory; b++) {
            bacc += 1.0 / (b + 1);
            brandCum[b] = bacc;
        }
        brandOf = new int[n];
        embeddings = new double[n * d];
        price = new double[n];
        relLogPrice = new double[n];
        double wc = Math.sqrt(1 - ITEM_NOISE);
        double wb = Math.sqrt(ITEM_NOISE * BRAND_SHARE);
        double wn = Math.sqrt(ITEM_NOISE * (1 - BRAND_SHARE));
        for (int i = 0; i < n; i++) {
            int cat = categoryOf[i];
            int brand = cat * brandsPerCategory
                    + Sampling.cumulative(brandCum, 0, brandsPerCategory, rng.nextDouble() * bacc);
            brandOf[i] = brand;
            for (int k = 0; k < d; k++) {
                embeddings[i * d + k] = wc * categoryEmbeddings[cat * d + k] + wb * brandEmbeddings[brand * d + k]
                        + wn * rng.nextGaussian();
            }
            double p = categoryMedian[cat] * brandPremium[brand] * Math.exp(ITEM_PRICE_SIGMA * rng.nextGaussian());
            price[i] = Math.max(MIN_PRICE, Math.round(p * 100) / 100.0);
            relLogPrice[i] = Math.log(price[i] / categoryMedian[cat]);
        }
        double[] sorted = price.clone();
        Arrays.sort(sorted);
        double medianPrice = sorted[n / 2];
        logPriceVsCatalogue = new double[n];
        for (int i = 0; i < n; i++) {
            logPriceVsCatalogue[i] = Math.log(price[i] / medianPrice);
        }

        // Zipf popularity over a random ranking of items.
        int[] byRank = new int[n];
        for (int i = 0; i < n; i++) {
            byRank[i] = i;
        }
        Sampling.shuffle(byRank, rng);
        popularity = new double[n];
        tier = new byte[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            double w = Math.pow(r + 1, -o.popularityExponent());
            popularity[byRank[r]] = w;
            tier[byRank[r]] = (byte) (r < 0.1 * n ? 0 : r < 0.4 * n ? 1 : 2);
            total += w;
        }
        logPopularity = new double[n];
        double[] categoryShare = new double[c];
        for (int i = 0; i < n; i++) {
            popularity[i] /= total;
            logPopularity[i] = Math.log(popularity[i]);
            categoryShare[categoryOf[i]] += popularity[i];
        }
        categoryLogShare = new double[c];
        for (int k = 0; k < c; k++) {
            categoryLogShare[k] = Math.log(categoryShare[k]);
        }

        // Items grouped by category (in rank order, so the head of each category comes first).
        catStart = new int[c + 1];
        for (int i = 0; i < n; i++) {
            catStart[categoryOf[i] + 1]++;
        }
        for (int k = 0; k < c; k++) {
            catStart[k + 1] += catStart[k];
        }
        int[] fill = Arrays.copyOf(catStart, c);
        catItems = new int[n];
        for (int r = 0; r < n; r++) {
            int i = byRank[r];
            catItems[fill[categoryOf[i]]++] = i;
        }
        aliasKeep = new double[n];
        aliasOther = new int[n];
        double[] weights = new double[n];
        for (int p = 0; p < n; p++) {
            weights[p] = popularity[catItems[p]];
        }
        for (int k = 0; k < c; k++) {
            Sampling.alias(weights, catStart[k], catStart[k + 1], aliasKeep, aliasOther);
        }

        int[] cats = new int[c];
        for (int k = 0; k < c; k++) {
            cats[k] = k;
        }
        Sampling.shuffle(cats, rng);
        consumable = new boolean[c];
        int consumables = (int) Math.round(o.consumableFraction() * c);
        for (int k = 0; k < consumables; k++) {
            consumable[cats[k]] = true;
        }
        replenishDays = new double[c];
        for (int k = 0; k < c; k++) {
            replenishDays[k] = 7 + 21 * rng.nextDouble();
        }
    }

    /** Generates the catalogue of {@code options} (depends only on the seed and the catalogue options). */
    static Catalogue generate(SyntheticShop.Options options) {
        return new Catalogue(options);
    }

    /** A popularity-weighted random item of category {@code c}, in O(1) by the alias method. */
    int popularItem(int c, SplittableRandom rng) {
        int from = catStart[c];
        double x = rng.nextDouble() * (catStart[c + 1] - from);
        int j = (int) x;
        int p = from + j;
        return catItems[x - j < aliasKeep[p] ? p : aliasOther[p]];
    }

    /** Number of items in category {@code c}. */
    int categorySize(int c) {
        return catStart[c + 1] - catStart[c];
    }

    /** Label of category {@code c} in the items table. */
    static String categoryLabel(int c) {
        return c < 10 ? "cat0" + c : "cat" + c;
    }

    /** The planted item state. */
    ItemTruth truth() {
        return new ItemTruth(dimension, embeddings, popularity, categoryOf, price, consumable, relLogPrice,
                logPriceVsCatalogue);
    }

    /** The items attribute table, one row per item in index order. */
    AttributeTable table() {
        AttributeTable.Builder b = AttributeTable.builder("item_id").categorical("category").categorical("brand")
                .numeric("price").categorical("popularity_tier").categorical("consumable");
        String[] tiers = {"head", "torso", "tail"};
        String[] brandLabels = new String[numCategories * brandsPerCategory];
        for (int i = 0; i < numItems; i++) {
            int cat = categoryOf[i];
            int brand = brandOf[i];
            if (brandLabels[brand] == null) {
                brandLabels[brand] = "brand" + cat + "_" + (brand - cat * brandsPerCategory);
            }
            b.row("i" + i).set("category", categoryLabel(cat)).set("brand", brandLabels[brand])
                    .set("price", price[i]).set("popularity_tier", tiers[tier[i]])
                    .set("consumable", consumable[cat] ? "yes" : "no");
        }
        return b.build();
    }

    private static double[] gaussians(SplittableRandom rng, long n) {
        double[] a = new double[Math.toIntExact(n)];
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian();
        }
        return a;
    }
}
