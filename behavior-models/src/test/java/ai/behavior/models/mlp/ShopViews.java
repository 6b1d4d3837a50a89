package ai.behavior.models.mlp;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.synth.GroundTruth;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.ShopperBehaviour;
import ai.behavior.synth.ViewTruth;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Every VIEW of a synthetic shop with (1) the inputs of its planted purchase probability and (2) features a real
 * shop could compute from its own log and catalogue at the moment of the view.
 *
 * <h2>The planted inputs</h2>
 * {@code ShopperBehaviour} documents the planted probability of a view {@code p = sigmoid(cartLogit) *
 * sigmoid(purchaseLogit)}, with
 * <pre>
 * cartLogit     = cartIntercept + affinityWeight * a + dwellWeight * z - priceWeight * s * relLogPrice
 *                 + propensity + searchBoost * searched + repeatBoost * repeat - ownedPenalty * owned
 * purchaseLogit = purchaseIntercept + checkoutAffinityWeight * a - checkoutPriceWeight * s * logPriceVsCatalogue
 *                 + propensity + repeatBoost * repeat
 * </pre>
 * The generator does not hand out these per-view inputs, so they are reconstructed:
 * <ul>
 *   <li>from the truth records: affinity {@code a = GroundTruth.affinity(u, i)}, propensity and price sensitivity
 *   {@code s} ({@code UserTruth}), {@code logPriceVsCatalogue = log(price / median catalogue price)} from
 *   {@code ItemTruth.price} (the median as the generator takes it: the middle of the sorted prices);</li>
 *   <li>from the log: the dwell residual {@code z = (log dwell - log dwellMedian - dwellAffinity * a) / dwellSigma}
 *   (exact except for dwells clamped at 1 s or 1,800 s), {@code searched} (the view follows a CLICK on the item
 *   that follows the SEARCH / IMPRESSION rows of a results list), {@code owned} (an earlier PURCHASE of the item
 *   by the user, in a non-consumable category);</li>
 *   <li>decoded from the planted probabilities, because neither the log nor the truth records hold them: the
 *   replenishment flag {@code repeat} (the purchase-given-cart logit {@code logit(p / cartProbability)} minus
 *   everything else in it is 0 or {@code repeatBoost}) and each category's latent median price inside
 *   {@code relLogPrice = log(price / categoryMedian)} (one number per category: the median over the category's
 *   views of the value that solves the cart logit).</li>
 * </ul>
 * {@link #maxReconstructionError()} recomputes every view's probability from the reconstructed inputs: it
 * matches the planted one to about 1e-7 except at the few clamped dwells. A model fed these inputs never sees
 * a probability, only the generator's own inputs.
 */
final class ShopViews {
    final ShopData shop;
    final ViewTruth views;
    final int n;
    final int[] user;
    final int[] item;
    final long[] time;
    final double[] label;

    // the planted function's inputs
    final double[] affinity;
    final double[] dwellZ;
    final double[] priceTerm;
    final double[] checkoutPriceTerm;
    final double[] propensity;
    final boolean[] searched;
    final boolean[] repeat;
    final boolean[] owned;
    final boolean[] clampedDwell;

    // observable at the moment of the view
    final double[] logDwell;
    final double[] logPrice;
    final double[] relPrice;
    final double[] boughtBefore;
    final double[] priorViews;
    final double[] priorCarts;
    final double[] priorPurchases;
    final double[] priorMeanLogDwell;
    final double[] sessionPosition;
    final double[] leadingNoClick;
    final double[] itemViewsBefore;
    final double[] categoryShareBefore;
    final double[] categoryCartsBefore;

    private final ShopperBehaviour b;

    ShopViews(ShopData shop) {
        this.shop = shop;
        this.views = shop.truth().views();
        this.b = shop.options().behaviour();
        this.n = views.size();
        Interactions log = shop.interactions();
        GroundTruth truth = shop.truth();
        user = new int[n];
        item = new int[n];
        time = new long[n];
        label = new double[n];
        affinity = new double[n];
        dwellZ = new double[n];
        priceTerm = new double[n];
        checkoutPriceTerm = new double[n];
        propensity = new double[n];
        searched = new boolean[n];
        repeat = new boolean[n];
        owned = new boolean[n];
        clampedDwell = new boolean[n];
        logDwell = new double[n];
        logPrice = new double[n];
        relPrice = new double[n];
        boughtBefore = new double[n];
        priorViews = new double[n];
        priorCarts = new double[n];
        priorPurchases = new double[n];
        priorMeanLogDwell = new double[n];
        sessionPosition = new double[n];
        leadingNoClick = new double[n];
        itemViewsBefore = new double[n];
        categoryShareBefore = new double[n];
        categoryCartsBefore = new double[n];
        int[] categoryOf = truth.items().category();
        int categories = Arrays.stream(categoryOf).max().orElse(0) + 1;
        int[] categoryViews = new int[categories];
        int[] categoryCarts = new int[categories];
        java.util.Map<Integer, Integer> itemViews = new java.util.HashMap<>();

        double[] price = truth.items().price();
        double[] sorted = price.clone();
        Arrays.sort(sorted);
        double medianPrice = sorted[sorted.length / 2];
        double[] observedCategoryMedian = categoryMedians(truth.items().category(), price);

        // One pass over the log (rows grouped by user, chronological within a user): the user's history so far.
        int k = 0;
        int[] rows = views.rows();
        int current = -1;
        Set<Integer> bought = new HashSet<>();
        int views0 = 0;
        int carts0 = 0;
        int buys0 = 0;
        double dwellSum = 0;
        int session = -1;
        int inSession = 0;
        boolean leading = true;
        for (int r = 0; r < log.size() && k < n; r++) {
            int u = log.user(r);
            if (u != current) {
                current = u;
                bought.clear();
                views0 = 0;
                carts0 = 0;
                buys0 = 0;
                dwellSum = 0;
                session = -1;
                Arrays.fill(categoryViews, 0);
                Arrays.fill(categoryCarts, 0);
                itemViews.clear();
            }
            if (log.session(r) != session) {
                session = log.session(r);
                inSession = 0;
                leading = true;
            }
            EventType type = log.type(r);
            if (type == EventType.CLICK || type == EventType.SEARCH) {
                leading = false;
            }
            if (r == rows[k]) {
                int i = log.item(r);
                user[k] = u;
                item[k] = i;
                time[k] = log.timestamp(r);
                label[k] = views.purchased()[k] ? 1 : 0;
                double a = truth.affinity(u, i);
                affinity[k] = a;
                double dwell = log.value(r);
                clampedDwell[k] = dwell <= 1f || dwell >= 1800f;
                dwellZ[k] = (Math.log(dwell) - Math.log(b.dwellMedianSeconds()) - b.dwellAffinity() * a)
                        / b.dwellSigma();
                double s = truth.users().priceSensitivity()[u];
                checkoutPriceTerm[k] = s * Math.log(price[i] / medianPrice);
                propensity[k] = truth.users().propensity()[u];
                searched[k] = r >= 2 && log.type(r - 1) == EventType.CLICK && log.item(r - 1) == i
                        && log.session(r - 2) == session
                        && (log.type(r - 2) == EventType.IMPRESSION || log.type(r - 2) == EventType.SEARCH);
                owned[k] = bought.contains(i) && !truth.items().consumable(i);

                logDwell[k] = Math.log(dwell);
                logPrice[k] = Math.log(price[i]);
                relPrice[k] = Math.log(price[i] / observedCategoryMedian[truth.items().category()[i]]);
                boughtBefore[k] = bought.contains(i) ? 1 : 0;
                priorViews[k] = Math.log1p(views0);
                priorCarts[k] = Math.log1p(carts0);
                priorPurchases[k] = Math.log1p(buys0);
                priorMeanLogDwell[k] = views0 == 0 ? Math.log(b.dwellMedianSeconds()) : dwellSum / views0;
                sessionPosition[k] = Math.log1p(inSession);
                leadingNoClick[k] = leading && bought.contains(i) ? 1 : 0;
                itemViewsBefore[k] = Math.log1p(itemViews.getOrDefault(i, 0));
                // the share of the shopper's earlier views in this item's category, smoothed towards 1 / categories
                categoryShareBefore[k] = (categoryViews[categoryOf[i]] + 1.0) / (views0 + categories);
                categoryCartsBefore[k] = Math.log1p(categoryCarts[categoryOf[i]]);
                k++;
            }
            if (type == EventType.VIEW) {
                itemViews.merge(log.item(r), 1, Integer::sum);
                categoryViews[categoryOf[log.item(r)]]++;
                views0++;
                inSession++;
                dwellSum += Math.log(log.value(r));
            } else if (type == EventType.CART) {
                categoryCarts[categoryOf[log.item(r)]]++;
                carts0++;
            } else if (type == EventType.PURCHASE) {
                buys0++;
                bought.add(log.item(r));
            }
        }
        if (k != n) {
            throw new IllegalStateException("found " + k + " of " + n + " views in the log");
        }
        decodeRepeat();
        decodeCategoryMedians(truth.items().category(), price);
    }

    /** The purchase-given-cart logit holds repeatBoost * repeat and nothing else unknown. */
    private void decodeRepeat() {
        for (int k = 0; k < n; k++) {
            double pBuy = views.purchaseProbability()[k] / views.cartProbability()[k];
            double rest = b.purchaseIntercept() + b.checkoutAffinityWeight() * affinity[k]
                    - b.checkoutPriceWeight() * checkoutPriceTerm[k] + propensity[k];
            double extra = logit(pBuy) - rest;
            repeat[k] = Math.abs(extra - b.repeatBoost()) < Math.abs(extra);
        }
    }

    /** Each category's latent median price: the median over its views of the value solving the cart logit. */
    private void decodeCategoryMedians(int[] categoryOf, double[] price) {
        int categories = Arrays.stream(categoryOf).max().orElse(0) + 1;
        double[][] solved = new double[categories][];
        int[] count = new int[categories];
        for (int k = 0; k < n; k++) {
            count[categoryOf[item[k]]]++;
        }
        for (int c = 0; c < categories; c++) {
            solved[c] = new double[count[c]];
        }
        Arrays.fill(count, 0);
        double[] sensitivity = shop.truth().users().priceSensitivity();
        for (int k = 0; k < n; k++) {
            int c = categoryOf[item[k]];
            double s = sensitivity[user[k]];
            double known = cartLogitWithoutPrice(k);
            // logit(pCart) = known - priceWeight * s * (log price - log median)
            double logMedian = Math.log(price[item[k]]) - (known - logit(views.cartProbability()[k]))
                    / (b.priceWeight() * s);
            solved[c][count[c]++] = logMedian;
        }
        double[] logMedian = new double[categories];
        for (int c = 0; c < categories; c++) {
            Arrays.sort(solved[c]);
            logMedian[c] = solved[c].length == 0 ? 0 : solved[c][solved[c].length / 2];
        }
        for (int k = 0; k < n; k++) {
            double s = sensitivity[user[k]];
            priceTerm[k] = s * (Math.log(price[item[k]]) - logMedian[categoryOf[item[k]]]);
        }
    }

    private double cartLogitWithoutPrice(int k) {
        return b.cartIntercept() + b.affinityWeight() * affinity[k] + b.dwellWeight() * dwellZ[k] + propensity[k]
                + (searched[k] ? b.searchBoost() : 0) + (repeat[k] ? b.repeatBoost() : 0)
                - (owned[k] ? b.ownedPenalty() : 0);
    }

    /** The planted probability of view {@code k} recomputed from the reconstructed inputs. */
    double recomputed(int k) {
        double cart = sigmoid(cartLogitWithoutPrice(k) - b.priceWeight() * priceTerm[k]);
        double buy = sigmoid(b.purchaseIntercept() + b.checkoutAffinityWeight() * affinity[k]
                - b.checkoutPriceWeight() * checkoutPriceTerm[k] + propensity[k] + (repeat[k] ? b.repeatBoost() : 0));
        return cart * buy;
    }

    /** The largest |recomputed - planted| over views whose dwell was not clamped. */
    double maxReconstructionError() {
        double worst = 0;
        for (int k = 0; k < n; k++) {
            if (!clampedDwell[k]) {
                worst = Math.max(worst, Math.abs(recomputed(k) - views.purchaseProbability()[k]));
            }
        }
        return worst;
    }

    /** Views whose dwell was clamped (their z, and so their reconstruction, is approximate). */
    int clampedCount() {
        int c = 0;
        for (boolean x : clampedDwell) {
            c += x ? 1 : 0;
        }
        return c;
    }

    /** The planted inputs as a frame: a, z, s * relLogPrice, s * logPriceVsCatalogue, propensity, three flags. */
    FeatureFrame plantedInputs(int[] rows) {
        return FeatureFrame.builder(rows.length)
                .numeric("affinity", pick(affinity, rows))
                .numeric("dwell_z", pick(dwellZ, rows))
                .numeric("price_term", pick(priceTerm, rows))
                .numeric("checkout_price_term", pick(checkoutPriceTerm, rows))
                .numeric("propensity", pick(propensity, rows))
                .numeric("searched", pick(searched, rows))
                .numeric("repeat", pick(repeat, rows))
                .numeric("owned", pick(owned, rows))
                .build();
    }

    /** What the shop itself could know at the moment of each view, ids included. */
    FeatureFrame observable(int[] rows) {
        AttributeTable users = shop.users();
        AttributeTable items = shop.items();
        Interactions log = shop.interactions();
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        int[] segment = new int[rows.length];
        int[] category = new int[rows.length];
        int[] consumable = new int[rows.length];
        for (int j = 0; j < rows.length; j++) {
            int k = rows[j];
            u[j] = user[k];
            i[j] = item[k];
            segment[j] = users.categorical("segment").code(user[k]);
            category[j] = items.categorical("category").code(item[k]);
            consumable[j] = items.categorical("consumable").code(item[k]);
        }
        return FeatureFrame.builder(rows.length)
                .numeric("log_dwell", pick(logDwell, rows))
                .numeric("log_price", pick(logPrice, rows))
                .numeric("rel_price", pick(relPrice, rows))
                .numeric("searched", pick(searched, rows))
                .numeric("bought_before", pick(boughtBefore, rows))
                .numeric("leading_no_click", pick(leadingNoClick, rows))
                .numeric("prior_views", pick(priorViews, rows))
                .numeric("prior_carts", pick(priorCarts, rows))
                .numeric("prior_purchases", pick(priorPurchases, rows))
                .numeric("prior_mean_log_dwell", pick(priorMeanLogDwell, rows))
                .numeric("session_position", pick(sessionPosition, rows))
                .numeric("item_views_before", pick(itemViewsBefore, rows))
                .numeric("category_share_before", pick(categoryShareBefore, rows))
                .numeric("category_carts_before", pick(categoryCartsBefore, rows))
                .categorical("user", u, log.users())
                .categorical("item", i, log.items())
                .categorical("segment", segment, users.categorical("segment").vocabulary())
                .categorical("category", category, items.categorical("category").vocabulary())
                .categorical("consumable", consumable, items.categorical("consumable").vocabulary())
                .build();
    }

    static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = values[rows[j]];
        }
        return out;
    }

    static double[] pick(boolean[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = values[rows[j]] ? 1 : 0;
        }
        return out;
    }

    private static double[] categoryMedians(int[] categoryOf, double[] price) {
        int categories = Arrays.stream(categoryOf).max().orElse(0) + 1;
        double[] out = new double[categories];
        for (int c = 0; c < categories; c++) {
            int cat = c;
            double[] p = java.util.stream.IntStream.range(0, price.length).filter(i -> categoryOf[i] == cat)
                    .mapToDouble(i -> price[i]).sorted().toArray();
            out[c] = p.length == 0 ? 1 : p[p.length / 2];
        }
        return out;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
