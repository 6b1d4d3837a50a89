package ai.behavior.synth;

/**
 * The planted funnel: the true cart, purchase-given-cart and favourite probabilities of a view, from the
 * logits documented on {@link ShopperBehaviour}. Probabilities are kept strictly inside (0, 1).
 */
final class ConversionModel {
    private static final double EPS = 1e-9;

    private final ShopperBehaviour b;
    private final Catalogue catalogue;
    private final Population population;

    ConversionModel(ShopperBehaviour behaviour, Catalogue catalogue, Population population) {
        this.b = behaviour;
        this.catalogue = catalogue;
        this.population = population;
    }

    /** Probability that user {@code u} carts item {@code i} after viewing it. */
    double cart(int u, int i, double affinity, double dwellZ, boolean searched, boolean repeat, boolean owned) {
        double logit = b.cartIntercept() + b.affinityWeight() * affinity + b.dwellWeight() * dwellZ
                - b.priceWeight() * population.priceSensitivity[u] * catalogue.relLogPrice[i]
                + population.propensity[u]
                + (searched ? b.searchBoost() : 0) + (repeat ? b.repeatBoost() : 0) - (owned ? b.ownedPenalty() : 0);
        return sigmoid(logit);
    }

    /** Probability that a cart line of item {@code i} by user {@code u} is bought at checkout. */
    double purchaseGivenCart(int u, int i, double affinity, boolean repeat) {
        double logit = b.purchaseIntercept() + b.checkoutAffinityWeight() * affinity
                - b.checkoutPriceWeight() * population.priceSensitivity[u] * catalogue.logPriceVsCatalogue[i]
                + population.propensity[u] + (repeat ? b.repeatBoost() : 0);
        return sigmoid(logit);
    }

    /** Probability that a view is favourited. */
    double favourite(double affinity, double dwellZ) {
        return sigmoid(b.favouriteIntercept() + b.affinityWeight() * affinity + 0.5 * b.dwellWeight() * dwellZ);
    }

    /** Stars (1 to 5) a user with this affinity gives a bought item, given a standard normal draw. */
    static int stars(double affinity, double z) {
        long s = Math.round(3.4 + 0.8 * affinity + 0.9 * z);
        return (int) Math.max(1, Math.min(5, s));
    }

    private static double sigmoid(double x) {
        double p = 1.0 / (1.0 + Math.exp(-x));
        return Math.min(1 - EPS, Math.max(EPS, p));
    }
}
