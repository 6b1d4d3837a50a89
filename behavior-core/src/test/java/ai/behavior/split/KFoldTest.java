package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.log;
import static ai.behavior.split.SplitFixtures.orderedTuples;
import static ai.behavior.split.SplitFixtures.perUser;
import static ai.behavior.split.SplitFixtures.randomLog;
import static ai.behavior.split.SplitFixtures.tuples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldTest {
    private static final Interactions LOG = randomLog(3000, 200, 300, 21);

    @Test
    void eventFoldsAreDisjointCoverEverythingAndBalance() {
        List<Fold> folds = KFold.byEvent(5, 42).apply(LOG);
        assertCoverOnceWithComplementTrain(folds);
        for (Fold fold : folds) {
            assertEquals(600, fold.test().size());
        }
        List<Fold> uneven = KFold.byEvent(7, 42).apply(LOG); // 3000 = 7 * 428 + 4
        for (Fold fold : uneven) {
            assertEquals(fold.index() < 4 ? 429 : 428, fold.test().size());
        }
        assertCoverOnceWithComplementTrain(uneven);
    }

    @Test
    void userFoldsKeepEachUserInOneTestFold() {
        List<Fold> folds = KFold.byUser(4, 42).apply(LOG);
        assertCoverOnceWithComplementTrain(folds);
        int[] foldOfUser = new int[LOG.numUsers()];
        java.util.Arrays.fill(foldOfUser, -1);
        int[] usersPerFold = new int[folds.size()];
        int[] all = perUser(LOG);
        for (Fold fold : folds) {
            int[] test = perUser(fold.test());
            int[] train = perUser(fold.train());
            for (int u = 0; u < test.length; u++) {
                if (test[u] > 0) {
                    assertEquals(-1, foldOfUser[u], "user " + u + " is in two test folds");
                    foldOfUser[u] = fold.index();
                    usersPerFold[fold.index()]++;
                    assertEquals(all[u], test[u], "all of a user's events are in one fold");
                    assertEquals(0, train[u], "a test user has no train events in that fold");
                }
            }
        }
        int active = LOG.activeUsers();
        for (int n : usersPerFold) {
            assertTrue(n == active / 4 || n == active / 4 + 1, "folds balanced by users: " + n);
        }
    }

    @Test
    void sameSeedSameFoldsDifferentSeedDifferentFolds() {
        for (KFold.Grouping grouping : KFold.Grouping.values()) {
            List<Fold> a = new KFold(5, 1, grouping).apply(LOG);
            List<Fold> b = new KFold(5, 1, grouping).apply(randomLog(3000, 200, 300, 21));
            List<Fold> c = new KFold(5, 2, grouping).apply(LOG);
            for (int f = 0; f < 5; f++) {
                assertEquals(orderedTuples(a.get(f).test()), orderedTuples(b.get(f).test()));
                assertEquals(a.get(f).describe(), b.get(f).describe());
            }
            assertNotEquals(orderedTuples(a.get(0).test()), orderedTuples(c.get(0).test()));
        }
    }

    @Test
    void foldsShareIndicesAndConvertToSplitResults() {
        Fold fold = KFold.byUser(3, 9).apply(LOG).get(2);
        assertSame(LOG.users(), fold.train().users());
        assertSame(LOG.items(), fold.test().items());
        SplitResult parts = fold.toSplitResult();
        assertTrue(parts.validation().isEmpty());
        assertSame(LOG.users(), parts.validation().users());
        assertTrue(fold.describe().startsWith("user-grouped 3-fold, seed 9, fold 3 of 3"), fold.describe());
    }

    @Test
    void rejectsImpossibleFolds() {
        Interactions small = log("a", "x", 1, "b", "y", 2, "a", "z", 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KFold.byEvent(1, 0)).getMessage()
                .contains("k >= 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KFold.byEvent(4, 0).apply(small))
                .getMessage().contains("from 3 events"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KFold.byUser(3, 0).apply(small))
                .getMessage().contains("from 2 users"));
        assertThrows(IllegalArgumentException.class, () -> KFold.byEvent(2, 0).apply(Interactions.builder()
                .build()));
        assertEquals(3, KFold.byEvent(3, 0).apply(small).size());
    }

    private static void assertCoverOnceWithComplementTrain(List<Fold> folds) {
        List<String> allTests = new ArrayList<>();
        for (Fold fold : folds) {
            allTests.addAll(tuples(fold.test()));
            List<String> union = new ArrayList<>(tuples(fold.train()));
            union.addAll(tuples(fold.test()));
            Collections.sort(union);
            assertEquals(tuples(LOG), union, "train is the complement of test in fold " + fold.index());
        }
        Collections.sort(allTests);
        assertEquals(tuples(LOG), allTests, "test folds are disjoint and cover every row once");
    }
}
