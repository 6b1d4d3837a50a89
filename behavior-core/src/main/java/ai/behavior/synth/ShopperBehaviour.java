package ai.behavior.synth;

/**
 * How simulated shoppers behave inside a session: browsing, dwell time and the conversion funnel. Every knob
 * has a documented default; the defaults give realistic funnel rates, measured on default shops (1,000
 * users, seeds 42&ndash;44) and a 1-million-event shop: view&rarr;cart 5.4&ndash;6.2 %, cart&rarr;purchase
 * 36&ndash;42 %, view&rarr;purchase 2.0&ndash;2.4 %, view&rarr;favourite about 2 %. The tests hold the
 * default shops to view&rarr;cart 4&ndash;8 %, cart&rarr;purchase 28&ndash;50 %, view&rarr;purchase
 * 1.2&ndash;3.5 %, view&rarr;favourite 1&ndash;4 %.
 *
 * <pre>{@code
 * ShopperBehaviour b = ShopperBehaviour.defaults().withCartIntercept(-2.5).withSearchProbability(0.3);
 * ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withBehaviour(b));
 * }</pre>
 *
 * <h2>Browsing</h2>
 * A session holds {@code 1 + Geometric} item views with mean {@link #viewsPerSession()}. It starts in a
 * category drawn from the user's category preferences and stays there with probability
 * {@link #categoryStickiness()} at each further view. The item viewed is drawn by a softmax over
 * {@code choiceSharpness * affinity(user, item) + log popularity(item)} (in categories of more than 128
 * items, over a per-user consideration set of popularity-drawn items that grows from 16 to 128 as the user
 * browses the category). A view is reached through a search with probability {@link #searchProbability()}
 * (a SEARCH row, {@link #impressionsPerSearch()} IMPRESSION rows of the results list, then a CLICK on the
 * result viewed); otherwise it is preceded by a CLICK with probability {@link #clickProbability()}.
 *
 * <h2>Dwell</h2>
 * {@code log dwell = log(dwellMedianSeconds) + dwellAffinity * affinity + dwellSigma * z}, {@code z ~ N(0,1)},
 * clamped to [1 s, 1800 s].
 *
 * <h2>Funnel</h2>
 * After each view the shopper adds the item to the cart with probability {@code sigmoid(cartLogit)}:
 * <pre>
 * cartLogit = cartIntercept + affinityWeight * affinity + dwellWeight * z
 *           - priceWeight * priceSensitivity(user) * log(price / categoryMedianPrice)
 *           + propensity(user) + searchBoost [if reached by search] + repeatBoost [if a replenishment]
 *           - ownedPenalty [if a non-consumable item the user already bought]
 * </pre>
 * At the end of the session each cart line is bought with probability {@code sigmoid(purchaseLogit)}:
 * <pre>
 * purchaseLogit = purchaseIntercept + checkoutAffinityWeight * affinity
 *               - checkoutPriceWeight * priceSensitivity(user) * log(price / catalogueMedianPrice)
 *               + propensity(user) + repeatBoost [if a replenishment]
 * </pre>
 * A view is favourited with probability {@code sigmoid(favouriteIntercept + affinityWeight * affinity
 * + dwellWeight * z / 2)}. A purchase is rated (1&ndash;5 stars, higher for higher affinity) at the user's
 * next session with probability {@link #ratingProbability()}. A purchase in a consumable category becomes
 * due again after the category's replenishment cycle; each later session starts by viewing a due item with
 * probability {@link #repeatProbability()} (at most two per session). A bought non-consumable item is owned:
 * viewing it again lowers the cart logit by {@link #ownedPenalty()}, so durable goods are rarely re-bought.
 *
 * @param viewsPerSession        mean item views per session, at least 1 (default 5)
 * @param categoryStickiness     probability that the next view stays in the current category (default 0.8)
 * @param choiceSharpness        weight of affinity against log popularity in item and category choice
 *                               (default 1.5; 0 = popularity only)
 * @param searchProbability      probability that a view is reached through a search (default 0.15)
 * @param impressionsPerSearch   results shown (IMPRESSION rows) per search, 0&ndash;50 (default 4)
 * @param clickProbability       probability that a view not reached by search follows a CLICK (default 0.35)
 * @param dwellMedianSeconds     median dwell of a view at affinity 0, in seconds (default 25)
 * @param dwellSigma             log-scale spread of dwell (default 0.9)
 * @param dwellAffinity          increase of log dwell per unit of affinity (default 0.3)
 * @param cartIntercept          cart logit intercept (default -4.5)
 * @param affinityWeight         cart logit weight of affinity (default 0.8)
 * @param dwellWeight            cart logit weight of the dwell residual z (default 0.6)
 * @param priceWeight            cart logit weight of relative price times the user's price sensitivity (default 1.0)
 * @param searchBoost            cart logit lift of views reached by search (default 0.6)
 * @param repeatBoost            cart and purchase logit lift of replenishment views (default 3.0)
 * @param ownedPenalty           cart logit drop for a non-consumable item the user already bought (default 4.0)
 * @param purchaseIntercept      purchase-given-cart logit intercept (default -1.6)
 * @param checkoutAffinityWeight purchase logit weight of affinity (default 0.4)
 * @param checkoutPriceWeight    purchase logit weight of log price against the catalogue median (default 0.3)
 * @param favouriteIntercept     favourite logit intercept (default -5.2)
 * @param ratingProbability      probability that a purchase is rated later (default 0.2)
 * @param repeatProbability      probability that a due replenishment starts a session (default 0.5)
 */
