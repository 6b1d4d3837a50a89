package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.label.PurchaseWithin;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aggregates and labels on a small synthetic shop (300 users, 30 days, about 17,000 events): the cut-off is
 * day 21 and the label is a purchase in the following 7 days.
 */
class SyntheticShopSignalTest {
    private static final long DAY = 86_400_000L;
    private static final ShopData SHOP = SyntheticShop.generate(
            SyntheticShop.Options.defaults().withUsers(300).withSeed(5));
    private static final long CUTOFF = SHOP.options().startDate().toEpochDay() * DAY + 21 * DAY;
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void pastPurchasesPredictTheNextWeeksPurchase() {
        Interactions log = SHOP.interactions();
        FeatureFrame x = UserAggregates.compute(log, SHOP.items(), CUTOFF, AggregateOptions.defaults());
        LabeledUsers users = new LabeledUsers(x.keys(), PurchaseWithin.of(log, x.keys(), CUTOFF, Duration.ofDays(7)));
        // a plausible weekly purchase rate among users seen before the cut-off (seed 5 gives 28 of 208, 13%)
        assertTrue(users.positiveRate() > 0.03 && users.positiveRate() < 0.4, users.toString());
        double[] y = users.labels();
        double[] frequency = x.numeric(UserAggregates.FREQUENCY);
        double buyers = 0;
        double others = 0;
        for (int k = 0; k < y.length; k++) {
            if (y[k] == 1) {
                buyers += frequency[k];
            } else {
                others += frequency[k];
            }
        }
        buyers /= users.positives();
        others /= y.length - users.positives();
        // seed 5: 1.50 past purchases for next week's buyers against 0.40 for the others; demand 1.5 times
        assertTrue(buyers > 1.5 * others, "mean past purchases: buyers " + buyers + ", others " + others);

        LabeledUsers.Split split = users.split(0.25, 11);
        assertEquals(Math.round(0.25 * users.positives()), split.test().positives());
        assertEquals(split.train().size(), x.select(split.train().rowsIn(x)).rows());
    }

    @Test
    void userItemAndPairAggregatesAgree() {
        Interactions log = SHOP.interactions();
        AggregateOptions o = AggregateOptions.defaults();
        FeatureFrame users = UserAggregates.compute(log, SHOP.items(), CUTOFF, o);
        FeatureFrame items = ItemAggregates.compute(log, CUTOFF, o);
        FeatureFrame pairs = UserCategoryAggregates.compute(log, SHOP.items(), CUTOFF, o);
        Interactions before = log.filter(r -> log.timestamp(r) < CUTOFF);
        assertEquals(before.activeUsers(), users.rows());
        assertEquals(before.activeItems(), items.rows());
        for (EventType t : o.eventTypes()) {
            // every event is counted once per user, once per item and once per (user, category): every shop
            // item has a category; the 30-day window holds all 21 days before the cut-off
            double expected = before.ofTypes(t).size();
            assertEquals(expected, sum(users.numeric(UserAggregates.countColumn(t, THIRTY_DAYS))), t.label());
            assertEquals(expected, sum(items.numeric(ItemAggregates.countColumn(t, THIRTY_DAYS))), t.label());
            assertEquals(expected, sum(pairs.numeric(UserCategoryAggregates.countColumn(t, THIRTY_DAYS))),
                    t.label());
        }
        // each user's shares over categories sum to 1, so all shares sum to the number of users with a pair
        long usersWithPairs = Arrays.stream(pairs.keys().ids()).map(k -> k.substring(0, k.indexOf('|'))).distinct()
                .count();
        assertEquals(usersWithPairs, sum(pairs.numeric(UserCategoryAggregates.SHARE)), 1e-9);
    }
}
