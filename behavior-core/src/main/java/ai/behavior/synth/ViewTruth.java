package ai.behavior.synth;

/**
 * The planted outcome model of every VIEW row: the true probability that the view puts the item in the cart,
 * the true probability that it leads to a purchase of that item in the session, what happened, and the per-view
 * inputs those probabilities were computed from.
 *
 * <pre>{@code
 * ViewTruth v = shop.truth().views();
 * double p = v.purchaseProbability()[k]; boolean bought = v.purchased()[k]; int row = v.rows()[k];
 * }</pre>
 *
 * <p>Entry {@code k} describes log row {@code rows[k]} (ascending). A view's cart line is its own: the
 * CART row right after the view (or after its FAVOURITE row) exists iff {@code carted[k]}, and
 * {@code purchased[k]} is true iff that cart line was bought at the session's checkout. Outcomes are drawn
 * as independent Bernoulli trials with exactly these probabilities ({@code purchased} with
 * {@code cartProbability * purchaseGivenCart}), so the probabilities are calibrated by construction.
 * The arrays are shared, not copied: treat them as read-only.
 *
 * <h2>Recomputing the probabilities</h2>
 * With {@code b = shop.options().behaviour()}, user {@code u} and item {@code i} of row {@code rows[k]},
 * {@code s = UserTruth.priceSensitivity()[u]}, {@code m = UserTruth.propensity()[u]} and the item's
 * {@link ItemTruth#relLogPrice()} and {@link ItemTruth#logPriceVsCatalogue()}:
 * <pre>
 * cartLogit     = b.cartIntercept + b.affinityWeight * affinity[k] + b.dwellWeight * dwellZ[k]
 *                 - b.priceWeight * s * relLogPrice[i] + m
 *                 + (searched[k] ? b.searchBoost : 0) + (repeat[k] ? b.repeatBoost : 0)
 *                 - (owned[k] ? b.ownedPenalty : 0)
 * buyLogit      = b.purchaseIntercept + b.checkoutAffinityWeight * affinity[k]
 *                 - b.checkoutPriceWeight * s * logPriceVsCatalogue[i] + m + (repeat[k] ? b.repeatBoost : 0)
 * cartProbability[k]     = clamp(sigmoid(cartLogit))
 * purchaseProbability[k] = cartProbability[k] * clamp(sigmoid(buyLogit))
 * </pre>
 * where {@code clamp} keeps a probability inside {@code [1e-9, 1 - 1e-9]}, so every probability lies strictly
 * inside (0, 1) (see {@link ShopperBehaviour} for the model and its parameters).
 *
 * @param rows                row of each VIEW event in {@link ShopData#interactions()}, ascending
 * @param cartProbability     true probability that the view is followed by a CART of the item
 * @param purchaseProbability true probability that the view leads to a PURCHASE of the item in the session
 * @param carted              whether the view was followed by a CART of the item
 * @param purchased           whether that cart line was bought in the session
 * @param affinity            the planted affinity of the viewing user for the item, exactly
 *                            {@link GroundTruth#affinity} of the row's user and item (about unit variance)
 * @param dwellZ              the standard normal draw of the view's dwell: {@code log dwell = log(dwellMedianSeconds)
 *                            + dwellAffinity * affinity + dwellSigma * dwellZ} before the dwell is clamped to
 *                            [1 s, 1800 s]
 * @param searched            whether the view was reached through a search (SEARCH, IMPRESSION rows, CLICK)
 * @param repeat              whether the view is a replenishment: a consumable item bought before and due again
 * @param owned               whether the item is a non-consumable the user had already bought
 */
public record ViewTruth(int[] rows, double[] cartProbability, double[] purchaseProbability, boolean[] carted,
                        boolean[] purchased, double[] affinity, double[] dwellZ, boolean[] searched,
                        boolean[] repeat, boolean[] owned) {

    /**
     * Checks that the arrays are aligned.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public ViewTruth {
        int n = rows.length;
        if (cartProbability.length != n || purchaseProbability.length != n || carted.length != n
                || purchased.length != n || affinity.length != n || dwellZ.length != n || searched.length != n
                || repeat.length != n || owned.length != n) {
            throw new IllegalArgumentException("view truth arrays must all have length " + n);
        }
    }

    /** Number of VIEW rows described. */
    public int size() {
        return rows.length;
    }

    /** Mean of {@link #purchaseProbability()} (0 when there are no views). */
    public double meanPurchaseProbability() {
        return mean(purchaseProbability);
    }

    /** Share of views that led to a purchase (0 when there are no views). */
    public double purchaseRate() {
        return share(purchased);
    }

    /** Mean of {@link #cartProbability()} (0 when there are no views). */
    public double meanCartProbability() {
        return mean(cartProbability);
    }

    /** Share of views that were followed by a cart (0 when there are no views). */
    public double cartRate() {
        return share(carted);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return a.length == 0 ? 0 : s / a.length;
    }

    private static double share(boolean[] a) {
        long n = 0;
        for (boolean b : a) {
            if (b) {
                n++;
            }
        }
        return a.length == 0 ? 0 : (double) n / a.length;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "ViewTruth[views=%d, cart p=%.4f rate=%.4f, purchase p=%.4f rate=%.4f]", size(),
                meanCartProbability(), cartRate(), meanPurchaseProbability(), purchaseRate());
    }
}
