package ai.behavior.feature.aggregate;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static ai.behavior.feature.aggregate.Fixture.C;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserCategoryAggregatesTest {
    private static final double EPS = 1e-12;
    private static final double NAN = Double.NaN;

    @Test
    void handComputedPairs() {
        FeatureFrame f = UserCategoryAggregates.compute(Fixture.log(), Fixture.items(), C,
                AggregateOptions.defaults());
        // a's 7 counted events before C: 6 on shoes (i1, i2), 1 on hats (i3); the bags impression is not counted
        assertArrayEquals(new String[] {"a|shoes", "a|hats", "b|shoes"}, f.keys().ids());
        assertArrayEquals(new double[] {0, 1, 0}, f.numeric("uc_view_1d"));
        assertArrayEquals(new double[] {1, 1, 1}, f.numeric("uc_view_7d"));
        assertArrayEquals(new double[] {3, 1, 1}, f.numeric("uc_view_30d"));
        assertArrayEquals(new double[] {2, 0, 0}, f.numeric("uc_cart_30d"));
        assertArrayEquals(new double[] {1, 0, 0}, f.numeric("uc_purchase_30d"));
        assertArrayEquals(new double[] {6.0 / 7, 1.0 / 7, 1}, f.numeric(UserCategoryAggregates.SHARE), EPS);
        // a's last shoes event is the cart 2 days - 5 minutes back; hats the view 12 hours back; b 3 days
        assertArrayEquals(new double[] {2 - 5.0 / 1440, 0.5, 3}, f.numeric(UserCategoryAggregates.RECENCY_DAYS),
                EPS);
        assertEquals("uc_cart_1d", UserCategoryAggregates.countColumn(EventType.CART, Duration.ofDays(1)));
    }

    @Test
    void keysEscapeTheSeparator() {
        assertEquals("u1|shoes", UserCategoryAggregates.key("u1", "shoes"));
        assertEquals("a\\|b|c\\\\d", UserCategoryAggregates.key("a|b", "c\\d"));
        // without escaping both would be "a|b|c"
        assertNotEquals(UserCategoryAggregates.key("a|b", "c"), UserCategoryAggregates.key("a", "b|c"));
    }

    @Test
    void futureEventsChangeNothing() {
        AggregateOptions o = AggregateOptions.defaults();
        Fixture.assertSameFrame(UserCategoryAggregates.compute(Fixture.log(), Fixture.items(), C, o),
                UserCategoryAggregates.compute(Fixture.logWithMoreFuture(), Fixture.items(), C, o));
    }

    private static AttributeTable itemsWithUncategorised() {
        return AttributeTable.builder("item_id").categorical("category")
                .row("i1").set("category", "shoes").row("i2").set("category", "shoes")
                .row("i3").set("category", "hats").row("i4").set("category", "bags")
                .row("i5").set("category", "hats").row("i6")
                .build();
    }

    @Test
    void joinsOntoUserItemRows() {
        FeatureFrame uc = UserCategoryAggregates.compute(Fixture.log(), Fixture.items(), C,
                AggregateOptions.defaults().withWindows(Duration.ofDays(7)).withEventTypes(EventType.VIEW));
        FeatureFrame pairs = FeatureFrame.builder(5)
                .categorical("user", new String[] {"a", "a", "b", "c", "a"})
                .categorical("item", new String[] {"i2", "i5", "i3", "i1", "i6"})
                .numeric("score", new double[] {1, 2, 3, 4, 5})
                .build();
        FeatureFrame joined = UserCategoryAggregates.join(pairs, "user", "item", uc, itemsWithUncategorised(),
                "category");
        assertEquals(List.of("user", "item", "score", "uc_view_7d", "uc_share", "uc_recency_days"),
                joined.columnNames());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, joined.numeric("score"));
        // rows: a|shoes (view 2 days back, 3 of a's 4 views), a|hats (i5 is a hat; 1 of 4 views, 12 h back),
        // b|hats and c|shoes have no history (0, 0, NaN), i6 has no category (NaN everywhere)
        assertArrayEquals(new double[] {1, 1, 0, 0, NAN}, joined.numeric("uc_view_7d"));
        assertArrayEquals(new double[] {0.75, 0.25, 0, 0, NAN}, joined.numeric("uc_share"), EPS);
        assertArrayEquals(new double[] {2, 0.5, NAN, NAN, NAN}, joined.numeric("uc_recency_days"), EPS);
    }

    @Test
    void joinErrorsNameTheRow() {
        FeatureFrame uc = UserCategoryAggregates.compute(Fixture.log(), Fixture.items(), C,
                AggregateOptions.defaults());
        FeatureFrame unknownItem = FeatureFrame.builder(2).categorical("user", new String[] {"a", "a"})
                .categorical("item", new String[] {"i1", "i9"}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.join(unknownItem, "user", "item", uc, Fixture.items(), "category"));
        assertTrue(e.getMessage().contains("column 'item' row 1: item 'i9' is not in the items table"),
                e.getMessage());
        FeatureFrame missingUser = FeatureFrame.builder(2).categorical("user", new String[] {"a", null})
                .categorical("item", new String[] {"i1", "i1"}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.join(missingUser, "user", "item", uc, Fixture.items(), "category"));
        assertTrue(e.getMessage().contains("column 'user' row 1: the user id is missing"), e.getMessage());
        FeatureFrame clash = FeatureFrame.builder(1).categorical("user", new String[] {"a"})
                .categorical("item", new String[] {"i1"}).numeric("uc_share", new double[] {1}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.join(clash, "user", "item", uc, Fixture.items(), "category"));
        assertTrue(e.getMessage().contains("both frames have a column 'uc_share'"), e.getMessage());
        FeatureFrame notUc = FeatureFrame.builder(1).numeric("x", new double[] {1}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.join(clash, "user", "item", notUc, Fixture.items(), "category"));
        assertTrue(e.getMessage().contains("made by UserCategoryAggregates.compute"), e.getMessage());
    }

    @Test
    void badInputIsAClearError() {
        AggregateOptions o = AggregateOptions.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.compute(Interactions.builder().build(), Fixture.items(), C, o));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        // the earliest event is exactly at C - 9 days, so nothing is strictly before that cut-off
        e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.compute(Fixture.log(), Fixture.items(), C - 9 * Fixture.DAY, o));
        assertTrue(e.getMessage().contains("no counted event"), e.getMessage());
        AttributeTable noCategories = AttributeTable.builder("item_id").categorical("category")
                .row("i1").row("i2").row("i3").row("i4").row("i5").build();
        e = assertThrows(IllegalArgumentException.class,
                () -> UserCategoryAggregates.compute(Fixture.log(), noCategories, C, o));
        assertTrue(e.getMessage().contains("on an item with a 'category'"), e.getMessage());
    }
}
