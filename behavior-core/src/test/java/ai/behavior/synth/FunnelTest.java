package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunnelTest {
    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int CLICK = EventType.CLICK.ordinal();
    private static final int IMPRESSION = EventType.IMPRESSION.ordinal();
    private static final int SEARCH = EventType.SEARCH.ordinal();
    private static final int FAVOURITE = EventType.FAVOURITE.ordinal();
    private static final int CART = EventType.CART.ordinal();
    private static final int PURCHASE = EventType.PURCHASE.ordinal();
    private static final int RATING = EventType.RATING.ordinal();

    @Test
    void everyEventTypeIsPresentInASmallShop() {
        Interactions log = TestShops.SMALL.interactions();
        assertTrue(log.size() > 2_000 && log.size() < 20_000, "small shop has " + log.size() + " events");
        Map<EventType, Integer> counts = log.countByType();
        for (EventType t : EventType.values()) {
            assertTrue(counts.getOrDefault(t, 0) > 0, "no " + t + " in " + counts);
        }
        assertTrue(log.hasSessions());
    }

    /** The ranges documented on ShopperBehaviour, checked on three seeds. */
    @Test
    void defaultFunnelRatesAreRealistic() {
        for (long seed : new long[] {42, 43, 44}) {
            ShopData shop = seed == 42 ? TestShops.DEFAULT
                    : SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(seed));
            FunnelRates f = FunnelRates.of(shop.interactions());
            assertIn("view->cart", f.viewToCart(), 0.04, 0.08, f);
            assertIn("cart->purchase", f.cartToPurchase(), 0.28, 0.50, f);
            assertIn("view->purchase", f.viewToPurchase(), 0.012, 0.035, f);
            assertIn("view->favourite", f.viewToFavourite(), 0.01, 0.04, f);
        }
    }

    @Test
    void funnelKnobsMoveTheRates() {
        SyntheticShop.Options o = SyntheticShop.Options.defaults().withUsers(300);
        double base = FunnelRates.of(SyntheticShop.generate(o).interactions()).viewToCart();
        double more = FunnelRates.of(SyntheticShop.generate(o.withBehaviour(
                ShopperBehaviour.defaults().withCartIntercept(-3.0))).interactions()).viewToCart();
        assertTrue(more > 2 * base, "cart intercept -3.0 gave " + more + " vs " + base);
    }

    /**
     * The documented invariants: CART directly after its VIEW (or after that view's FAVOURITE); PURCHASE only
     * after a CART of the same item in the same session, never more purchases than carts; CLICK directly
     * before a VIEW of the same item; SEARCH followed by its IMPRESSIONs and a CLICK on the searched item;
     * RATING only of an item bought in an earlier session.
     */
    @Test
    void funnelInvariantsHold() {
        for (ShopData shop : new ShopData[] {TestShops.DEFAULT, TestShops.SMALL}) {
            Interactions log = shop.interactions();
            int impressions = shop.options().behaviour().impressionsPerSearch();
            Map<Long, int[]> cartsAndPurchases = new HashMap<>();
            Map<Long, Integer> boughtInSession = new HashMap<>();
            long n = log.numItems();
            for (int r = 0; r < log.size(); r++) {
                int type = log.typeCode(r);
                long key = log.session(r) * n + log.item(r);
                if (type == CART) {
                    int v = log.typeCode(r - 1) == FAVOURITE ? r - 2 : r - 1;
                    assertEquals(VIEW, log.typeCode(v), "CART at row " + r + " not after a VIEW");
                    assertSame(log, v, r);
                    if (v == r - 2) {
                        assertSame(log, r - 1, r);
                    }
                    cartsAndPurchases.computeIfAbsent(key, k -> new int[2])[0]++;
                } else if (type == PURCHASE) {
                    int[] cp = cartsAndPurchases.get(key);
                    assertTrue(cp != null && cp[0] > cp[1], "PURCHASE at row " + r + " without an open CART");
                    cp[1]++;
                    boughtInSession.putIfAbsent(log.user(r) * n + log.item(r), log.session(r));
                } else if (type == CLICK) {
                    assertEquals(VIEW, log.typeCode(r + 1), "CLICK at row " + r + " not before a VIEW");
                    assertSame(log, r, r + 1);
                } else if (type == SEARCH) {
                    boolean listed = impressions == 0;
                    for (int p = 1; p <= impressions; p++) {
                        assertEquals(IMPRESSION, log.typeCode(r + p));
                        assertEquals(p, log.value(r + p));
                        listed |= log.item(r + p) == log.item(r);
                    }
                    assertTrue(listed, "searched item not among its results at row " + r);
                    assertEquals(CLICK, log.typeCode(r + impressions + 1));
                    assertSame(log, r, r + impressions + 1);
                } else if (type == RATING) {
                    Integer session = boughtInSession.get(log.user(r) * n + log.item(r));
                    assertTrue(session != null && session != log.session(r),
                            "RATING at row " + r + " of an item not bought in an earlier session");
                }
            }
        }
    }

    @Test
    void viewTruthIsAlignedWithTheLog() {
        ShopData shop = TestShops.DEFAULT;
        Interactions log = shop.interactions();
        ViewTruth v = shop.truth().views();
        Map<EventType, Integer> counts = log.countByType();
        assertEquals(counts.get(EventType.VIEW), v.size());
        int carted = 0;
        int purchased = 0;
        int previous = -1;
        for (int k = 0; k < v.size(); k++) {
            int r = v.rows()[k];
            assertTrue(r > previous);
            previous = r;
            assertEquals(VIEW, log.typeCode(r));
            int next = r + 1 < log.size() && log.typeCode(r + 1) == FAVOURITE ? r + 2 : r + 1;
            boolean cartFollows = next < log.size() && log.typeCode(next) == CART && log.item(next) == log.item(r)
                    && log.session(next) == log.session(r);
            assertEquals(v.carted()[k], cartFollows, "carted flag of view row " + r);
            assertTrue(!v.purchased()[k] || v.carted()[k], "purchased without cart at view row " + r);
            carted += v.carted()[k] ? 1 : 0;
            purchased += v.purchased()[k] ? 1 : 0;
        }
        assertEquals(counts.get(EventType.CART), carted);
        assertEquals(counts.get(EventType.PURCHASE), purchased);
    }

    @Test
    void consumablesAreBoughtRepeatedly() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(600).withDays(120));
        Interactions log = shop.interactions();
        ItemTruth items = shop.truth().items();
        Map<Long, Set<Integer>> sessionsByPair = new HashMap<>();
        for (int r = 0; r < log.size(); r++) {
            if (log.typeCode(r) == PURCHASE) {
                sessionsByPair.computeIfAbsent((long) log.user(r) * log.numItems() + log.item(r),
                        k -> new HashSet<>()).add(log.session(r));
            }
        }
        int[] pairs = new int[2];
        int[] repeated = new int[2];
        for (Map.Entry<Long, Set<Integer>> e : sessionsByPair.entrySet()) {
            int c = items.consumable((int) (e.getKey() % log.numItems())) ? 1 : 0;
            pairs[c]++;
            repeated[c] += e.getValue().size() > 1 ? 1 : 0;
        }
        double consumable = (double) repeated[1] / pairs[1];
        double durable = (double) repeated[0] / pairs[0];
        assertTrue(repeated[1] >= 20, "only " + repeated[1] + " repeated consumable pairs");
        assertTrue(consumable > 0.25, "repeat share of consumables " + consumable);
        assertTrue(durable < 0.05, "repeat share of durables " + durable);
    }

    private static void assertSame(Interactions log, int a, int b) {
        assertEquals(log.user(a), log.user(b), "user of rows " + a + "/" + b);
        assertEquals(log.item(a), log.item(b), "item of rows " + a + "/" + b);
        assertEquals(log.session(a), log.session(b), "session of rows " + a + "/" + b);
    }

    private static void assertIn(String name, double value, double lo, double hi, FunnelRates f) {
        assertTrue(value >= lo && value <= hi, name + " = " + value + " outside [" + lo + ", " + hi + "]: " + f);
    }
}
