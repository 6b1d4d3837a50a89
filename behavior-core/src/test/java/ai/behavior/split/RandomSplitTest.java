package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.assertPartition;
import static ai.behavior.split.SplitFixtures.assertSharesIndices;
import static ai.behavior.split.SplitFixtures.orderedTuples;
import static ai.behavior.split.SplitFixtures.perUser;
import static ai.behavior.split.SplitFixtures.randomLog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class RandomSplitTest {
    private static final Interactions LOG = randomLog(4000, 300, 400, 7);

    @Test
    void globalSplitPartitionsWithExactCounts() {
        Ratios ratios = Ratios.of(0.8, 0.1, 0.1);
        SplitResult parts = new RandomSplit(ratios, RandomSplit.Scope.GLOBAL, 42).apply(LOG);
        assertPartition(LOG, parts);
        assertSharesIndices(LOG, parts);
        assertArrayEquals(ratios.counts(LOG.size()),
                new int[] {parts.train().size(), parts.validation().size(), parts.test().size()});
        assertEquals(3200, parts.train().size());
    }

    @Test
    void perUserSplitIsStratifiedAndKeepsEveryUserInTrain() {
        Ratios ratios = Ratios.of(0.8, 0.1, 0.1);
        SplitResult parts = Split.randomPerUser(0.8, 0.1, 0.1, 42).apply(LOG);
        assertPartition(LOG, parts);
        assertSharesIndices(LOG, parts);
        int[] all = perUser(LOG);
        int[] train = perUser(parts.train());
        int[] validation = perUser(parts.validation());
        int[] test = perUser(parts.test());
        int singles = 0;
        for (int u = 0; u < all.length; u++) {
            if (all[u] == 0) {
                continue;
            }
            assertTrue(train[u] >= 1, "every active user has a train event");
            if (all[u] == 1) {
                singles++;
                assertEquals(1, train[u], "a single event goes to train");
            }
            int[] expected = ratios.counts(all[u]);
            if (expected[0] > 0) { // no forced move to train: exactly the documented counts
                assertArrayEquals(expected, new int[] {train[u], validation[u], test[u]}, "user " + u);
            } else {
                assertEquals(1, train[u]);
            }
            assertTrue(Math.abs(train[u] - 0.8 * all[u]) < 1 || all[u] < 2);
        }
        assertTrue(singles > 0, "the fixture has single-event users");
        assertEquals(0.8, parts.train().size() / (double) LOG.size(), 0.05);
        assertEquals(0.1, parts.test().size() / (double) LOG.size(), 0.05);
    }

    @Test
    void perUserWithSmallTrainRatioStillGivesTwoEventUsersATrainEvent() {
        SplitResult parts = Split.randomPerUser(0.1, 0.1, 0.8, 3).apply(LOG);
        assertPartition(LOG, parts);
        int[] all = perUser(LOG);
        int[] train = perUser(parts.train());
        for (int u = 0; u < all.length; u++) {
            if (all[u] >= 1) {
                assertTrue(train[u] >= 1, "user " + u + " with " + all[u] + " events has no train event");
            }
        }
    }

    @Test
    void sameSeedSameRowsDifferentSeedDifferentRows() {
        for (RandomSplit.Scope scope : RandomSplit.Scope.values()) {
            Ratios ratios = Ratios.of(0.7, 0.15, 0.15);
            SplitResult a = new RandomSplit(ratios, scope, 11).apply(LOG);
            SplitResult b = new RandomSplit(ratios, scope, 11).apply(randomLog(4000, 300, 400, 7));
            SplitResult c = new RandomSplit(ratios, scope, 12).apply(LOG);
            assertEquals(orderedTuples(a.train()), orderedTuples(b.train()), scope.name());
            assertEquals(orderedTuples(a.validation()), orderedTuples(b.validation()), scope.name());
            assertEquals(orderedTuples(a.test()), orderedTuples(b.test()), scope.name());
            assertEquals(a.describe(), b.describe());
            assertNotEquals(orderedTuples(a.test()), orderedTuples(c.test()), scope.name());
        }
    }

    @Test
    void partsKeepSourceRowOrder() {
        SplitResult parts = Split.random(0.5, 0.25, 0.25, 1).apply(LOG);
        for (Interactions part : new Interactions[] {parts.train(), parts.validation(), parts.test()}) {
            for (int r = 1; r < part.size(); r++) {
                assertTrue(part.value(r - 1) < part.value(r), "value = source row number, so it must increase");
            }
        }
    }

    @Test
    void emptyLogGivesEmptyParts() {
        Interactions empty = Interactions.builder().build();
        SplitResult parts = Split.randomPerUser(0.8, 0.1, 0.1, 1).apply(empty);
        assertEquals(0, parts.size());
        assertSharesIndices(empty, parts);
        assertEquals(0, Split.random(0.8, 0.1, 0.1, 1).apply(empty).size());
    }

    @Test
    void describesHowItWasMade() {
        SplitResult parts = Split.randomPerUser(0.8, 0.1, 0.1, 42).apply(LOG);
        assertTrue(parts.describe().startsWith(
                "random 80/10/10 train/validation/test stratified per user, seed 42 (train "), parts.describe());
        assertEquals("random 80/20 train/test over all events, seed 7", Split.random(0.8, 0, 0.2, 7).describe());
        assertTrue(parts.hasValidation());
    }
}
