package ai.behavior.recsys.als;

import ai.behavior.data.IdIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplicitAlsFromFactorsTest {
    private static final IdIndex USERS = IdIndex.of("alice", "bob");
    private static final IdIndex ITEMS = IdIndex.of("a", "b", "c");
    // users (1, 2) and (0, 0); items (1, 0), (0.5, 1), (-1, 3)
    private static final LatentFactors F = LatentFactors.of(2, 3, 2, new float[] {1, 2, 0, 0},
            new float[] {1, 0, 0.5f, 1, -1, 3}, null);
    private static final ImplicitAls.Options O = ImplicitAls.Options.defaults().withFactors(2).withIterations(7);

    @TempDir
    Path dir;

    @Test
    void scoresAreTheDotProductsOfTheGivenFactorsAndSurviveSaveAndLoad() throws IOException {
        ImplicitAls m = ImplicitAls.fromFactors(USERS, ITEMS, F, new int[] {3, 0}, new int[] {1, 1, 1}, O);
        // alice . a = 1, alice . b = 0.5 + 2 = 2.5, alice . c = -1 + 6 = 5
        assertEquals(1f, m.score(0, 0));
        assertEquals(2.5f, m.score(0, 1));
        assertEquals(5f, m.score(0, 2));
        assertTrue(m.knowsUser(0));
        assertFalse(m.knowsUser(1), "bob has no training pairs");
        assertEquals(7, m.iterationsRun());
        m.save(dir.resolve("m"));
        ImplicitAls back = ImplicitAls.load(dir.resolve("m"));
        assertEquals(5f, back.score(0, 2));
        assertEquals(3, back.userCount(0));
    }

    @Test
    void mismatchedSizesAndNegativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fromFactors(IdIndex.of("alice"), ITEMS, F, new int[] {1}, new int[3], O));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fromFactors(USERS, ITEMS, F, new int[] {1, -1}, new int[3], O));
        assertTrue(e.getMessage().contains("userCounts[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fromFactors(USERS, ITEMS, F, new int[2], new int[3], O.withFactors(3)));
    }
}
