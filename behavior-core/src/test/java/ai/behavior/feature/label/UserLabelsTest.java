package ai.behavior.feature.label;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PurchaseWithin} and {@link Churn} on a log around a cut-off C with a 7-day window. */
class UserLabelsTest {
    private static final long DAY = 86_400_000L;
    private static final long C = 1_704_931_200_000L; // 2024-01-11T00:00Z
    private static final Duration WEEK = Duration.ofDays(7);
    private static final IdIndex USERS = IdIndex.of("p", "q", "r", "s");

    /**
     * p: PURCHASE exactly at C (in). q: PURCHASE 1 ms before C and exactly at C + 7d (both out), CART at C + 1d.
     * r: PURCHASE at C + 7d - 1 ms (in). s: VIEW at C + 1d only. The log's last event is q's at C + 7d.
     */
    private static void base(InteractionsBuilder b) {
        b.add("p", "i1", EventType.PURCHASE, C, 5f);
        b.add("q", "i1", EventType.PURCHASE, C - 1, 5f);
        b.add("q", "i1", EventType.CART, C + DAY, 1f);
        b.add("q", "i2", EventType.PURCHASE, C + 7 * DAY, 5f);
        b.add("r", "i2", EventType.PURCHASE, C + 7 * DAY - 1, 5f);
        b.add("s", "i3", EventType.VIEW, C + DAY, 5f);
    }

    private static Interactions log() {
        InteractionsBuilder b = Interactions.builder();
        base(b);
        return b.build();
    }

    /** The same log plus events outside [C, C + 7d): before the cut-off and after the window, and a user t. */
    private static Interactions logWithEventsOutsideTheWindow() {
        InteractionsBuilder b = Interactions.builder();
        b.add("s", "i1", EventType.PURCHASE, C - 3 * DAY, 5f);
        b.add("t", "i1", EventType.PURCHASE, C - DAY, 5f);
        base(b);
        b.add("s", "i1", EventType.PURCHASE, C + 7 * DAY, 5f);
        b.add("p", "i1", EventType.VIEW, C + 9 * DAY, 5f);
        b.add("q", "i1", EventType.PURCHASE, C + 30 * DAY, 5f);
        return b.build();
    }

    @Test
    void purchaseWithinIsHalfOpen() {
        // p in at C; q's purchases are at C - 1 ms and C + 7d, its cart is not a purchase; r in at C + 7d - 1 ms
        assertArrayEquals(new double[] {1, 0, 1, 0}, PurchaseWithin.of(log(), USERS, C, WEEK));
        // labels follow the order of the given users
        assertArrayEquals(new double[] {0, 1}, PurchaseWithin.of(log(), IdIndex.of("s", "r"), C, WEEK));
    }

    @Test
    void churnIsHalfOpen() {
        // every user but q has an event in [C, C + 7d): p at C, r at C + 7d - 1 ms, s at C + 1d; q's cart at
        // C + 1d keeps it too. With a 1-day window only p's event (at C) is inside: [C, C + 1d)
        assertArrayEquals(new double[] {0, 0, 0, 0}, Churn.of(log(), USERS, C, WEEK));
        assertArrayEquals(new double[] {0, 1, 1, 1}, Churn.of(log(), USERS, C, Duration.ofDays(1)));
        // from C + 1d for 6 days: p has nothing in [C + 1d, C + 7d); q's cart and s's view are at C + 1d; r in
        assertArrayEquals(new double[] {1, 0, 0, 0}, Churn.of(log(), USERS, C + DAY, Duration.ofDays(6)));
    }

    @Test
    void eventsOutsideTheWindowChangeNothing() {
        Interactions more = logWithEventsOutsideTheWindow();
        assertArrayEquals(PurchaseWithin.of(log(), USERS, C, WEEK), PurchaseWithin.of(more, USERS, C, WEEK));
        assertArrayEquals(Churn.of(log(), USERS, C, Duration.ofDays(1)), Churn.of(more, USERS, C, Duration.ofDays(1)));
    }

    @Test
    void censoredWindowsAreAnErrorUnlessAllowed() {
        // the log ends at C + 7d: an 8-day window is not fully observed
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PurchaseWithin.of(log(), USERS, C, Duration.ofDays(8)));
        assertTrue(e.getMessage().contains("censored labels: the window [2024-01-11T00:00:00Z, 2024-01-19T00:00:00Z)"
                + " ends after the log's last event at 2024-01-18T00:00:00Z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Churn.of(log(), USERS, C + DAY, WEEK));
        assertTrue(e.getMessage().contains("censored labels"), e.getMessage());
        assertArrayEquals(new double[] {1, 1, 1, 0}, PurchaseWithin.of(log(), USERS, C, Duration.ofDays(8), true));
        // from C + 1d for 7 days: p quiet; q purchases at C + 7d
        assertArrayEquals(new double[] {1, 0, 0, 0}, Churn.of(log(), USERS, C + DAY, WEEK, true));
    }

    @Test
    void badInputIsAClearError() {
        Interactions empty = Interactions.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PurchaseWithin.of(empty, USERS, C, WEEK));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Churn.of(empty, USERS, C, WEEK, true));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PurchaseWithin.of(log(), USERS, C, Duration.ZERO));
        assertTrue(e.getMessage().contains("horizon must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Churn.of(log(), USERS, C, Duration.ofDays(-1)));
        assertTrue(e.getMessage().contains("window must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PurchaseWithin.of(log(), IdIndex.of("p", "zed"), C, WEEK));
        assertTrue(e.getMessage().contains("user 'zed' (position 1) is not in the log's user index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Churn.of(log(), USERS, Long.MAX_VALUE - 5, WEEK, true));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }
}
