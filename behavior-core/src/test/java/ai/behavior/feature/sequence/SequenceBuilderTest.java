package ai.behavior.feature.sequence;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.time.EventFrames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceBuilderTest {
    private static final long CUTOFF = 10_000;

    /** i1 = shoes, i2 = bags, i3 has no category, i9 has no events; i4 is not in the table. */
    static AttributeTable itemTable() {
        return AttributeTable.builder("item_id").categorical("category").numeric("price")
                .row("i1").set("category", "shoes")
                .row("i2").set("category", "bags")
                .row("i3").set("price", 5)
                .row("i9").set("category", "hats")
                .build();
    }

    /**
     * u1: VIEW i1 @1,000, VIEW i2 @3,000, CART i2 @6,000, PURCHASE i2 @10,000 (at the cut-off), VIEW i3 @12,000;
     * u2: VIEW i3 @2,000, VIEW i4 @9,500; u3: VIEW i1 @11,000 (after the cut-off only). Log order is shuffled.
     */
    private static InteractionsBuilder base() {
        return Interactions.builder()
                .add("u1", "i2", EventType.CART, 6_000, 1)
                .add("u2", "i3", EventType.VIEW, 2_000, 1)
                .add("u1", "i1", EventType.VIEW, 1_000, 1)
                .add("u1", "i2", EventType.PURCHASE, 10_000, 20)
                .add("u3", "i1", EventType.VIEW, 11_000, 1)
                .add("u1", "i2", EventType.VIEW, 3_000, 1)
                .add("u1", "i3", EventType.VIEW, 12_000, 1)
                .add("u2", "i4", EventType.VIEW, 9_500, 1);
    }

    /** One line per user in labels, independent of the log's index order. */
    static List<String> render(UserSequences s) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.size(); k++) {
            StringBuilder b = new StringBuilder(s.users().id(k)).append(':');
            for (int i = 0; i < s.items()[k].length; i++) {
                b.append(' ').append(s.itemVocabulary().id(s.items()[k][i])).append('/')
                        .append(s.categoryVocabulary().id(s.categories()[k][i])).append('/')
                        .append(EventFrames.eventTypes().id(s.types()[k][i])).append('+').append(s.gaps()[k][i]);
            }
            out.add(b.append(String.format(Locale.ROOT, " | %.3f", s.secondsSinceLast()[k])).toString());
        }
        return out;
    }

    @Test
    void lastEventsStrictlyBeforeTheCutoffByHand() {
        // u1 before 10,000: i1 VIEW @1,000, i2 VIEW @3,000, i2 CART @6,000; the last 2 are kept, gaps 0 and 3 s,
        // 4 s to the cut-off. The purchase at exactly 10,000 is excluded. u2: i3 @2,000 (no category), i4 @9,500
        // (not in the table), gap 7.5 s, 0.5 s to the cut-off. u3 has nothing before the cut-off and is absent.
        Interactions log = base().build();
        UserSequences s = SequenceBuilder.lastEvents(2).withCategories(itemTable(), "category").build(log, CUTOFF);
        assertEquals(List.of("u1: i2/bags/view+0.0 i2/bags/cart+3.0 | 4.000",
                "u2: i3/<missing>/view+0.0 i4/<missing>/view+7.5 | 0.500"), render(s));
        assertArrayEquals(new int[] {0, 1}, s.userIndices());
        assertArrayEquals(new int[] {EventType.VIEW.ordinal(), EventType.CART.ordinal()}, s.types()[0]);
        assertArrayEquals(new String[] {"shoes", "bags", "hats", UserSequences.MISSING_CATEGORY},
                s.categoryVocabulary().ids());
        assertEquals(CUTOFF, s.cutoffMillis());
    }

    @Test
    void longerWindowTypeFilterAndNoCategories() {
        Interactions log = base().build();
        UserSequences all = SequenceBuilder.lastEvents(5).withCategories(itemTable(), "category").build(log, CUTOFF);
        assertEquals("u1: i1/shoes/view+0.0 i2/bags/view+2.0 i2/bags/cart+3.0 | 4.000", render(all).get(0));
        // Views only: u1 keeps i1 @1,000 and i2 @3,000, 7 s to the cut-off.
        UserSequences views = SequenceBuilder.lastEvents(5).ofTypes(EventType.VIEW).build(log, CUTOFF);
        assertEquals(List.of("u1: i1/<missing>/view+0.0 i2/<missing>/view+2.0 | 7.000",
                "u2: i3/<missing>/view+0.0 i4/<missing>/view+7.5 | 0.500"), render(views));
        assertArrayEquals(new String[] {UserSequences.MISSING_CATEGORY}, views.categoryVocabulary().ids());
        // A cut-off before every event leaves no user.
        assertEquals(0, SequenceBuilder.lastEvents(5).build(log, 1_000).size());
    }

    @Test
    void eventsAtOrAfterTheCutoffNeverChangeTheOutput() {
        UserSequences before = SequenceBuilder.lastEvents(3).withCategories(itemTable(), "category")
                .build(base().build(), CUTOFF);
        // Add later events for every user, a new user and a new item, and an event exactly at the cut-off.
        Interactions more = base()
                .add("u2", "i1", EventType.PURCHASE, CUTOFF, 99)
                .add("u1", "i7", EventType.VIEW, CUTOFF + 1, 1)
                .add("u4", "i2", EventType.VIEW, 50_000, 1)
                .add("u2", "i2", EventType.CART, 20_000, 1)
                .build();
        UserSequences after = SequenceBuilder.lastEvents(3).withCategories(itemTable(), "category")
                .build(more, CUTOFF);
        assertEquals(render(before), render(after));
        // And the log cut at the cut-off gives the same again.
        Interactions cut = more.filter(r -> more.timestamp(r) < CUTOFF);
        assertEquals(render(before), render(SequenceBuilder.lastEvents(3).withCategories(itemTable(), "category")
                .build(cut, CUTOFF)));
    }

    @Test
    void frameViewHasUserKeysSequencesAndRecency() {
        Interactions log = base().build();
        UserSequences s = SequenceBuilder.lastEvents(2).withCategories(itemTable(), "category").build(log, CUTOFF);
        FeatureFrame f = s.frame();
        assertEquals(List.of("items", "categories", "types", "seconds_since_last"), f.columnNames());
        assertEquals("u2", f.keys().id(1));
        assertSame(log.items(), f.vocabulary(UserSequences.ITEMS));
        assertSame(EventFrames.eventTypes(), f.vocabulary(UserSequences.TYPES));
        assertArrayEquals(new double[] {4, 0.5}, f.numeric(UserSequences.SECONDS_SINCE_LAST));
        int[] cats = f.sequences(UserSequences.CATEGORIES)[0];
        assertEquals("bags", f.vocabulary(UserSequences.CATEGORIES).id(cats[1]));
    }

    @Test
    void badOptionsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> SequenceBuilder.lastEvents(0));
        assertThrows(IllegalArgumentException.class, () -> SequenceBuilder.lastEvents(3).ofTypes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceBuilder.lastEvents(3).withCategories(itemTable(), "price"));
        assertTrue(e.getMessage().contains("'price'"), e.getMessage());
        AttributeTable reserved = AttributeTable.builder("item_id").categorical("category")
                .row("i1").set("category", UserSequences.MISSING_CATEGORY).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> SequenceBuilder.lastEvents(3).withCategories(reserved, "category"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }
}
