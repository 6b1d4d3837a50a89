package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The per-view inputs {@link ViewTruth} exposes, with the user and item truth, are everything the planted cart and
 * purchase probabilities are made of: recomputing them by the formula documented on {@link ViewTruth} gives the
 * stored probabilities to 1e-12, and each input agrees with what the log shows.
 */
class PlantedInputsTest {

    private static double clampedSigmoid(double x) {
        double p = 1.0 / (1.0 + Math.exp(-x));
        return Math.min(1 - 1e-9, Math.max(1e-9, p));
    }

    @Test
    void theDocumentedFormulaRecomputesEveryPlantedProbability() {
        for (ShopData shop : new ShopData[] {TestShops.DEFAULT, TestShops.SMALL}) {
            ShopperBehaviour b = shop.options().behaviour();
            ViewTruth v = shop.truth().views();
            UserTruth users = shop.truth().users();
            ItemTruth items = shop.truth().items();
            Interactions log = shop.interactions();
            double worstCart = 0;
            double worstPurchase = 0;
            int searched = 0;
            int repeat = 0;
            int owned = 0;
            for (int k = 0; k < v.size(); k++) {
                int u = log.user(v.rows()[k]);
                int i = log.item(v.rows()[k]);
                double s = users.priceSensitivity()[u];
                double m = users.propensity()[u];
                double cartLogit = b.cartIntercept() + b.affinityWeight() * v.affinity()[k]
                        + b.dwellWeight() * v.dwellZ()[k] - b.priceWeight() * s * items.relLogPrice()[i] + m
                        + (v.searched()[k] ? b.searchBoost() : 0) + (v.repeat()[k] ? b.repeatBoost() : 0)
                        - (v.owned()[k] ? b.ownedPenalty() : 0);
                double buyLogit = b.purchaseIntercept() + b.checkoutAffinityWeight() * v.affinity()[k]
                        - b.checkoutPriceWeight() * s * items.logPriceVsCatalogue()[i] + m
                        + (v.repeat()[k] ? b.repeatBoost() : 0);
                double cart = clampedSigmoid(cartLogit);
                double purchase = cart * clampedSigmoid(buyLogit);
                worstCart = Math.max(worstCart, Math.abs(cart - v.cartProbability()[k]));
                worstPurchase = Math.max(worstPurchase, Math.abs(purchase - v.purchaseProbability()[k]));
                searched += v.searched()[k] ? 1 : 0;
                repeat += v.repeat()[k] ? 1 : 0;
                owned += v.owned()[k] ? 1 : 0;
            }
            assertTrue(worstCart <= 1e-12, "cart probability off by " + worstCart);
            assertTrue(worstPurchase <= 1e-12, "purchase probability off by " + worstPurchase);
            // every flag occurs in the default shop, so each term of the formula was exercised
            if (shop == TestShops.DEFAULT) {
                assertTrue(searched > 100 && repeat > 10 && owned > 10, searched + " " + repeat + " " + owned);
            }
        }
    }

    @Test
    void theViewInputsAgreeWithTheLog() {
        ShopData shop = TestShops.DEFAULT;
        ShopperBehaviour b = shop.options().behaviour();
        ViewTruth v = shop.truth().views();
        ItemTruth items = shop.truth().items();
        Interactions log = shop.interactions();
        for (int k = 0; k < v.size(); k++) {
            int r = v.rows()[k];
            int u = log.user(r);
            int i = log.item(r);
            assertEquals(shop.truth().affinity(u, i), v.affinity()[k], 0.0, "affinity of view " + k);
            // the dwell in the log is exp(log median + dwellAffinity a + dwellSigma z), clamped, as a float
            double dwell = Math.exp(Math.log(b.dwellMedianSeconds()) + b.dwellAffinity() * v.affinity()[k]
                    + b.dwellSigma() * v.dwellZ()[k]);
            assertEquals((float) Math.max(1, Math.min(1800, dwell)), log.value(r), 0f, "dwell of view " + k);
            boolean fromResults = r >= 2 && log.type(r - 1) == EventType.CLICK && log.item(r - 1) == i
                    && log.session(r - 2) == log.session(r)
                    && (log.type(r - 2) == EventType.IMPRESSION || log.type(r - 2) == EventType.SEARCH);
            assertEquals(fromResults, v.searched()[k], "searched flag of view " + k);
            if (v.repeat()[k] || v.owned()[k]) {
                assertEquals(v.repeat()[k], items.consumable(i), "a repeat is consumable, an owned item durable");
                assertTrue(boughtBefore(log, u, i, r), "view " + k + " of an item never bought before");
            }
        }
    }

    @Test
    void itemPriceTermsAreLogRatiosToTheirMedians() {
        ItemTruth items = TestShops.DEFAULT.truth().items();
        double[] sorted = items.price().clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        int categories = Arrays.stream(items.category()).max().getAsInt() + 1;
        double[] planted = new double[categories];
        for (int i = 0; i < items.size(); i++) {
            assertEquals(Math.log(items.price()[i] / median), items.logPriceVsCatalogue()[i], 0.0);
            // price / exp(relLogPrice) is the category's planted median, the same for all of its items
            double m = items.price()[i] / Math.exp(items.relLogPrice()[i]);
            int c = items.category()[i];
            if (planted[c] == 0) {
                planted[c] = m;
            }
            assertEquals(planted[c], m, 1e-9 * m, "category " + c + " item " + i);
        }
    }

    private static boolean boughtBefore(Interactions log, int u, int i, int row) {
        for (int r = row - 1; r >= 0 && log.user(r) == u; r--) {
            if (log.item(r) == i && log.type(r) == EventType.PURCHASE) {
                return true;
            }
        }
        return false;
    }
}
