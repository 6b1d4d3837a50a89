package ai.behavior.feature.time;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeGapsTest {
    @Test
    void gapsFollowEachUsersTimeOrderWithAFirstEventMask() {
        // Rows (user, time ms): 0 a 10,000 | 1 b 5,000 | 2 a 4,000 | 3 a 10,000 | 4 b 6,500 | 5 c 1,000
        // a in time order: row 2 (4,000, first), row 0 (10,000, +6 s), row 3 (10,000, tie keeps log order, +0 s)
        // b: row 1 (5,000, first), row 4 (6,500, +1.5 s); c: row 5 (first).
        Interactions log = Interactions.builder()
                .add("a", "i1", EventType.VIEW, 10_000, 1)
                .add("b", "i1", EventType.VIEW, 5_000, 1)
                .add("a", "i2", EventType.CART, 4_000, 1)
                .add("a", "i3", EventType.PURCHASE, 10_000, 9.5f)
                .add("b", "i2", EventType.VIEW, 6_500, 1)
                .add("c", "i1", EventType.VIEW, 1_000, 1)
                .build();
        TimeGaps g = TimeGaps.secondsSincePrevious(log);
        assertEquals(6, g.size());
        assertArrayEquals(new double[] {6, 0, 0, 0, 1.5, 0}, g.column(TimeGaps.FIRST_EVENT_GAP));
        assertArrayEquals(new boolean[] {false, true, true, false, false, true}, g.firstMask());
        assertArrayEquals(new double[] {6, -1, -1, 0, 1.5, -1}, g.column(-1));
        assertEquals(3, g.firstCount());
        assertEquals(6.0, g.seconds(0));
        assertEquals(0.0, g.seconds(2));
    }

    @Test
    void emptyLogGivesNoGaps() {
        TimeGaps g = TimeGaps.secondsSincePrevious(Interactions.builder().build());
        assertEquals(0, g.size());
        assertEquals(0, g.firstCount());
    }
}
