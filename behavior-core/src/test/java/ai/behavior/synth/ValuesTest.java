package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void valuesAreFiniteAndMeaningful() {
        ShopData shop = TestShops.DEFAULT;
        Interactions log = shop.interactions();
        int shown = shop.options().behaviour().impressionsPerSearch();
        for (int r = 0; r < log.size(); r++) {
            float v = log.value(r);
            assertTrue(Float.isFinite(v), "row " + r);
            switch (log.type(r)) {
                case VIEW -> assertTrue(v >= 1 && v <= 1800, "dwell " + v);
                case PURCHASE -> assertEquals((float) shop.truth().items().price()[log.item(r)], v);
                case CART, FAVOURITE -> assertEquals(1f, v);
                case RATING -> assertTrue(v >= 1 && v <= 5 && v == Math.rint(v), "rating " + v);
                case CLICK, IMPRESSION -> assertTrue(v >= 1 && v == Math.rint(v), "position " + v);
                case SEARCH -> assertEquals(shown, v);
                default -> throw new AssertionError("unexpected type " + log.type(r));
            }
        }
    }

    @Test
    void dwellIsLongerForLikedItems() {
        ShopData shop = TestShops.DEFAULT;
        Interactions log = shop.interactions();
        ViewTruth views = shop.truth().views();
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int r : views.rows()) {
            int liked = shop.truth().affinity(log.user(r), log.item(r)) > 1.3 ? 1 : 0;
            sum[liked] += Math.log(log.value(r));
            n[liked]++;
        }
        assertTrue(sum[1] / n[1] > sum[0] / n[0] + 0.1, "log dwell liked " + sum[1] / n[1] + " vs " + sum[0] / n[0]);
    }

    @Test
    void attributeTablesCoverEveryUserAndItem() {
        ShopData shop = TestShops.DEFAULT;
        Interactions log = shop.interactions();
        AttributeTable users = shop.users();
        AttributeTable items = shop.items();
        assertEquals(log.numUsers(), users.size());
        assertEquals(log.numItems(), items.size());
        for (int u = 0; u < log.numUsers(); u++) {
            assertEquals(u, users.keys().indexOf(log.users().id(u)));
            for (String c : users.columnNames()) {
                assertFalse(users.column(c).isMissing(u), "user " + u + " has no " + c);
            }
            double age = users.numeric("age").get(u);
            assertTrue(age >= 18 && age <= 80);
        }
        for (int i = 0; i < log.numItems(); i++) {
            assertEquals(i, items.keys().indexOf(log.items().id(i)));
            for (String c : items.columnNames()) {
                assertFalse(items.column(c).isMissing(i), "item " + i + " has no " + c);
            }
            double price = items.numeric("price").get(i);
            assertTrue(price > 0 && Double.isFinite(price));
            assertEquals(shop.truth().items().price()[i], price);
            assertEquals(Catalogue.categoryLabel(shop.truth().items().category()[i]),
                    items.categorical("category").label(i));
        }
        assertEquals(3, users.categorical("segment").vocabulary().size());
        assertEquals(3, items.categorical("popularity_tier").vocabulary().size());
        assertTrue(users.numeric("signup_day").get(0) < 31);
    }

    @Test
    void pricesAreLognormalAndDifferByCategory() {
        ItemTruth items = TestShops.DEFAULT.truth().items();
        int categories = TestShops.DEFAULT.options().categories();
        double[] logSum = new double[categories];
        int[] count = new int[categories];
        for (int i = 0; i < items.size(); i++) {
            logSum[items.category()[i]] += Math.log(items.price()[i]);
            count[items.category()[i]]++;
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int c = 0; c < categories; c++) {
            assertTrue(count[c] > 0, "empty category " + c);
            lo = Math.min(lo, logSum[c] / count[c]);
            hi = Math.max(hi, logSum[c] / count[c]);
        }
        assertTrue(hi - lo > 1.0, "category price levels too similar");
    }

    @Test
    void truthHasNoNaN() {
        GroundTruth t = TestShops.DEFAULT.truth();
        for (double[] a : new double[][] {t.users().tastes(), t.users().activity(), t.users().propensity(),
                t.users().priceSensitivity(), t.items().embeddings(), t.items().popularity(), t.items().price(),
                t.views().cartProbability(), t.views().purchaseProbability()}) {
            for (double x : a) {
                assertTrue(Double.isFinite(x));
            }
        }
        for (double x : t.users().activity()) {
            assertTrue(x > 0);
        }
        double sum = 0;
        for (double p : t.items().popularity()) {
            assertTrue(p > 0);
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(16, t.users().taste(3).length);
        assertEquals(EventType.VIEW, TestShops.DEFAULT.interactions().type(t.views().rows()[0]));
    }
}
