package ai.behavior.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupAucTest {
    @Test
    void weightsGroupsByImpressionsAndSkipsSingleClassGroups() {
        int[] groups = {7, 7, 7, 7, -3, -3, 9, 9, 9};
        int[] truth = {1, 0, 0, 1, 0, 1, 1, 1, 1};
        double[] scores = {0.9, 0.8, 0.1, 0.2, 0.6, 0.5, 0.1, 0.2, 0.3};
        // group 7: pos {.9, .2} neg {.8, .1} -> 3/4; group -3: 0; group 9: one class, skipped
        GroupAucResult g = GroupAuc.of(groups, truth, scores);
        assertEquals((0.75 * 4 + 0.0 * 2) / 6, g.auc(), 1e-15);
        assertEquals(0.375, g.unweightedAuc(), 1e-15);
        assertEquals(2, g.groupsUsed());
        assertEquals(1, g.groupsSkipped());
        assertEquals(6, g.impressionsUsed());
    }

    @Test
    void allGroupsSkippedGivesNaN() {
        GroupAucResult g = GroupAuc.of(new int[] {1, 2}, new boolean[] {true, false}, new double[] {0.3, 0.2});
        assertTrue(Double.isNaN(g.auc()));
        assertEquals(0, g.groupsUsed());
        assertEquals(2, g.groupsSkipped());
    }

    @Test
    void matchesPerGroupAucOnRandomInput() {
        Random random = new Random(9);
        int n = 20_000;
        int[] groups = new int[n];
        int[] truth = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            groups[i] = random.nextInt(300) - 150;
            truth[i] = random.nextInt(5) == 0 ? 1 : 0;
            scores[i] = random.nextInt(20) / 20.0;
        }
        double sum = 0;
        long used = 0;
        int usedGroups = 0;
        int skipped = 0;
        for (int g = -150; g < 150; g++) {
            final int group = g;
            int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> groups[i] == group).toArray();
            if (idx.length == 0) {
                continue;
            }
            int[] t = Arrays.stream(idx).map(i -> truth[i]).toArray();
            double[] s = Arrays.stream(idx).mapToDouble(i -> scores[i]).toArray();
            int positives = Arrays.stream(t).sum();
            if (positives == 0 || positives == t.length) {
                skipped++;
                continue;
            }
            sum += RocAuc.of(t, s) * t.length;
            used += t.length;
            usedGroups++;
        }
        GroupAucResult g = GroupAuc.of(groups, truth, scores);
        assertEquals(sum / used, g.auc(), 1e-12);
        assertEquals(usedGroups, g.groupsUsed());
        assertEquals(skipped, g.groupsSkipped());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> GroupAuc.of(new int[] {1}, new int[] {1, 0}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> GroupAuc.of(new int[] {1, 1}, new int[] {1, 0}, new double[] {0.1, Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> GroupAuc.of(null, new int[] {1, 0}, new double[] {0.1, 0.2}));
    }
}