public record ShopperBehaviour(
        double viewsPerSession,
        double categoryStickiness,
        double choiceSharpness,
        double searchProbability,
        int impressionsPerSearch,
        double clickProbability,
        double dwellMedianSeconds,
        double dwellSigma,
        double dwellAffinity,
        double cartIntercept,
        double affinityWeight,
        double dwellWeight,
        double priceWeight,
        double searchBoost,
        double repeatBoost,
        double ownedPenalty,
        double purchaseIntercept,
        double checkoutAffinityWeight,
        double checkoutPriceWeight,
        double favouriteIntercept,
        double ratingProbability,
        double repeatProbability) {

    /**
     * Validates every knob.
     *
     * @throws IllegalArgumentException naming the knob, the value and the accepted range
     */
    public ShopperBehaviour {
        range("viewsPerSession", viewsPerSession, 1, 100);
        range("categoryStickiness", categoryStickiness, 0, 1);
        range("choiceSharpness", choiceSharpness, 0, 10);
        range("searchProbability", searchProbability, 0, 1);
        if (impressionsPerSearch < 0 || impressionsPerSearch > 50) {
            throw new IllegalArgumentException("impressionsPerSearch must be in [0, 50], got " + impressionsPerSearch);
        }
        range("clickProbability", clickProbability, 0, 1);
        range("dwellMedianSeconds", dwellMedianSeconds, 1, 1800);
        range("dwellSigma", dwellSigma, 0, 3);
        range("dwellAffinity", dwellAffinity, -3, 3);
        range("cartIntercept", cartIntercept, -20, 20);
        range("affinityWeight", affinityWeight, -10, 10);
        range("dwellWeight", dwellWeight, -10, 10);
        range("priceWeight", priceWeight, -10, 10);
        range("searchBoost", searchBoost, -10, 10);
        range("repeatBoost", repeatBoost, -10, 10);
        range("ownedPenalty", ownedPenalty, -10, 20);
        range("purchaseIntercept", purchaseIntercept, -20, 20);
        range("checkoutAffinityWeight", checkoutAffinityWeight, -10, 10);
        range("checkoutPriceWeight", checkoutPriceWeight, -10, 10);
        range("favouriteIntercept", favouriteIntercept, -20, 20);
        range("ratingProbability", ratingProbability, 0, 1);
        range("repeatProbability", repeatProbability, 0, 1);
    }

    /** The documented defaults. */
    public static ShopperBehaviour defaults() {
        return new ShopperBehaviour(5.0, 0.8, 1.5, 0.15, 4, 0.35, 25.0, 0.9, 0.3, -4.5, 0.8,
                0.6, 1.0, 0.6, 3.0, 4.0, -1.6, 0.4, 0.3, -5.2, 0.2, 0.5);
    }

    static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** A copy with {@link #viewsPerSession()} replaced. */
    public ShopperBehaviour withViewsPerSession(double v) {
        return new ShopperBehaviour(v, categoryStickiness, choiceSharpness, searchProbability, impressionsPerSearch,
                clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #categoryStickiness()} replaced. */
    public ShopperBehaviour withCategoryStickiness(double v) {
        return new ShopperBehaviour(viewsPerSession, v, choiceSharpness, searchProbability, impressionsPerSearch,
                clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #choiceSharpness()} replaced. */
    public ShopperBehaviour withChoiceSharpness(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, v, searchProbability, impressionsPerSearch,
                clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #searchProbability()} replaced. */
    public ShopperBehaviour withSearchProbability(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, v, impressionsPerSearch,
                clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #impressionsPerSearch()} replaced. */
    public ShopperBehaviour withImpressionsPerSearch(int v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability, v,
                clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #clickProbability()} replaced. */
    public ShopperBehaviour withClickProbability(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, v, dwellMedianSeconds, dwellSigma, dwellAffinity, cartIntercept,
                affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #dwellMedianSeconds()} replaced. */
    public ShopperBehaviour withDwellMedianSeconds(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, v, dwellSigma, dwellAffinity, cartIntercept, affinityWeight,
                dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #dwellSigma()} replaced. */
    public ShopperBehaviour withDwellSigma(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, v, dwellAffinity, cartIntercept,
                affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #dwellAffinity()} replaced. */
    public ShopperBehaviour withDwellAffinity(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, v, cartIntercept,
                affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #cartIntercept()} replaced. */
    public ShopperBehaviour withCartIntercept(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity, v,
                affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, purchaseIntercept,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #affinityWeight()} replaced. */
    public ShopperBehaviour withAffinityWeight(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, v, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #dwellWeight()} replaced. */
    public ShopperBehaviour withDwellWeight(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, v, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #priceWeight()} replaced. */
    public ShopperBehaviour withPriceWeight(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, v, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #searchBoost()} replaced. */
    public ShopperBehaviour withSearchBoost(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, v, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #repeatBoost()} replaced. */
    public ShopperBehaviour withRepeatBoost(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, v, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #ownedPenalty()} replaced. */
    public ShopperBehaviour withOwnedPenalty(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, v,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, repeatProbability);
    }

    /** A copy with {@link #purchaseIntercept()} replaced. */
    public ShopperBehaviour withPurchaseIntercept(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty, v,
                checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #checkoutAffinityWeight()} replaced. */
    public ShopperBehaviour withCheckoutAffinityWeight(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, v, checkoutPriceWeight, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #checkoutPriceWeight()} replaced. */
    public ShopperBehaviour withCheckoutPriceWeight(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, v, favouriteIntercept, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #favouriteIntercept()} replaced. */
    public ShopperBehaviour withFavouriteIntercept(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, v, ratingProbability,
                repeatProbability);
    }

    /** A copy with {@link #ratingProbability()} replaced. */
    public ShopperBehaviour withRatingProbability(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept, v,
                repeatProbability);
    }

    /** A copy with {@link #repeatProbability()} replaced. */
    public ShopperBehaviour withRepeatProbability(double v) {
        return new ShopperBehaviour(viewsPerSession, categoryStickiness, choiceSharpness, searchProbability,
                impressionsPerSearch, clickProbability, dwellMedianSeconds, dwellSigma, dwellAffinity,
                cartIntercept, affinityWeight, dwellWeight, priceWeight, searchBoost, repeatBoost, ownedPenalty,
                purchaseIntercept, checkoutAffinityWeight, checkoutPriceWeight, favouriteIntercept,
                ratingProbability, v);
    }
}
