package ai.behavior.feature.time;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;

/**
 * A behaviour log as a {@link FeatureFrame} with one row per event (in log order), so a pipeline can be
 * fitted on events directly: calendar features of the timestamp, embeddings of user and item, and so on.
 *
 * <pre>{@code
 * FeatureFrame events = EventFrames.of(train);
 * Pipeline.builder().add("when", CalendarFeatures.of(EventFrames.TIMESTAMP)).build().fit(events);
 * }</pre>
 *
 * <p>Columns: {@value #USER} and {@value #ITEM} (categorical, sharing the log's user and item
 * {@link IdIndex} as vocabularies, so a code is the log's dense index), {@value #TYPE} (categorical over
 * {@link #eventTypes()}, code = {@link EventType#ordinal()}), {@value #TIMESTAMP} (epoch ms), {@value #VALUE}
 * (numeric), {@value #SECONDS_SINCE_PREVIOUS} (numeric, from {@link TimeGaps}; NaN at each user's first event,
 * the frame's mark of a missing value, so the consuming transform's declared missing policy decides what it
 * becomes) and, when the log has sessions, {@value #SESSION} (categorical over the log's session ids, -1 for
 * rows without one). The frame has no row keys: events are not unique by any id.
 */
public final class EventFrames {
    /** User column. */
    public static final String USER = "user";
    /** Item column. */
    public static final String ITEM = "item";
    /** Event-type column. */
    public static final String TYPE = "type";
    /** Timestamp column. */
    public static final String TIMESTAMP = "timestamp";
    /** Value column. */
    public static final String VALUE = "value";
    /** Seconds since the same user's previous event. */
    public static final String SECONDS_SINCE_PREVIOUS = "seconds_since_previous";
    /** Session column (only when the log has sessions). */
    public static final String SESSION = "session";

    private static final IdIndex EVENT_TYPES;

    static {
        EventType[] types = EventType.values();
        String[] labels = new String[types.length];
        for (EventType t : types) {
            labels[t.ordinal()] = t.label();
        }
        EVENT_TYPES = IdIndex.of(labels);
    }

    private EventFrames() {
    }

    /**
     * The vocabulary of event-type columns: the lower-case labels of {@link EventType}, index = ordinal (so a
     * log's type code is the column's code).
     */
    public static IdIndex eventTypes() {
        return EVENT_TYPES;
    }

    /** One frame row per event of {@code log}, in log order. */
    public static FeatureFrame of(Interactions log) {
        int n = log.size();
        int[] types = new int[n];
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
            types[r] = log.typeCode(r);
            values[r] = log.value(r);
        }
        FeatureFrame.Builder b = FeatureFrame.builder(n)
                .categorical(USER, log.userColumn(), log.users())
                .categorical(ITEM, log.itemColumn(), log.items())
                .categorical(TYPE, types, EVENT_TYPES)
                .timestamps(TIMESTAMP, log.timestampColumn())
                .numeric(VALUE, values)
                .numeric(SECONDS_SINCE_PREVIOUS, TimeGaps.secondsSincePrevious(log).column(Double.NaN));
        if (log.hasSessions()) {
            b.categorical(SESSION, log.sessionColumn(), log.sessions());
        }
        return b.build();
    }
}
