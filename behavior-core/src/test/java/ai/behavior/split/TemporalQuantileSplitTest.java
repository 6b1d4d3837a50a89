package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.T0;
import static ai.behavior.split.SplitFixtures.assertPartition;
import static ai.behavior.split.SplitFixtures.assertSharesIndices;
import static ai.behavior.split.SplitFixtures.log;
import static ai.behavior.split.SplitFixtures.randomLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class TemporalQuantileSplitTest {
    private static final long MINUTE = 60_000L;

    @Test
    void distinctTimestampsGiveExactCounts() {
        // ten events at minutes 9, 8, ..., 0 (log not in time order)
        Interactions log = log("a", "x", 9, "b", "x", 8, "a", "y", 7, "c", "x", 6, "a", "z", 5,
                "b", "y", 4, "c", "y", 3, "a", "w", 2, "b", "z", 1, "c", "z", 0);
        SplitResult parts = new TemporalQuantileSplit(Ratios.of(0.8, 0.1, 0.1), TemporalQuantileSplit.Basis.EVENTS)
                .apply(log);
        assertEquals(8, parts.train().size());
        assertEquals(1, parts.validation().size());
        assertEquals(1, parts.test().size());
        assertEquals(T0 + 9 * MINUTE, parts.test().minTimestamp());
        assertEquals(T0 + 8 * MINUTE, parts.validation().minTimestamp());
        assertPartition(log, parts);
    }

    @Test
    void tiesAtTheCutGoToTheLaterPartWithoutLeakage() {
        Interactions log = randomLog(3000, 200, 300, 9); // 500 distinct minutes: many ties
        SplitResult parts = Split.lastFraction(0.2).apply(log);
        assertPartition(log, parts);
        assertSharesIndices(log, parts);
        assertTrue(parts.train().maxTimestamp() < parts.test().minTimestamp());
        assertTrue(parts.test().size() >= 600, "at least the 20 % by count, plus ties at the cut");
        long cut = parts.test().minTimestamp();
        int atCut = parts.test().filter(r -> parts.test().timestamp(r) == cut).size();
        assertTrue(parts.test().size() < 600 + atCut, "only events tied with the cut are added");
        assertEquals(cut, Split.lastFraction(0.2).resolve(log).testCut());
        assertTrue(parts.describe().contains("resolved to temporal cut at"), parts.describe());
    }

    @Test
    void timeRangeBasisCutsTheSpan() {
        // minutes 0..1000 step 100: the last 20 % of the range starts at minute 800
        Object[] spec = new Object[33];
        for (int i = 0; i <= 10; i++) {
            spec[3 * i] = "u" + (i % 3);
            spec[3 * i + 1] = "i" + i;
            spec[3 * i + 2] = i * 100;
        }
        Interactions log = log(spec);
        TemporalQuantileSplit split = new TemporalQuantileSplit(Ratios.of(0.7, 0.1, 0.2),
                TemporalQuantileSplit.Basis.TIME_RANGE);
        TemporalCutSplit cuts = split.resolve(log);
        assertEquals(T0 + 700 * MINUTE, cuts.validationCut());
        assertEquals(T0 + 800 * MINUTE, cuts.testCut());
        SplitResult parts = split.apply(log);
        assertEquals(7, parts.train().size()); // minutes 0..600
        assertEquals(1, parts.validation().size()); // minute 700, exactly at the validation cut
        assertEquals(3, parts.test().size()); // minutes 800, 900, 1000
        assertPartition(log, parts);
    }

    @Test
    void degenerateLogs() {
        Interactions sameTime = log("a", "x", 3, "b", "y", 3, "c", "z", 3);
        SplitResult all = Split.lastFraction(0.2).apply(sameTime);
        assertEquals(3, all.test().size(), "one shared timestamp: everything is test (documented)");
        Interactions two = log("a", "x", 1, "b", "y", 2);
        SplitResult tiny = new TemporalQuantileSplit(Ratios.of(0.8, 0.1, 0.1), TemporalQuantileSplit.Basis.EVENTS)
                .apply(two);
        assertEquals(2, tiny.train().size(), "test count rounds to 0: test is empty");
        Interactions empty = Interactions.builder().build();
        assertEquals(0, Split.lastFraction(0.2).apply(empty).size());
        assertThrows(IllegalArgumentException.class, () -> Split.lastFraction(0.2).resolve(empty));
    }

    @Test
    void rejectsAZeroTestFraction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TemporalQuantileSplit(Ratios.of(0.9, 0.1, 0), TemporalQuantileSplit.Basis.EVENTS));
        assertTrue(e.getMessage().contains("test fraction > 0"), e.getMessage());
    }
}
