package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSequencesTest {
    private static final IdIndex ITEMS = IdIndex.of("a", "b", "c");

    @Test
    void historiesAreTimeOrderedWithGapsInSeconds() {
        // user x: b at t=100 s, a at t=40 s, c at t=100 s (tie with b: log order); user y has no event of its own
        Interactions log = Interactions.builder()
                .add("x", "b", EventType.VIEW, 100_000, 1)
                .add("x", "a", EventType.CART, 40_000, 1)
                .add("x", "c", EventType.PURCHASE, 100_000, 1)
                .build();
        EventSequences h = EventSequences.histories(log);
        assertEquals(1, h.size());
        // item codes in first-seen order: b = 0, a = 1, c = 2; sorted by time: a (40 s), b (100 s), c (100 s)
        assertArrayEquals(new int[] {1, 0, 2}, h.items()[0]);
        assertArrayEquals(new int[] {EventType.CART.ordinal(), EventType.VIEW.ordinal(),
                EventType.PURCHASE.ordinal()}, h.types()[0]);
        assertArrayEquals(new double[] {0, 60, 0}, h.gaps()[0]);
    }

    @Test
    void badSequencesAreRefusedNamingRowAndPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventSequences.ofItems(new int[][] {{0, 1}, {2, 3}}, ITEMS));
        assertTrue(e.getMessage().contains("sequence 1, position 1: item code 3 is outside its vocabulary [0, 3)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EventSequences(new int[][] {{0, 1}}, ITEMS,
                new int[][] {{0}}, null, null, null));
        assertTrue(e.getMessage().contains("sequence 0 has 2 items but 1 types"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EventSequences(new int[][] {{0, 1}}, ITEMS,
                null, new double[][] {{0, Double.NaN}}, null, null));
        assertTrue(e.getMessage().contains("position 1: gap NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EventSequences(new int[][] {{0}}, ITEMS,
                new int[][] {{99}}, null, null, null));
        assertTrue(e.getMessage().contains("event type code 99"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EventSequences(new int[][] {{0}}, ITEMS,
                null, null, new int[][] {{0}}, null));
        assertTrue(e.getMessage().contains("categories and their vocabulary together"), e.getMessage());
    }
}
