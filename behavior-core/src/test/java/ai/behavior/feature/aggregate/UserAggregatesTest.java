package ai.behavior.feature.aggregate;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static ai.behavior.feature.aggregate.Fixture.C;
import static ai.behavior.feature.aggregate.Fixture.DAY;
import static ai.behavior.feature.aggregate.Fixture.HOUR;
import static ai.behavior.feature.aggregate.Fixture.MINUTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAggregatesTest {
    private static final double EPS = 1e-12;

    private static double[] col(FeatureFrame f, String name) {
        return f.numeric(name);
    }

    @Test
    void handComputedColumnsOfTheFixture() {
        FeatureFrame f = UserAggregates.compute(Fixture.log(), C, AggregateOptions.defaults());
        // c's only event is after the cut-off, so only a and b have rows
        assertArrayEquals(new String[] {"a", "b"}, f.keys().ids());
        // a's views at t1, t2 (9 days back), t5 (2 days), t7 (12 hours); b's at 3 days
        assertArrayEquals(new double[] {1, 0}, col(f, "view_1d"));
        assertArrayEquals(new double[] {2, 1}, col(f, "view_7d"));
        assertArrayEquals(new double[] {4, 1}, col(f, "view_30d"));
        assertArrayEquals(new double[] {0, 0}, col(f, "cart_1d"));
        assertArrayEquals(new double[] {1, 0}, col(f, "cart_7d"));
        assertArrayEquals(new double[] {2, 0}, col(f, "cart_30d"));
        assertArrayEquals(new double[] {0, 0}, col(f, "purchase_7d"));   // the purchase at exactly C is excluded
        assertArrayEquals(new double[] {1, 0}, col(f, "purchase_30d"));
        assertArrayEquals(new double[] {0, 0}, col(f, "click_30d"));
        assertArrayEquals(new double[] {0, 0}, col(f, "favourite_30d"));
        // a's last event is the impression 1 hour before C: 1/24 day; b's view is 3 days back
        assertArrayEquals(new double[] {1.0 / 24, 3}, col(f, UserAggregates.RECENCY_DAYS), EPS);
        // a bought 9 days minus 40 minutes before C; b never bought
        assertEquals(9 - 40.0 / 1440, col(f, UserAggregates.PURCHASE_RECENCY_DAYS)[0], EPS);
        assertTrue(Double.isNaN(col(f, UserAggregates.PURCHASE_RECENCY_DAYS)[1]));
        assertArrayEquals(new double[] {1, 0}, col(f, UserAggregates.FREQUENCY));
        assertArrayEquals(new double[] {20, 0}, col(f, UserAggregates.MONETARY_SUM));
        assertArrayEquals(new double[] {20, Double.NaN}, col(f, UserAggregates.MONETARY_MEAN));
        // a: 2 carts / 4 views, 1 purchase / 2 carts; b: 0 / 1 view, no cart so undefined
        assertArrayEquals(new double[] {0.5, 0}, col(f, UserAggregates.VIEW_TO_CART));
        assertArrayEquals(new double[] {0.5, Double.NaN}, col(f, UserAggregates.CART_TO_PURCHASE));
        // dwell (10 + 30 + 5 + 60) / 4 = 26.25, max 60; b: 8
        assertArrayEquals(new double[] {26.25, 8}, col(f, UserAggregates.DWELL_MEAN), EPS);
        assertArrayEquals(new double[] {60, 8}, col(f, UserAggregates.DWELL_MAX));
        // a: i1, i2, i3 (the impression of i4 is not a counted type)
        assertArrayEquals(new double[] {3, 1}, col(f, UserAggregates.DISTINCT_ITEMS));
        // a's 30-minute-gap sessions: {t1..t4}, {t5, t6}, {t7}, {t8 (11 hours after t7)} = 4 of 8 events
        assertArrayEquals(new double[] {4, 1}, col(f, UserAggregates.SESSIONS));
        assertArrayEquals(new double[] {2, 1}, col(f, UserAggregates.SESSION_EVENTS_MEAN));
        // a's UTC dates: Jan 2 (t1..t4), Jan 9 (t5, t6), Jan 10 (t7, t8)
        assertArrayEquals(new double[] {3, 1}, col(f, UserAggregates.ACTIVE_DAYS));
        assertArrayEquals(new double[] {9, 3}, col(f, UserAggregates.TENURE_DAYS), EPS);
        assertFalse(f.has(UserAggregates.DISTINCT_CATEGORIES));
    }

    @Test
    void columnNamesAreDocumentedAndOrdered() {
        FeatureFrame f = UserAggregates.compute(Fixture.log(), C,
                AggregateOptions.defaults().withWindows(Duration.ofHours(12)).withEventTypes(EventType.PURCHASE,
                        EventType.VIEW).withDwell(false));
        assertEquals(List.of("view_12h", "purchase_12h", "recency_days", "purchase_recency_days", "frequency",
                "monetary_sum", "monetary_mean", "view_to_cart", "cart_to_purchase", "distinct_items", "sessions",
                "session_events_mean", "active_days", "tenure_days"), f.columnNames());
        assertEquals("view_7d", UserAggregates.countColumn(EventType.VIEW, Duration.ofDays(7)));
        // a's view t7 is exactly 12 hours back: [C - 12h, C) includes it
        assertArrayEquals(new double[] {1, 0}, f.numeric("view_12h"));
    }

    @Test
    void categoriesFromTheItemsTable() {
        FeatureFrame f = UserAggregates.compute(Fixture.log(), Fixture.items(), C,
                AggregateOptions.defaults().withCategoryCounts(true).withEventTypes(EventType.VIEW, EventType.CART,
                        EventType.PURCHASE));
        // a: i1, i2 shoes and i3 hats (the bags impression is not counted); b: i1 shoes
        assertArrayEquals(new double[] {2, 1}, f.numeric(UserAggregates.DISTINCT_CATEGORIES));
        // a: views t1, t2, t5 on shoes, t7 on hats; carts t3, t6 on shoes; purchase t4 on shoes
        assertArrayEquals(new double[] {3, 1}, f.numeric("cat.shoes.view"));
        assertArrayEquals(new double[] {2, 0}, f.numeric("cat.shoes.cart"));
        assertArrayEquals(new double[] {1, 0}, f.numeric("cat.shoes.purchase"));
        assertArrayEquals(new double[] {1, 0}, f.numeric("cat.hats.view"));
        assertArrayEquals(new double[] {0, 0}, f.numeric("cat.bags.view")); // every vocabulary label has columns
        assertEquals("cat.hats.view", UserAggregates.categoryCountColumn("hats", EventType.VIEW));
    }

    @Test
    void rateSmoothingPullsTowardsThePooledRate() {
        FeatureFrame f = UserAggregates.compute(Fixture.log(), C, AggregateOptions.defaults().withRateSmoothing(2));
        // view->cart pooled prior (2 + 0) / (4 + 1) = 0.4: a (2 + 0.8) / 6, b (0 + 0.8) / 3
        assertArrayEquals(new double[] {2.8 / 6, 0.8 / 3}, f.numeric(UserAggregates.VIEW_TO_CART), EPS);
        // cart->purchase prior 1 / 2: a (1 + 1) / 4, b (0 + 1) / 2
        assertArrayEquals(new double[] {0.5, 0.5}, f.numeric(UserAggregates.CART_TO_PURCHASE), EPS);
    }

    @Test
    void logSessionIdsWithGapFallbackForRowsWithoutOne() {
        InteractionsBuilder b = Interactions.builder();
        b.add("x", "i1", EventType.VIEW, C - 5 * DAY, 1f, "s1");
        b.add("x", "i1", EventType.VIEW, C - 5 * DAY + 2 * HOUR, 1f, "s1"); // same id despite the gap
        b.add("x", "i2", EventType.VIEW, C - 4 * DAY, 1f);                  // no id: gap sessions {C-4d, +10m}
        b.add("x", "i2", EventType.VIEW, C - 4 * DAY + 10 * MINUTE, 1f);
        b.add("x", "i3", EventType.VIEW, C - 3 * DAY, 1f);                  // and {C-3d}
        b.add("x", "i3", EventType.VIEW, C - DAY, 1f, "s2");
        b.add("x", "i3", EventType.VIEW, C + HOUR, 1f, "s2");               // s2 straddles C: counted once
        FeatureFrame f = UserAggregates.compute(b.build(), C, AggregateOptions.defaults());
        // s1, s2 and two gap sessions; 6 events before C
        assertArrayEquals(new double[] {4}, f.numeric(UserAggregates.SESSIONS));
        assertArrayEquals(new double[] {1.5}, f.numeric(UserAggregates.SESSION_EVENTS_MEAN));
    }

    @Test
    void sessionGapIsAnOption() {
        // with a 5-minute gap, a's first visit splits at every 10-minute step: {t1}, {t2}, {t3}, {t4},
        // then {t5, t6 (5 minutes later: not more than the gap)}, {t7}, {t8}
        FeatureFrame f = UserAggregates.compute(Fixture.log(), C,
                AggregateOptions.defaults().withSessionGap(Duration.ofMinutes(5)));
        assertEquals(7, f.numeric(UserAggregates.SESSIONS)[0]);
    }

    @Test
    void futureEventsChangeNothing() {
        AggregateOptions o = AggregateOptions.defaults().withCategoryCounts(true).withRateSmoothing(1);
        AttributeTable items = Fixture.items();
        // the longer log adds a purchase at exactly C, new users and an item the table does not list, all >= C
        Fixture.assertSameFrame(UserAggregates.compute(Fixture.log(), items, C, o),
                UserAggregates.compute(Fixture.logWithMoreFuture(), items, C, o));
        Fixture.assertSameFrame(UserAggregates.compute(Fixture.log(), C, AggregateOptions.defaults()),
                UserAggregates.compute(Fixture.logWithMoreFuture(), C, AggregateOptions.defaults()));
    }

    @Test
    void badInputIsAClearError() {
        AggregateOptions o = AggregateOptions.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAggregates.compute(Interactions.builder().build(), C, o));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UserAggregates.compute(Fixture.log(), C - 20 * DAY, o));
        assertTrue(e.getMessage().contains("strictly before the cut-off 2023-12-22T00:00:00Z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UserAggregates.compute(Fixture.log(), C, o.withCategoryCounts(true)));
        assertTrue(e.getMessage().contains("categoryCounts needs an items table"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UserAggregates.compute(Fixture.log(), Fixture.items(), C, o.withCategoryColumn("colour")));
        assertTrue(e.getMessage().contains("no column 'colour'"), e.getMessage());
        AttributeTable partial = AttributeTable.builder("item_id").categorical("category")
                .row("i1").set("category", "shoes").build();
        e = assertThrows(IllegalArgumentException.class,
                () -> UserAggregates.compute(Fixture.log(), partial, C, o));
        assertTrue(e.getMessage().contains("item 'i2' of log row 4 is not in the items table"), e.getMessage());
    }

    @Test
    void anItemWithoutCategoryAddsNone() {
        AttributeTable gaps = AttributeTable.builder("item_id").categorical("category")
                .row("i1").set("category", "shoes").row("i2").row("i3").set("category", "hats").row("i4").row("i5")
                .build();
        FeatureFrame f = UserAggregates.compute(Fixture.log(), gaps, C, AggregateOptions.defaults());
        // a: i1 shoes, i2 none, i3 hats
        assertArrayEquals(new double[] {2, 1}, f.numeric(UserAggregates.DISTINCT_CATEGORIES));
    }
}
