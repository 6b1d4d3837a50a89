package ai.behavior.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Logs and assertions shared by the split tests. */
final class SplitFixtures {
    static final long T0 = 1_700_000_000_000L;

    private SplitFixtures() {
    }

    /**
     * A seeded random log of {@code events} rows over {@code users} users with skewed activity (some users
     * have a single event), many equal timestamps, rows not in time order, and value = row number so that
     * every row is a distinct tuple.
     */
    static Interactions randomLog(int events, int users, int items, long seed) {
        Random random = new Random(seed);
        InteractionsBuilder b = Interactions.builder();
        EventType[] types = EventType.values();
        for (int r = 0; r < events; r++) {
            double x = random.nextDouble();
            int u = (int) (users * x * x * x); // skewed: low indices are heavy users
            b.add("u" + u, "i" + random.nextInt(items), types[random.nextInt(types.length)],
                    T0 + random.nextInt(500) * 60_000L, r);
        }
        return b.build();
    }

    /** A sorted multiset of the rows as (user id, item id, type, time, value) strings. */
    static List<String> tuples(Interactions log) {
        List<String> out = new ArrayList<>(log.size());
        for (int r = 0; r < log.size(); r++) {
            out.add(tuple(log, r));
        }
        Collections.sort(out);
        return out;
    }

    /** The rows in order as (user id, item id, type, time, value) strings. */
    static List<String> orderedTuples(Interactions log) {
        List<String> out = new ArrayList<>(log.size());
        for (int r = 0; r < log.size(); r++) {
            out.add(tuple(log, r));
        }
        return out;
    }

    static String tuple(Interactions log, int r) {
        return log.users().id(log.user(r)) + "|" + log.items().id(log.item(r)) + "|" + log.type(r) + "|"
                + log.timestamp(r) + "|" + log.value(r);
    }

    /** Asserts that the three parts are exactly the rows of {@code log} as a multiset. */
    static void assertPartition(Interactions log, SplitResult parts) {
        List<String> union = new ArrayList<>(tuples(parts.train()));
        union.addAll(tuples(parts.validation()));
        union.addAll(tuples(parts.test()));
        Collections.sort(union);
        assertEquals(tuples(log), union, "train + validation + test must be exactly the source rows");
    }

    /** Asserts that every part shares the source's index objects. */
    static void assertSharesIndices(Interactions log, SplitResult parts) {
        for (Interactions part : List.of(parts.train(), parts.validation(), parts.test())) {
            assertSame(log.users(), part.users());
            assertSame(log.items(), part.items());
        }
    }

    /** Events per user index in {@code part}. */
    static int[] perUser(Interactions part) {
        int[] counts = new int[part.numUsers()];
        for (int r = 0; r < part.size(); r++) {
            counts[part.user(r)]++;
        }
        return counts;
    }

    /** A log built from (user, item, minute) triples in the given order; value = row number. */
    static Interactions log(Object... userItemMinute) {
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < userItemMinute.length; i += 3) {
            b.add((String) userItemMinute[i], (String) userItemMinute[i + 1], EventType.VIEW,
                    T0 + ((Integer) userItemMinute[i + 2]) * 60_000L, i / 3);
        }
        return b.build();
    }
}
