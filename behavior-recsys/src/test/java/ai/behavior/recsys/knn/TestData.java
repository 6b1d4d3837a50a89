package ai.behavior.recsys.knn;

import ai.behavior.data.Interactions;
import ai.behavior.synth.SyntheticShop;

/** A small synthetic shop shared by the tests of this package (generated once). */
final class TestData {
    private static Interactions shop;

    private TestData() {
    }

    static synchronized Interactions shop() {
        if (shop == null) {
            shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withItems(400).withSeed(11))
                    .interactions();
        }
        return shop;
    }
}
