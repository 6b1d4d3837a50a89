package ai.behavior.feature.aggregate;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.feature.FeatureFrame;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small hand-made log around a cut-off C (2024-01-11T00:00Z, ten days after T0 = 2024-01-01T00:00Z).
 *
 * <pre>
 * user a (no session ids):                       user b:
 *   t1 = C-9d        VIEW i1 dwell 10              C-3d  VIEW i1 dwell 8
 *   t2 = C-9d+10m    VIEW i1 dwell 30
 *   t3 = C-9d+20m    CART i1                     user c: only C+1h VIEW i2 (after the cut-off)
 *   t4 = C-9d+40m    PURCHASE i1 price 20
 *   t5 = C-2d        VIEW i2 dwell 5             items: i1, i2 shoes; i3, i5 hats; i4 bags
 *   t6 = C-2d+5m     CART i2
 *   t7 = C-12h       VIEW i3 dwell 60
 *   t8 = C-1h        IMPRESSION i4
 *   C (exactly)      PURCHASE i2 price 99  (at the cut-off: never used)
 *   C+1d             VIEW i5
 * </pre>
 */
final class Fixture {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final long T0 = LocalDate.of(2024, 1, 1).toEpochDay() * DAY;
    static final long C = T0 + 10 * DAY;

    private Fixture() {
    }

    /** The log above. */
    static Interactions log() {
        InteractionsBuilder b = Interactions.builder();
        past(b);
        future(b, false);
        return b.build();
    }

    /** The log above plus more events at or after the cut-off (new users, new items, items not in the table). */
    static Interactions logWithMoreFuture() {
        InteractionsBuilder b = Interactions.builder();
        past(b);
        future(b, true);
        return b.build();
    }

    private static void past(InteractionsBuilder b) {
        long t1 = C - 9 * DAY;
        b.add("a", "i1", EventType.VIEW, t1, 10f);
        b.add("a", "i1", EventType.VIEW, t1 + 10 * MINUTE, 30f);
        b.add("a", "i1", EventType.CART, t1 + 20 * MINUTE, 1f);
        b.add("a", "i1", EventType.PURCHASE, t1 + 40 * MINUTE, 20f);
        b.add("a", "i2", EventType.VIEW, C - 2 * DAY, 5f);
        b.add("a", "i2", EventType.CART, C - 2 * DAY + 5 * MINUTE, 1f);
        b.add("a", "i3", EventType.VIEW, C - 12 * HOUR, 60f);
        b.add("a", "i4", EventType.IMPRESSION, C - HOUR, 3f);
    }

    private static void future(InteractionsBuilder b, boolean more) {
        b.add("a", "i2", EventType.PURCHASE, C, 99f);
        b.add("a", "i5", EventType.VIEW, C + DAY, 7f);
        b.add("b", "i1", EventType.VIEW, C - 3 * DAY, 8f); // b's only past event, added after a's future ones
        b.add("c", "i2", EventType.VIEW, C + HOUR, 4f);
        if (more) {
            b.add("b", "i1", EventType.PURCHASE, C, 500f);
            b.add("a", "i3", EventType.CART, C + 1, 1f);
            b.add("b", "not-in-table", EventType.VIEW, C + 2 * DAY, 9f);
            b.add("d", "i1", EventType.PURCHASE, C + 3 * DAY, 12f);
            b.add("a", "i1", EventType.VIEW, C + 30 * DAY, 1000f);
        }
    }

    /** Items table: i1, i2 shoes; i3, i5 hats; i4 bags (vocabulary order shoes, hats, bags). */
    static AttributeTable items() {
        return AttributeTable.builder("item_id").categorical("category").numeric("price")
                .row("i1").set("category", "shoes").set("price", 20)
                .row("i2").set("category", "shoes").set("price", 99)
                .row("i3").set("category", "hats").set("price", 15)
                .row("i4").set("category", "bags").set("price", 40)
                .row("i5").set("category", "hats").set("price", 7)
                .build();
    }

    /** Asserts two frames have the same keys, columns and values (NaN equal to NaN). */
    static void assertSameFrame(FeatureFrame expected, FeatureFrame actual) {
        assertArrayEquals(expected.keys().ids(), actual.keys().ids());
        assertEquals(expected.columnNames(), actual.columnNames());
        for (String name : expected.columnNames()) {
            assertArrayEquals(expected.numeric(name), actual.numeric(name), name);
        }
    }
}
