package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SizingTest {

    private static int events(SyntheticShop.Options o) {
        return SyntheticShop.generate(o).interactions().size();
    }

    @Test
    void eventsScaleWithUsersDaysAndSessions() {
        SyntheticShop.Options base = SyntheticShop.Options.defaults().withUsers(200);
        int n = events(base);
        double users = (double) events(base.withUsers(400)) / n;
        double days = (double) events(base.withDays(60)) / n;
        double sessions = (double) events(base.withSessionsPerWeek(3.0)) / n;
        assertTrue(users > 1.6 && users < 2.4, "doubling users scaled events by " + users);
        assertTrue(days > 1.5 && days < 2.5, "doubling days scaled events by " + days);
        assertTrue(sessions > 1.6 && sessions < 2.4, "doubling sessions scaled events by " + sessions);
    }

    @Test
    void indexSpacesMatchTheOptions() {
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(120).withItems(300)
                .withCategories(7));
        Interactions log = shop.interactions();
        assertEquals(120, log.numUsers());
        assertEquals(300, log.numItems());
        assertEquals("u7", log.users().id(7));
        assertEquals("i42", log.items().id(42));
        assertEquals(120, shop.truth().users().size());
        assertEquals(300, shop.truth().items().size());
        assertEquals(7, shop.items().categorical("category").vocabulary().size());
    }

    @Test
    void targetEventsIsReachedAndOvershotByAtMostOneUser() {
        for (long target : new long[] {500, 30_000}) {
            ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withTargetEvents(target));
            Interactions log = shop.interactions();
            assertTrue(log.size() >= target, "events " + log.size() + " < target " + target);
            int lastUser = shop.options().users() - 1;
            int lastUserEvents = log.byUser().count(lastUser);
            assertTrue(log.size() - lastUserEvents < target, "more users than needed for " + target);
            assertEquals(shop.options().users(), log.numUsers());
        }
    }

    @Test
    void largeCategoriesUseConsiderationSets() {
        // 6,000 items in 3 categories: more than ItemChooser.MAX_CANDIDATES per category
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(100).withItems(6_000)
                .withCategories(3));
        Interactions log = shop.interactions();
        assertTrue(log.size() > 1_000);
        assertTrue(log.activeItems() > 500);
        double viewed = 0;
        for (int r : shop.truth().views().rows()) {
            viewed += shop.truth().affinity(log.user(r), log.item(r));
        }
        viewed /= shop.truth().views().size();
        assertTrue(viewed > 0.5, "taste still drives choice in large categories: mean viewed affinity " + viewed);
    }

    @Test
    void extremeButValidOptionsGenerate() {
        SyntheticShop.Options tiny = SyntheticShop.Options.defaults().withUsers(1).withCategories(1).withItems(1)
                .withBrandsPerCategory(1).withDimension(1).withDays(1).withActivitySigma(0).withChurnFraction(1)
                .withNewUserFraction(1).withPopularityExponent(0).withConsumableFraction(1);
        for (long seed = 0; seed < 20; seed++) {
            ShopData shop = SyntheticShop.generate(tiny.withSeed(seed).withSessionsPerWeek(300));
            assertEquals(1, shop.users().size());
            assertEquals(1, shop.items().size());
        }
        ShopperBehaviour extreme = ShopperBehaviour.defaults().withImpressionsPerSearch(0).withSearchProbability(1)
                .withViewsPerSession(1).withCategoryStickiness(0).withChoiceSharpness(0).withDwellSigma(0)
                .withCartIntercept(20).withPurchaseIntercept(20).withRatingProbability(1).withRepeatProbability(1);
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(50).withBehaviour(extreme));
        ViewTruth v = shop.truth().views();
        for (int k = 0; k < v.size(); k++) {
            assertTrue(v.purchaseProbability()[k] > 0 && v.purchaseProbability()[k] < 1);
        }
        assertTrue(v.purchaseRate() > 0.99, "near-certain purchase rate " + v.purchaseRate());
    }

    @Test
    void invalidOptionsAreRejectedWithClearMessages() {
        SyntheticShop.Options d = SyntheticShop.Options.defaults();
        assertMessage("users", () -> d.withUsers(-1));
        assertMessage("users", () -> d.withUsers(0));
        assertMessage("items", () -> d.withItems(5));            // fewer items than categories
        assertMessage("categories", () -> d.withCategories(0));
        assertMessage("dimension", () -> d.withDimension(0));
        assertMessage("days", () -> d.withDays(-3));
        assertMessage("sessionsPerWeek", () -> d.withSessionsPerWeek(0));
        assertMessage("sessionsPerWeek", () -> d.withSessionsPerWeek(Double.NaN));
        assertMessage("churnFraction", () -> d.withChurnFraction(1.5));
        assertMessage("activitySigma", () -> d.withActivitySigma(-0.1));
        assertMessage("targetEvents", () -> d.withTargetEvents(-10));
        assertMessage("startDate", () -> d.withStartDate(LocalDate.of(1900, 1, 1)));
        assertThrows(NullPointerException.class, () -> d.withStartDate(null));
        assertThrows(NullPointerException.class, () -> d.withBehaviour(null));
        ShopperBehaviour b = ShopperBehaviour.defaults();
        assertMessage("viewsPerSession", () -> b.withViewsPerSession(0.5));
        assertMessage("clickProbability", () -> b.withClickProbability(-0.2));
        assertMessage("impressionsPerSearch", () -> b.withImpressionsPerSearch(-1));
        assertMessage("cartIntercept", () -> b.withCartIntercept(Double.POSITIVE_INFINITY));
    }

    @Test
    void unreachableTargetFailsFast() {
        SyntheticShop.Options o = SyntheticShop.Options.defaults().withSessionsPerWeek(1e-9)
                .withTargetEvents(SyntheticShop.Options.MAX_TARGET_EVENTS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticShop.generate(o));
        assertTrue(e.getMessage().contains("out of reach"), e.getMessage());
    }

    private static void assertMessage(String word, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(word), "message '" + e.getMessage() + "' should name " + word);
    }
}
