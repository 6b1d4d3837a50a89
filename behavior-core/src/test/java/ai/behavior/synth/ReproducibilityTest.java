package ai.behavior.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class ReproducibilityTest {

    @Test
    void sameSeedGivesIdenticalShopColumnByColumn() {
        SyntheticShop.Options o = SyntheticShop.Options.defaults().withUsers(300).withSeed(7);
        ShopData a = SyntheticShop.generate(o);
        ShopData b = SyntheticShop.generate(o);
        assertSameLog(a.interactions(), b.interactions());
        ViewTruth va = a.truth().views();
        ViewTruth vb = b.truth().views();
        assertArrayEquals(va.rows(), vb.rows());
        assertArrayEquals(va.cartProbability(), vb.cartProbability());
        assertArrayEquals(va.purchaseProbability(), vb.purchaseProbability());
        assertArrayEquals(va.carted(), vb.carted());
        assertArrayEquals(va.purchased(), vb.purchased());
        assertArrayEquals(a.truth().users().tastes(), b.truth().users().tastes());
        assertArrayEquals(a.truth().users().churnMillis(), b.truth().users().churnMillis());
        assertArrayEquals(a.truth().items().popularity(), b.truth().items().popularity());
        assertArrayEquals(a.truth().items().price(), b.truth().items().price());
        assertEquals(a.users().size(), b.users().size());
        for (int u = 0; u < a.users().size(); u++) {
            assertEquals(a.users().categorical("segment").label(u), b.users().categorical("segment").label(u));
        }
    }

    @Test
    void differentSeedGivesDifferentShop() {
        SyntheticShop.Options o = SyntheticShop.Options.defaults().withUsers(200);
        Interactions a = SyntheticShop.generate(o.withSeed(1)).interactions();
        Interactions b = SyntheticShop.generate(o.withSeed(2)).interactions();
        boolean differs = a.size() != b.size();
        for (int r = 0; !differs && r < a.size(); r++) {
            differs = a.item(r) != b.item(r) || a.timestamp(r) != b.timestamp(r) || a.typeCode(r) != b.typeCode(r);
        }
        assertFalse(!differs, "seeds 1 and 2 gave the same log");
    }

    @Test
    void targetRunIsReproducedByItsResolvedOptions() {
        ShopData sized = SyntheticShop.generate(SyntheticShop.Options.defaults().withTargetEvents(20_000).withSeed(5));
        ShopData plain = SyntheticShop.generate(sized.options().withTargetEvents(0));
        assertSameLog(sized.interactions(), plain.interactions());
        assertArrayEquals(sized.truth().views().purchaseProbability(), plain.truth().views().purchaseProbability());
    }

    @Test
    void firstUsersDoNotDependOnHowManyUsersAreGenerated() {
        Interactions small = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(50)).interactions();
        Interactions large = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(80)).interactions();
        for (int r = 0; r < small.size(); r++) { // users are appended in index order, so a prefix is shared
            assertEquals(small.user(r), large.user(r));
            assertEquals(small.item(r), large.item(r));
            assertEquals(small.timestamp(r), large.timestamp(r));
            assertEquals(small.value(r), large.value(r));
        }
    }

    static void assertSameLog(Interactions a, Interactions b) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.userColumn(), b.userColumn());
        assertArrayEquals(a.itemColumn(), b.itemColumn());
        assertArrayEquals(a.timestampColumn(), b.timestampColumn());
        assertArrayEquals(a.valueColumn(), b.valueColumn());
        assertArrayEquals(a.users().ids(), b.users().ids());
        assertArrayEquals(a.items().ids(), b.items().ids());
        assertArrayEquals(a.sessions().ids(), b.sessions().ids());
        for (int r = 0; r < a.size(); r++) {
            assertEquals(a.typeCode(r), b.typeCode(r), "type of row " + r);
            assertEquals(a.session(r), b.session(r), "session of row " + r);
        }
    }
}
