package ai.behavior.synth;

import java.util.SplittableRandom;

/**
 * Draws the categories and items a user browses: a softmax over {@code sharpness * affinity + log popularity}.
 * Distributions are built lazily per user and category and reused for the rest of that user.
 *
 * <p>A category of at most {@link #MAX_CANDIDATES} items is scored exactly (every item, once per user). A
 * larger category is scored on a consideration set of popularity-drawn items weighted by
 * {@code exp(sharpness * affinity)} (sampling-importance resampling of the same softmax). The set starts
 * at {@link #FIRST_CANDIDATES} items and doubles, up to {@link #MAX_CANDIDATES}, each time the user has
 * drawn half as many views from it as it holds: a shopper who browses a category more discovers more of
 * it, and the cost stays proportional to views rather than to catalogue size.
 */
final class ItemChooser {
    /** Largest number of items scored per user and category. */
    static final int MAX_CANDIDATES = 128;
    /** Initial consideration set of a large category. */
    static final int FIRST_CANDIDATES = 16;
    private static final double MAX_LOGIT = 700;

    private final Catalogue catalogue;
    private final Population population;
    private final double sharpness;
    private final int[] slotStart;
    private final int[] slotLength;
    private final int[] draws;
    private final int[] stamp;
    private final int[] candidateItem;
    private final double[] candidateAffinity;
    private final double[] candidateCum;
    private final double[] categoryCum;
    private int user;
    private int userStamp;

    ItemChooser(Catalogue catalogue, Population population, double sharpness) {
        this.catalogue = catalogue;
        this.population = population;
        this.sharpness = sharpness;
        int c = catalogue.numCategories;
        slotStart = new int[c];
        slotLength = new int[c];
        draws = new int[c];
        stamp = new int[c];
        int total = 0;
        for (int k = 0; k < c; k++) {
            slotStart[k] = total;
            total += Math.min(MAX_CANDIDATES, catalogue.categorySize(k));
        }
        candidateItem = new int[total];
        candidateAffinity = new double[total];
        candidateCum = new double[total];
        categoryCum = new double[c];
    }

    /** Prepares the category distribution of user {@code u} and forgets the previous user's items. */
    void beginUser(int u) {
        user = u;
        userStamp++;
        int c = catalogue.numCategories;
        int d = catalogue.dimension;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            double logit = sharpness * Affinity.of(population.tastes, u, catalogue.categoryEmbeddings, k, d)
                    + catalogue.categoryLogShare[k];
            categoryCum[k] = logit;
            max = Math.max(max, logit);
        }
        double s = 0;
        for (int k = 0; k < c; k++) {
            s += Math.exp(categoryCum[k] - max);
            categoryCum[k] = s;
        }
    }

    /** A category drawn from the current user's preferences. */
    int drawCategory(SplittableRandom rng) {
        int c = catalogue.numCategories;
        return Sampling.cumulative(categoryCum, 0, c, rng.nextDouble() * categoryCum[c - 1]);
    }

    /** A candidate slot of category {@code c} drawn from the current user's item softmax. */
    int drawSlot(int c, SplittableRandom rng) {
        int size = catalogue.categorySize(c);
        if (stamp[c] != userStamp) {
            stamp[c] = userStamp;
            slotLength[c] = 0;
            draws[c] = 0;
            extend(c, size <= MAX_CANDIDATES ? size : FIRST_CANDIDATES, rng);
        } else if (size > MAX_CANDIDATES && slotLength[c] < MAX_CANDIDATES && 2 * draws[c] >= slotLength[c]) {
            extend(c, Math.min(MAX_CANDIDATES, 2 * slotLength[c]), rng);
        }
        draws[c]++;
        int from = slotStart[c];
        int to = from + slotLength[c];
        return Sampling.cumulative(candidateCum, from, to, rng.nextDouble() * candidateCum[to - 1]);
    }

    /** The item in candidate slot {@code slot}. */
    int item(int slot) {
        return candidateItem[slot];
    }

    /** The current user's affinity for the item in candidate slot {@code slot}. */
    double affinity(int slot) {
        return candidateAffinity[slot];
    }

    /** Grows category {@code c}'s candidates to {@code length}, continuing the cumulative weights. */
    private void extend(int c, int length, SplittableRandom rng) {
        int from = slotStart[c];
        boolean exact = catalogue.categorySize(c) <= MAX_CANDIDATES;
        int d = catalogue.dimension;
        double s = slotLength[c] == 0 ? 0 : candidateCum[from + slotLength[c] - 1];
        for (int j = slotLength[c]; j < length; j++) {
            int item = exact ? catalogue.catItems[catalogue.catStart[c] + j] : catalogue.popularItem(c, rng);
            double a = Affinity.of(population.tastes, user, catalogue.embeddings, item, d);
            // the exact softmax carries popularity in the weight; a popularity-drawn set already reflects it
            double logit = sharpness * a + (exact ? catalogue.logPopularity[item] : 0);
            s += Math.exp(Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, logit)));
            candidateItem[from + j] = item;
            candidateAffinity[from + j] = a;
            candidateCum[from + j] = s;
        }
        slotLength[c] = length;
    }
}
