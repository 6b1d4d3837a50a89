package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.T0;
import static ai.behavior.split.SplitFixtures.assertPartition;
import static ai.behavior.split.SplitFixtures.assertSharesIndices;
import static ai.behavior.split.SplitFixtures.log;
import static ai.behavior.split.SplitFixtures.randomLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemporalCutSplitTest {

    @Test
    void eventAtTheCutGoesToTest() {
        Interactions log = log("a", "x", 1, "a", "y", 5, "b", "x", 4, "b", "z", 9);
        SplitResult parts = Split.temporalCut(T0 + 5 * 60_000L).apply(log);
        assertEquals(2, parts.train().size());
        assertEquals(0, parts.validation().size());
        assertEquals(2, parts.test().size());
        assertEquals(T0 + 5 * 60_000L, parts.test().minTimestamp());
        assertPartition(log, parts);
    }

    @Test
    void noLeakageAcrossTheCutsOnARandomLog() {
        Interactions log = randomLog(3000, 200, 300, 5);
        long validationCut = T0 + 300 * 60_000L;
        long testCut = T0 + 400 * 60_000L;
        SplitResult parts = new TemporalCutSplit(validationCut, testCut).apply(log);
        assertPartition(log, parts);
        assertSharesIndices(log, parts);
        assertTrue(parts.train().maxTimestamp() < validationCut);
        assertTrue(parts.validation().minTimestamp() >= validationCut);
        assertTrue(parts.validation().maxTimestamp() < testCut);
        assertTrue(parts.test().minTimestamp() >= testCut);
        assertTrue(parts.train().maxTimestamp() < parts.test().minTimestamp());
        assertFalse(parts.validation().isEmpty());
    }

    @Test
    void rejectsValidationCutAfterTestCut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TemporalCutSplit(T0 + 1, T0));
        assertTrue(e.getMessage().contains("must not be after"), e.getMessage());
    }

    @Test
    void describesTheCutsAsInstants() {
        Instant cut = Instant.parse("2024-03-01T00:00:00Z");
        assertEquals("temporal cut at 2024-03-01T00:00:00Z (train t < cut, test t >= cut)",
                TemporalCutSplit.at(cut).describe());
        assertTrue(TemporalCutSplit.at(Instant.parse("2024-02-01T00:00:00Z"), cut).describe()
                .startsWith("temporal cuts at 2024-02-01T00:00:00Z and 2024-03-01T00:00:00Z"));
        assertEquals(0, TemporalCutSplit.at(cut).apply(Interactions.builder().build()).size());
    }
}
