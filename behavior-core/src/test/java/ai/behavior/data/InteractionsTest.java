package ai.behavior.data;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionsTest {
    private static Interactions sample() {
        return Interactions.builder(2) // smaller than the log: the columns must grow
                .add("u1", "i1", EventType.VIEW, 300, 5f)
                .add("u2", "i2", EventType.VIEW, 100, 7f)
                .add("u1", "i2", EventType.CART, 100, 1f)
                .add("u1", "i3", EventType.PURCHASE, 100, 9.5f) // same time as the cart: log order decides
                .add("u2", "i1", EventType.RATING, 50, 4f)
                .build();
    }

    @Test
    void columnsAndIndicesAreAsAdded() {
        Interactions log = sample();
        assertEquals(5, log.size());
        assertEquals(2, log.numUsers());
        assertEquals(3, log.numItems());
        assertEquals("u2", log.users().id(log.user(1)));
        assertEquals(EventType.PURCHASE, log.type(3));
        assertEquals(9.5f, log.value(3));
        assertArrayEquals(new byte[] {0, 0, (byte) EventType.CART.ordinal(), (byte) EventType.PURCHASE.ordinal(),
            (byte) EventType.RATING.ordinal()}, log.typeCodeColumn());
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1}, log.sessionColumn());
        assertEquals(Map.of(EventType.VIEW, 2, EventType.CART, 1, EventType.PURCHASE, 1, EventType.RATING, 1),
                log.countByType());
        assertEquals(50, log.minTimestamp());
        assertEquals(300, log.maxTimestamp());
    }

    @Test
    void byUserIsTimeOrderedAndStableOnTies() {
        Interactions log = sample();
        UserHistories h = log.byUser();
        int u1 = log.users().indexOf("u1");
        assertArrayEquals(new int[] {2, 3, 0}, h.rowsOf(u1), "cart then purchase (log order on the tie), then view");
        int u2 = log.users().indexOf("u2");
        assertArrayEquals(new int[] {4, 1}, h.rowsOf(u2));
        assertSame(h, log.byUser(), "computed once");
    }

    @Test
    void byUserSortsLongUnorderedHistoriesLikeAStableSort() {
        InteractionsBuilder b = Interactions.builder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 5_000;
        long[] ts = new long[n];
        for (int r = 0; r < n; r++) {
            ts[r] = rnd.nextInt(300); // many ties
            b.add("u" + (r % 3), "i" + r, EventType.VIEW, ts[r], 1f);
        }
        Interactions log = b.build();
        UserHistories h = log.byUser();
        for (int k = 0; k < 3; k++) {
            int u = log.users().indexOf("u" + k);
            int[] rows = h.rowsOf(u);
            Integer[] expected = java.util.stream.IntStream.range(0, n).filter(r -> log.user(r) == u)
                    .boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(expected, java.util.Comparator.comparingLong(r -> ts[r])); // stable
            assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), rows);
        }
    }

    @Test
    void subsetsShareIndexSpaces() {
        Interactions log = sample();
        Interactions views = log.ofTypes(EventType.VIEW);
        assertEquals(2, views.size());
        assertSame(log.users(), views.users());
        assertSame(log.items(), views.items());
        Interactions picked = log.select(new int[] {4, 0});
        assertEquals(EventType.RATING, picked.type(0));
        assertSame(log, log.filter(r -> true), "keeping everything is the same log");
        assertThrows(IndexOutOfBoundsException.class, () -> log.select(new int[] {5}));
    }

    @Test
    void nonFiniteValuesNeverEnterALog() {
        InteractionsBuilder b = Interactions.builder();
        assertThrows(IllegalArgumentException.class, () -> b.add("u", "i", EventType.VIEW, 1, Float.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> b.add("u", "i", EventType.VIEW, 1, Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> b.add(0, 0, 0, 1, 1f, -1), "ids never interned");
        assertThrows(IllegalArgumentException.class, () -> Interactions.builder(-1));
    }

    @Test
    void sessionsAreOptionalPerRow() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "i", EventType.VIEW, 1, 1f);
        b.add("u", "i", EventType.CART, 2, 1f, "s9");
        Interactions log = b.build();
        assertTrue(log.hasSessions());
        assertEquals(Interactions.NO_SESSION, log.session(0));
        assertEquals("s9", log.sessions().id(log.session(1)));
    }
}
