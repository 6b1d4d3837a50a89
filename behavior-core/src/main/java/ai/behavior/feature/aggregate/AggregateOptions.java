package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the aggregates in this package compute: the look-back windows, the event types that are counted, how
 * a log without sessions is cut into sessions, how conversion rates are smoothed, and the optional dwell and
 * per-category columns. Immutable; {@link #defaults()} and the {@code with...} methods make variants.
 *
 * <pre>{@code
 * AggregateOptions o = AggregateOptions.defaults().withWindows(Duration.ofDays(7), Duration.ofDays(28));
 * FeatureFrame users = UserAggregates.compute(log, cutoff, o.withRateSmoothing(5));
 * }</pre>
 *
 * @param windows        look-back windows, each counting the events in {@code [cutoff - window, cutoff)};
 *                       sorted shortest first, distinct, positive (default 1, 7 and 30 days)
 * @param eventTypes     the event types that get count columns and that define "interacted with" for
 *                       distinct items, categories and users; sorted by {@link EventType#ordinal()}, distinct,
 *                       not empty (default VIEW, CLICK, FAVOURITE, CART, PURCHASE)
 * @param sessionGap     when the log has no session ids (or a row has none), a user's next event starts a new
 *                       session if it comes more than this after the previous one (default 30 minutes)
 * @param rateSmoothing  pseudo-count {@code k >= 0} of conversion rates: {@code (num + k * p) / (den + k)}
 *                       with {@code p} the pooled rate of all rows before the cut-off; 0 (the default) gives the
 *                       plain ratio, NaN when the denominator is 0
 * @param dwell          whether to add dwell columns from the VIEW value (the dwell seconds in the synthetic
 *                       shop); turn it off for sources whose VIEW value is a constant default (default true)
 * @param categoryCounts whether {@link UserAggregates} adds one count column per category and counted event
 *                       type (needs an items table; default false)
 * @param categoryColumn the categorical column of the items table that holds the category (default
 *                       {@code "category"})
 */
public record AggregateOptions(List<Duration> windows, List<EventType> eventTypes, Duration sessionGap,
                               double rateSmoothing, boolean dwell, boolean categoryCounts, String categoryColumn) {

    /**
     * Validates and normalises the options (windows sorted, event types in ordinal order).
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    public AggregateOptions {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(eventTypes, "eventTypes");
        Objects.requireNonNull(sessionGap, "sessionGap");
        Objects.requireNonNull(categoryColumn, "categoryColumn");
        windows = normaliseWindows(windows);
        eventTypes = normaliseTypes(eventTypes);
        if (sessionGap.isNegative() || sessionGap.isZero()) {
            throw new IllegalArgumentException("sessionGap must be positive, got " + sessionGap);
        }
        if (!Double.isFinite(rateSmoothing) || rateSmoothing < 0) {
            throw new IllegalArgumentException("rateSmoothing must be finite and >= 0, got " + rateSmoothing);
        }
        if (categoryColumn.isBlank()) {
            throw new IllegalArgumentException("categoryColumn must not be blank");
        }
    }

    /** Windows of 1, 7 and 30 days; VIEW, CLICK, FAVOURITE, CART and PURCHASE; 30-minute sessions. */
    public static AggregateOptions defaults() {
        return new AggregateOptions(List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)),
                List.of(EventType.VIEW, EventType.CLICK, EventType.FAVOURITE, EventType.CART, EventType.PURCHASE),
                Duration.ofMinutes(30), 0, true, false, "category");
    }

    /** A copy with these look-back windows. */
    public AggregateOptions withWindows(Duration... value) {
        return new AggregateOptions(Arrays.asList(value), eventTypes, sessionGap, rateSmoothing, dwell, categoryCounts,
                categoryColumn);
    }

    /** A copy that counts these event types. */
    public AggregateOptions withEventTypes(EventType... value) {
        return new AggregateOptions(windows, Arrays.asList(value), sessionGap, rateSmoothing, dwell, categoryCounts,
                categoryColumn);
    }

    /** A copy with this inactivity gap between inferred sessions. */
    public AggregateOptions withSessionGap(Duration value) {
        return new AggregateOptions(windows, eventTypes, value, rateSmoothing, dwell, categoryCounts, categoryColumn);
    }

    /** A copy whose conversion rates are smoothed towards the pooled rate with pseudo-count {@code k}. */
    public AggregateOptions withRateSmoothing(double k) {
        return new AggregateOptions(windows, eventTypes, sessionGap, k, dwell, categoryCounts, categoryColumn);
    }

    /** A copy with the dwell columns on or off. */
    public AggregateOptions withDwell(boolean value) {
        return new AggregateOptions(windows, eventTypes, sessionGap, rateSmoothing, value, categoryCounts,
                categoryColumn);
    }

    /** A copy with the per-category count columns of {@link UserAggregates} on or off. */
    public AggregateOptions withCategoryCounts(boolean value) {
        return new AggregateOptions(windows, eventTypes, sessionGap, rateSmoothing, dwell, value, categoryColumn);
    }

    /** A copy that reads the category from this column of the items table. */
    public AggregateOptions withCategoryColumn(String value) {
        return new AggregateOptions(windows, eventTypes, sessionGap, rateSmoothing, dwell, categoryCounts, value);
    }

    /**
     * The column-name suffix of a window in its largest whole unit: {@code "7d"}, {@code "12h"}, {@code "30m"},
     * {@code "90s"} or {@code "1500ms"}.
     */
    public static String windowSuffix(Duration window) {
        long ms = window.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        throw new AssertionError("every millisecond count is divisible by 1");
    }

    private static List<Duration> normaliseWindows(Collection<Duration> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("windows must not be empty");
        }
        List<Duration> sorted = new ArrayList<>();
        for (Duration w : windows) {
            Objects.requireNonNull(w, "a window is null");
            if (w.toMillis() <= 0 || w.toNanos() % 1_000_000 != 0) {
                throw new IllegalArgumentException("window " + w + " must be a positive whole number of milliseconds");
            }
            sorted.add(w);
        }
        sorted.sort(Comparator.naturalOrder());
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException("window " + sorted.get(i) + " is listed twice");
            }
        }
        return List.copyOf(sorted);
    }

    private static List<EventType> normaliseTypes(Collection<EventType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("eventTypes must not be empty");
        }
        boolean[] seen = new boolean[EventType.values().length];
        for (EventType t : types) {
            Objects.requireNonNull(t, "an event type is null");
            if (seen[t.ordinal()]) {
                throw new IllegalArgumentException("event type " + t.label() + " is listed twice");
            }
            seen[t.ordinal()] = true;
        }
        List<EventType> out = new ArrayList<>();
        for (EventType t : EventType.values()) {
            if (seen[t.ordinal()]) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
