package ai.behavior.feature.label;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClickOnImpressionTest {
    private static final long T = 1_704_931_200_000L; // 2024-01-11T00:00Z
    private static final long MIN = 60_000L;
    private static final Duration WINDOW = Duration.ofMinutes(5);
    /** The IMPRESSION rows of {@link #log}, ascending. */
    private static final int[] IMPRESSIONS = {0, 2, 4, 6, 8, 11, 12, 15, 17, 18};

    private static void add(InteractionsBuilder b, boolean sessions, String user, String item, EventType type,
                            long t, String session) {
        if (sessions) {
            b.add(user, item, type, t, 1f, session);
        } else {
            b.add(user, item, type, t, 1f);
        }
    }

    /** Row numbers are in the comments; the expected label of each impression is after the arrow. */
    private static InteractionsBuilder log(boolean sessions) {
        InteractionsBuilder b = Interactions.builder();
        add(b, sessions, "a", "i1", EventType.IMPRESSION, T, "s1");              // 0 -> 0: click at the same ms
        add(b, sessions, "a", "i1", EventType.CLICK, T, "s1");                   // 1
        add(b, sessions, "a", "i2", EventType.IMPRESSION, T, "s1");              // 2 -> 1: click exactly 5 min later
        add(b, sessions, "a", "i2", EventType.CLICK, T + 5 * MIN, "s1");         // 3
        add(b, sessions, "a", "i3", EventType.IMPRESSION, T, "s1");              // 4 -> 0: click 5 min + 1 ms later
        add(b, sessions, "a", "i3", EventType.CLICK, T + 5 * MIN + 1, "s1");     // 5
        add(b, sessions, "a", "i4", EventType.IMPRESSION, T + 10 * MIN, "s1");   // 6 -> 0: click in session s2
        add(b, sessions, "a", "i4", EventType.CLICK, T + 11 * MIN, "s2");        // 7    (1 without sessions)
        add(b, sessions, "a", "i5", EventType.IMPRESSION, T + 20 * MIN, "s1");   // 8 -> 0: a view is not a click
        add(b, sessions, "a", "i5", EventType.VIEW, T + 21 * MIN, "s1");         // 9
        add(b, sessions, "a", "i6", EventType.CLICK, T + 25 * MIN, "s1");        // 10
        add(b, sessions, "a", "i6", EventType.IMPRESSION, T + 30 * MIN, "s1");   // 11 -> 0: the click came before
        add(b, sessions, "b", "i7", EventType.IMPRESSION, T, "s9");              // 12 -> 0: a clicked i7, not b
        add(b, sessions, "a", "i7", EventType.CLICK, T + MIN, "s1");             // 13
        add(b, sessions, "a", "i8", EventType.CLICK, T + 60 * MIN, "s1");        // 14 (the log's last event)
        add(b, sessions, "a", "i8", EventType.IMPRESSION, T, "s1");              // 15 -> 1: the click at +2 min
        add(b, sessions, "a", "i8", EventType.CLICK, T + 2 * MIN, "s1");         // 16
        add(b, sessions, "a", "i9", EventType.IMPRESSION, T + 58 * MIN, "s1");   // 17 -> 0, censored (58 + 5 > 60)
        add(b, sessions, "a", "i2", EventType.IMPRESSION, T - MIN, "s1");        // 18 -> 0: click 6 min later
        return b;
    }

    @Test
    void clicksWithinTheWindowInTheSameSession() {
        ImpressionLabels y = ClickOnImpression.of(log(true).build(), WINDOW);
        assertArrayEquals(IMPRESSIONS, y.rows());
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 0, 1, 0, 0}, y.labels());
        assertEquals(1, y.censored());
        assertEquals(2, y.positives());
    }

    @Test
    void withoutSessionsAClickInALaterVisitCounts() {
        ImpressionLabels y = ClickOnImpression.of(log(false).build(), WINDOW);
        assertArrayEquals(IMPRESSIONS, y.rows());
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 0, 1, 0, 0}, y.labels());
    }

    @Test
    void eventsOutsideEachWindowChangeNothing() {
        InteractionsBuilder b = log(true);
        b.add("b", "i7", EventType.CLICK, T + 5 * MIN + 1, 1f, "s9");  // just after b's window
        b.add("a", "i1", EventType.CLICK, T - 1, 1f, "s1");            // before a's impression of i1
        b.add("a", "i3", EventType.CLICK, T + 50 * MIN, 1f, "s1");     // long after
        b.add("c", "i2", EventType.CLICK, T + MIN, 1f, "s1");          // another user's click
        assertEquals(ClickOnImpression.of(log(true).build(), WINDOW), ClickOnImpression.of(b.build(), WINDOW));
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClickOnImpression.of(Interactions.builder().build(), WINDOW));
        assertTrue(e.getMessage().contains("log is empty"), e.getMessage());
        Interactions views = Interactions.builder().add("a", "i1", EventType.VIEW, T, 3f).build();
        e = assertThrows(IllegalArgumentException.class, () -> ClickOnImpression.of(views, WINDOW));
        assertTrue(e.getMessage().contains("no IMPRESSION rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClickOnImpression.of(log(true).build(), Duration.ZERO));
        assertTrue(e.getMessage().contains("window must be positive"), e.getMessage());
    }
}
