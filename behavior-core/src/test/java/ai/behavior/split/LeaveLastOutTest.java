package ai.behavior.split;

import static ai.behavior.split.SplitFixtures.assertPartition;
import static ai.behavior.split.SplitFixtures.assertSharesIndices;
import static ai.behavior.split.SplitFixtures.log;
import static ai.behavior.split.SplitFixtures.perUser;
import static ai.behavior.split.SplitFixtures.randomLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.data.Interactions;
import org.junit.jupiter.api.Test;

class LeaveLastOutTest {
    private static final Interactions LOG = randomLog(3000, 250, 300, 13);

    @Test
    void lastEventByTimeWithTiesInLogOrder() {
        // a: minutes 5, 3, 4 (log out of time order) -> last is the minute-5 event (item p)
        // b: minutes 2, 7, 7 -> tie at 7, the later log row (item s) is last
        // c: a single event -> stays in train
        Interactions log = log("a", "p", 5, "b", "q", 2, "a", "r", 3, "b", "t", 7, "a", "v", 4, "b", "s", 7,
                "c", "w", 1);
        SplitResult parts = Split.leaveLastOut(1).apply(log);
        assertEquals(2, parts.test().size());
        assertEquals("p", log.items().id(parts.test().item(0)));
        assertEquals("s", log.items().id(parts.test().item(1)));
        assertEquals(5, parts.train().size());
        assertPartition(log, parts);
    }

    @Test
    void exactlyKPerEligibleUserAndNoTestEventBeforeATrainEvent() {
        int k = 2;
        SplitResult parts = LeaveLastOut.of(k).withValidation(1).apply(LOG);
        assertPartition(LOG, parts);
        assertSharesIndices(LOG, parts);
        int[] all = perUser(LOG);
        int[] train = perUser(parts.train());
        int[] validation = perUser(parts.validation());
        int[] test = perUser(parts.test());
        long[] latestTrain = latest(parts.train());
        long[] earliestValidation = earliest(parts.validation());
        long[] latestValidation = latest(parts.validation());
        long[] earliestTest = earliest(parts.test());
        int shortUsers = 0;
        for (int u = 0; u < all.length; u++) {
            if (all[u] > k + 1) {
                assertEquals(k, test[u], "user " + u);
                assertEquals(1, validation[u], "user " + u);
                assertEquals(all[u] - k - 1, train[u]);
                assertTrue(earliestTest[u] >= latestTrain[u], "test before train for user " + u);
                assertTrue(earliestTest[u] >= latestValidation[u]);
                assertTrue(earliestValidation[u] >= latestTrain[u]);
            } else if (all[u] > 0) {
                shortUsers++;
                assertEquals(all[u], train[u], "short users stay in train");
            }
        }
        assertTrue(shortUsers > 0, "the fixture has short users");
    }

    @Test
    void dropPolicyLeavesShortUsersOut() {
        SplitResult parts = LeaveLastOut.of(1).with(LeaveLastOut.ShortHistory.DROP).apply(LOG);
        int[] all = perUser(LOG);
        int[] train = perUser(parts.train());
        int kept = 0;
        for (int u = 0; u < all.length; u++) {
            if (all[u] == 1) {
                assertEquals(0, train[u]);
            } else {
                kept += all[u];
            }
        }
        assertEquals(kept, parts.size());
        Interactions eligible = LOG.filter(r -> all[LOG.user(r)] > 1);
        assertPartition(eligible, parts);
        assertTrue(parts.describe().contains("dropped"), parts.describe());
    }

    @Test
    void rejectsBadK() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LeaveLastOut.of(0)).getMessage()
                .contains("k >= 1"));
        assertThrows(IllegalArgumentException.class, () -> LeaveLastOut.of(1).withValidation(-1));
        assertEquals(0, LeaveLastOut.of(1).apply(Interactions.builder().build()).size());
    }

    private static long[] latest(Interactions part) {
        long[] out = new long[part.numUsers()];
        java.util.Arrays.fill(out, Long.MIN_VALUE);
        for (int r = 0; r < part.size(); r++) {
            out[part.user(r)] = Math.max(out[part.user(r)], part.timestamp(r));
        }
        return out;
    }

    private static long[] earliest(Interactions part) {
        long[] out = new long[part.numUsers()];
        java.util.Arrays.fill(out, Long.MAX_VALUE);
        for (int r = 0; r < part.size(); r++) {
            out[part.user(r)] = Math.min(out[part.user(r)], part.timestamp(r));
        }
        return out;
    }
}
