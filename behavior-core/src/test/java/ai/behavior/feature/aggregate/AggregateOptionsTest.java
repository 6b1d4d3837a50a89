package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateOptionsTest {
    @Test
    void defaultsAreDocumented() {
        AggregateOptions o = AggregateOptions.defaults();
        assertEquals(List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)), o.windows());
        assertEquals(List.of(EventType.VIEW, EventType.CLICK, EventType.FAVOURITE, EventType.CART, EventType.PURCHASE),
                o.eventTypes());
        assertEquals(Duration.ofMinutes(30), o.sessionGap());
        assertEquals(0, o.rateSmoothing());
        assertTrue(o.dwell());
        assertEquals(false, o.categoryCounts());
        assertEquals("category", o.categoryColumn());
    }

    @Test
    void windowsAndTypesAreNormalised() {
        AggregateOptions o = AggregateOptions.defaults().withWindows(Duration.ofDays(7), Duration.ofHours(1))
                .withEventTypes(EventType.PURCHASE, EventType.VIEW);
        assertEquals(List.of(Duration.ofHours(1), Duration.ofDays(7)), o.windows());
        assertEquals(List.of(EventType.VIEW, EventType.PURCHASE), o.eventTypes());
    }

    @Test
    void windowSuffixUsesTheLargestWholeUnit() {
        assertEquals("7d", AggregateOptions.windowSuffix(Duration.ofDays(7)));
        assertEquals("36h", AggregateOptions.windowSuffix(Duration.ofHours(36)));
        assertEquals("1h", AggregateOptions.windowSuffix(Duration.ofMinutes(60)));
        assertEquals("90m", AggregateOptions.windowSuffix(Duration.ofMinutes(90)));
        assertEquals("45s", AggregateOptions.windowSuffix(Duration.ofSeconds(45)));
        assertEquals("1500ms", AggregateOptions.windowSuffix(Duration.ofMillis(1500)));
    }

    private static void rejects(String message, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badOptionsAreRejectedByName() {
        AggregateOptions o = AggregateOptions.defaults();
        rejects("windows must not be empty", () -> o.withWindows());
        rejects("window PT0S must be a positive", () -> o.withWindows(Duration.ZERO));
        rejects("window PT-1H must be a positive", () -> o.withWindows(Duration.ofHours(-1)));
        rejects("window PT0.0000005S must be a positive whole number of milliseconds",
                () -> o.withWindows(Duration.ofNanos(500)));
        rejects("window PT24H is listed twice", () -> o.withWindows(Duration.ofDays(1), Duration.ofHours(24)));
        rejects("eventTypes must not be empty", () -> o.withEventTypes());
        rejects("event type view is listed twice", () -> o.withEventTypes(EventType.VIEW, EventType.VIEW));
        rejects("sessionGap must be positive", () -> o.withSessionGap(Duration.ZERO));
        rejects("rateSmoothing must be finite and >= 0, got -1.0", () -> o.withRateSmoothing(-1));
        rejects("rateSmoothing must be finite and >= 0, got NaN", () -> o.withRateSmoothing(Double.NaN));
        rejects("categoryColumn must not be blank", () -> o.withCategoryColumn(" "));
    }
}
