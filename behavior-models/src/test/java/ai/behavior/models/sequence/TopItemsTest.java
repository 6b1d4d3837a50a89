package ai.behavior.models.sequence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopItemsTest {
    // items 0..4; items 1 and 2 tie at 0.5
    private static final float[] SCORES = {0.1f, 0.5f, 0.5f, 0.9f, 0.2f};

    @Test
    void bestFirstWithTiesByLowerCode() {
        assertArrayEquals(new int[] {3, 1, 2}, TopItems.of(SCORES, 0, 5, 3, -1));
        assertArrayEquals(new int[] {3, 1, 2, 4, 0}, TopItems.of(SCORES, 0, 5, 10, -1)); // k beyond the catalogue
    }

    @Test
    void theHeldOutItemLosesEveryTie() {
        assertArrayEquals(new int[] {3, 2}, TopItems.of(SCORES, 0, 5, 2, 1)); // 1 would win the tie by code
        assertArrayEquals(new int[] {3, 1}, TopItems.of(SCORES, 0, 5, 2, 2));
        // a constant scorer never ranks the held-out item first
        float[] flat = {1, 1, 1, 1};
        assertArrayEquals(new int[] {1, 2, 3, 0}, TopItems.of(flat, 0, 4, 4, 0));
    }

    @Test
    void rankingAmongCandidatesAndAtAnOffset() {
        assertArrayEquals(new int[] {2, 4}, TopItems.among(SCORES, 0, new int[] {4, 2, 0}, 2, 2));
        float[] twoRows = {9, 9, 9, 9, 9, 0.1f, 0.5f, 0.5f, 0.9f, 0.2f};
        assertArrayEquals(new int[] {3, 1}, TopItems.of(twoRows, 5, 5, 2, -1));
    }

    @Test
    void nanScoresAndBadKAreRefused() {
        float[] bad = {0.1f, Float.NaN};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopItems.of(bad, 0, 2, 1, -1)).getMessage()
                .contains("item 1 is NaN"));
        assertThrows(IllegalArgumentException.class, () -> TopItems.of(SCORES, 0, 5, 0, -1));
    }
}
