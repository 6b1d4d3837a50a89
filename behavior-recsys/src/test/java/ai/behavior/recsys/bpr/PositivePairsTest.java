package ai.behavior.recsys.bpr;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositivePairsTest {
    /** Random sorted rows of {@code perUser} items out of {@code numItems}, as compressed rows. */
    private static void check(int numUsers, int numItems, int perUser, boolean expectDense) {
        SplittableRandom r = new SplittableRandom(numItems);
        int[] offsets = new int[numUsers + 1];
        int[] cols = new int[numUsers * perUser];
        Set<Long> truth = new HashSet<>();
        int p = 0;
        for (int u = 0; u < numUsers; u++) {
            TreeSet<Integer> row = new TreeSet<>();
            while (row.size() < perUser) {
                row.add(r.nextInt(numItems));
            }
            for (int i : row) {
                cols[p++] = i;
                truth.add((long) u * numItems + i);
            }
            offsets[u + 1] = p;
        }
        PositivePairs set = PositivePairs.of(offsets, cols, numItems);
        assertEquals(expectDense, set.dense());
        for (int q = 0; q < 20_000; q++) {
            int u = r.nextInt(numUsers);
            int i = q % 2 == 0 ? cols[offsets[u] + r.nextInt(perUser)] : r.nextInt(numItems);
            assertEquals(truth.contains((long) u * numItems + i), set.contains(u, i), "user " + u + ", item " + i);
        }
    }

    @Test
    void denseBitsForDenseData() {
        check(50, 200, 20, true);
    }

    @Test
    void hashedPairsForSparseData() {
        check(40, 2_000_000, 5, false);
    }

    @Test
    void extremeIndicesHashApart() {
        int[] offsets = {0, 1, 2};
        int[] cols = {Integer.MAX_VALUE - 1, 0};
        PositivePairs set = PositivePairs.of(offsets, cols, Integer.MAX_VALUE);
        assertFalse(set.dense());
        assertTrue(set.contains(0, Integer.MAX_VALUE - 1));
        assertTrue(set.contains(1, 0));
        assertFalse(set.contains(0, 0));
        assertFalse(set.contains(1, Integer.MAX_VALUE - 1));
    }
}
