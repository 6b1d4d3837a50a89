package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class SplitResultTest {

    @Test
    void rejectsPartsFromDifferentIndexSpaces() {
        Interactions a = log("u", "x", 1);
        Interactions b = log("u", "x", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SplitResult.trainTest(a, b, "mixed"));
        assertTrue(e.getMessage().contains("index spaces"), e.getMessage());
    }

    @Test
    void trainTestHasAnEmptyValidationPart() {
        Interactions log = log("u", "x", 1, "v", "y", 2);
        SplitResult parts = SplitResult.trainTest(log.select(new int[] {0}), log.select(new int[] {1}), "manual");
        assertFalse(parts.hasValidation());
        assertEquals(2, parts.size());
        assertEquals("manual", parts.describe());
        assertEquals("SplitResult[train=1, validation=0, test=1]", parts.toString());
    }
}
