package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Popularity}: counts, weights, the recent window and its edges. */
class PopularityTest {
    private static final long DAY = 86_400_000L;

    /** Last event at day 10: i0 viewed on days 0, 1, 2; i1 viewed on days 8 and 10 (twice); i2 bought on day 3. */
    private static Interactions log() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "i0", EventType.VIEW, 0, 1f).add("u1", "i0", EventType.VIEW, DAY, 1f)
                .add("u2", "i0", EventType.VIEW, 2 * DAY, 1f)
                .add("u0", "i1", EventType.VIEW, 8 * DAY, 1f).add("u1", "i1", EventType.VIEW, 10 * DAY, 1f)
                .add("u1", "i1", EventType.VIEW, 10 * DAY, 1f)
                .add("u2", "i2", EventType.PURCHASE, 3 * DAY, 40f);
        return b.build();
    }

    private static float[] scores(Popularity p, int n) {
        float[] out = new float[n];
        p.scoreAll(0, out);
        return out;
    }

    @Test
    void countsEveryEventOfAllTime() {
        Popularity p = Popularity.fit(log(), Popularity.Options.defaults());
        assertArrayEquals(new float[] {3f, 3f, 1f}, scores(p, 3));
        assertEquals(3f, p.popularity(0));
        assertEquals(1f, p.score(12345, 2), "popularity ignores the user");
    }

    @Test
    void weightsApply() {
        Popularity p = Popularity.fit(log(), Popularity.Options.defaults()
                .withWeighting(Weighting.byTypeValue(Map.of(EventType.PURCHASE, 1f), Weighting.Aggregation.SUM)));
        assertArrayEquals(new float[] {0f, 0f, 40f}, scores(p, 3));
    }

    @Test
    void aWindowCountsBackFromTheLastEventInclusive() {
        Interactions log = log();
        assertArrayEquals(new float[] {0f, 3f, 0f},
                scores(Popularity.fit(log, Popularity.Options.defaults().withWindowDays(2)), 3), "days 8..10");
        assertArrayEquals(new float[] {1f, 3f, 1f},
                scores(Popularity.fit(log, Popularity.Options.defaults().withWindowDays(8)), 3),
                "days 2..10: day 2 is exactly on the edge and counts");
        assertArrayEquals(new float[] {0f, 2f, 0f},
                scores(Popularity.fit(log, Popularity.Options.defaults().withWindowDays(0.5)), 3));
        assertEquals(2 * DAY, Popularity.Options.defaults().withWindowDays(2).windowMillis());
    }

    @Test
    void knowsEveryUserAndSharesTheLogsIndices() {
        Interactions log = log();
        Popularity p = Popularity.fit(log, Popularity.Options.defaults());
        assertTrue(p.knowsUser(0));
        assertTrue(p.knowsUser(-1));
        assertEquals(log.users(), p.users());
        assertEquals(log.items(), p.items());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Popularity.fit(Interactions.builder().build(), Popularity.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> Popularity.Options.defaults().withWindowDays(-1));
        assertThrows(IllegalArgumentException.class, () -> new Popularity.Options(null, 0));
    }

    /**
     * NaN days must be rejected, and a positive window under half a millisecond must not round to a window of
     * 0 ms, which means "all time" - the opposite of what was asked.
     */
    @Test
    void aNanOrVanishingWindowIsNotAllTime() {
        assertThrows(IllegalArgumentException.class, () -> Popularity.Options.defaults().withWindowDays(Double.NaN));
        Popularity.Options tiny = Popularity.Options.defaults().withWindowDays(1e-9);
        assertArrayEquals(new float[] {0f, 2f, 0f}, scores(Popularity.fit(log(), tiny), 3),
                "a window of 86 microseconds holds only the last instant");
    }
}
