package ai.behavior.synth;

/** Shops shared by the synth tests (each generated once per test JVM). */
final class TestShops {
    /** The default shop: 1,000 users, about 50,000 events. */
    static final ShopData DEFAULT = SyntheticShop.generate(SyntheticShop.Options.defaults());
    /** A small shop of a few thousand events. */
    static final ShopData SMALL = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(100).withSeed(11));

    private TestShops() {
    }
}
