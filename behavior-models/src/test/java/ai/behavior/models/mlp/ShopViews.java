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
 * {@code ViewTruth} documents the planted probability of a view {@code p = sigmoid(cartLogit) *
 * sigmoid(purchaseLogit)}, with
 * <pre>
 * cartLogit     = cartIntercept + affinityWeight * a + dwellWeight * z - priceWeight * s * relLogPrice
 *                 + propensity + searchBoost * searched + repeatBoost * repeat - ownedPenalty * owned
 * purchaseLogit = purchaseIntercept + checkoutAffinityWeight * a - checkoutPriceWeight * s * logPriceVsCatalogue
 *                 + propensity + repeatBoost * repeat
 * </pre>
 * The generator hands out every one of them: the per-view affinity {@code a}, dwell draw {@code z} and the
 * searched / repeat / owned flags ({@code ViewTruth}), the user's propensity and price sensitivity {@code s}
 * ({@code UserTruth}) and the item's two log price ratios ({@code ItemTruth}). {@link #maxReconstructionError()}
 * recomputes every view's probability from them (to rounding). A model fed these inputs never sees a
 * probability, only the generator's own inputs.
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
        searched = views.searched();
        repeat = views.repeat();
        owned = views.owned();
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
                affinity[k] = views.affinity()[k];
                dwellZ[k] = views.dwellZ()[k];
                double s = truth.users().priceSensitivity()[u];
                priceTerm[k] = s * truth.items().relLogPrice()[i];
                checkoutPriceTerm[k] = s * truth.items().logPriceVsCatalogue()[i];
                propensity[k] = truth.users().propensity()[u];
                double dwell = log.value(r);

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

    /** The largest |recomputed - planted| over all views. */
    double maxReconstructionError() {
        double worst = 0;
        for (int k = 0; k < n; k++) {
            worst = Math.max(worst, Math.abs(recomputed(k) - views.purchaseProbability()[k]));
        }
        return worst;
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

    /** The generator's sigmoid: kept inside [1e-9, 1 - 1e-9]. */
    private static double sigmoid(double x) {
        double p = 1 / (1 + Math.exp(-x));
        return Math.min(1 - 1e-9, Math.max(1e-9, p));
    }
}
