package ai.behavior.recsys;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TopKSelector}: order, ties, NaN, exclusions and k beyond the candidates. */
class TopKSelectorTest {
    @Test
    void bestFirst() {
        assertArrayEquals(new int[] {2, 0, 3}, TopKSelector.select(new float[] {5f, 1f, 9f, 4f, 2f}, 3, null));
    }

    @Test
    void tiesGoToTheLowerIndex() {
        float[] s = {1f, 3f, 3f, 0f, 3f};
        assertArrayEquals(new int[] {1, 2}, TopKSelector.select(s, 2, null));
        assertArrayEquals(new int[] {1, 2, 4, 0}, TopKSelector.select(s, 4, null));
        assertArrayEquals(new int[] {0, 1}, TopKSelector.select(new float[] {0f, -0f}, 2, null),
                "0.0 and -0.0 are equal scores");
    }

    @Test
    void nanIsNeverSelected() {
        float[] s = {Float.NaN, 2f, Float.NaN, 1f};
        assertArrayEquals(new int[] {1, 3}, TopKSelector.select(s, 4, null));
        assertArrayEquals(new int[0], TopKSelector.select(new float[] {Float.NaN}, 1, null));
    }

    @Test
    void infinitiesAreOrdinaryScores() {
        float[] s = {Float.NEGATIVE_INFINITY, 0f, Float.POSITIVE_INFINITY};
        assertArrayEquals(new int[] {2, 1, 0}, TopKSelector.select(s, 3, null));
    }

    @Test
    void kBeyondTheCandidatesReturnsThemAll() {
        float[] s = {0.1f, 0.3f, 0.2f};
        assertArrayEquals(new int[] {1, 2, 0}, TopKSelector.select(s, 100, null));
        assertArrayEquals(new int[0], TopKSelector.select(new float[0], 5, null));
    }

    @Test
    void excludedItemsAreSkipped() {
        float[] s = {9f, 8f, 7f, 6f};
        BitSet ex = new BitSet();
        ex.set(0);
        ex.set(2);
        assertArrayEquals(new int[] {1, 3}, TopKSelector.select(s, 3, ex));
        ex.set(0, 4);
        assertArrayEquals(new int[0], TopKSelector.select(s, 3, ex));
    }

    @Test
    void kMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TopKSelector.select(new float[] {1f}, 0, null));
        assertThrows(IllegalArgumentException.class, () -> TopKSelector.select(new float[] {1f}, -1, null));
    }

    @Test
    void matchesASortOnRandomScoresWithManyTies() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(60);
            float[] s = new float[n];
            BitSet ex = new BitSet();
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt(8) == 0 ? Float.NaN : r.nextInt(6);
                if (r.nextInt(5) == 0) {
                    ex.set(i);
                }
            }
            int k = 1 + r.nextInt(n + 5);
            int[] expected = IntStream.range(0, n).filter(i -> !ex.get(i) && !Float.isNaN(s[i])).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, TopKSelector.select(s, k, ex), "trial " + trial);
        }
    }
}
