package ai.behavior.spark;

import ai.behavior.data.EventType;
import ai.behavior.io.ColumnRef;
import ai.behavior.io.InteractionSchema;
import ai.behavior.io.TimestampFormat;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Which DataFrame columns hold an event's user, item, event type, timestamp and value: the DataFrame
 * counterpart of {@link InteractionSchema}, with the same names and defaults (no event-type column: every row
 * is {@link #fixedEventType()}; no value column: every value is {@link #defaultValue()}; an empty name
 * mapping accepts the canonical names of {@link EventType#parse}).
 *
 * <pre>{@code
 * EventColumns cols = EventColumns.of("user_id", "item_id").withEventType("behavior", Map.of("pv", EventType.VIEW))
 *         .withTimestamp("ts", TimestampFormat.EPOCH_SECONDS).withValue("price");
 * }</pre>
 *
 * <p>Timestamps may be Spark {@code timestamp} / {@code date} columns (read as instants), numbers (in the
 * declared epoch unit) or strings (parsed as the CSV reader parses them). It travels to the executors inside
 * Spark's task closures, so it is {@link Serializable} (Spark's own mechanism; nothing here is written to disk).
 *
 * @param user            user id column (any type; its string form is the id)
 * @param item            item id column
 * @param eventType       event-type column, or {@code null} for none
 * @param eventTypeNames  exact source name → event type (empty: canonical names)
 * @param fixedEventType  event type when there is no event-type column
 * @param timestamp       timestamp column, or {@code null} (every timestamp is then 0)
 * @param timestampFormat how numeric or text timestamps are written
 * @param value           value column, or {@code null} for none
 * @param defaultValue    value when there is no value column, finite
 */
public record EventColumns(String user, String item, String eventType, Map<String, EventType> eventTypeNames,
                           EventType fixedEventType, String timestamp, TimestampFormat timestampFormat, String value,
                           float defaultValue) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates the mapping. */
    public EventColumns {
        requireName("user", user);
        requireName("item", item);
        Objects.requireNonNull(fixedEventType, "fixedEventType");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        eventTypeNames = Map.copyOf(Objects.requireNonNull(eventTypeNames, "eventTypeNames"));
        if (!Float.isFinite(defaultValue)) {
            throw new IllegalArgumentException("defaultValue must be finite, got " + defaultValue);
        }
    }

    /** User and item columns only: VIEW events of value 1 at time 0 (as {@link InteractionSchema#builder()}). */
    public static EventColumns of(String user, String item) {
        return new EventColumns(user, item, null, Map.of(), EventType.VIEW, null, TimestampFormat.EPOCH_MILLIS, null,
                1f);
    }

    /**
     * The same mapping as a reader's schema; its columns must be referenced by name.
     *
     * @throws IllegalArgumentException if a column is referenced by position
     */
    public static EventColumns from(InteractionSchema schema) {
        return new EventColumns(name(schema.user()), name(schema.item()),
                schema.eventType().map(EventColumns::name).orElse(null), schema.eventTypeNames(),
                schema.fixedEventType(), name(schema.timestamp()), schema.timestampFormat(),
                schema.value().map(EventColumns::name).orElse(null), schema.defaultValue());
    }

    /** A copy reading event types from {@code column}, canonical names. */
    public EventColumns withEventType(String column) {
        return withEventType(column, Map.of());
    }

    /** A copy reading event types from {@code column} through {@code names} (empty: canonical names). */
    public EventColumns withEventType(String column, Map<String, EventType> names) {
        return new EventColumns(user, item, column, names, fixedEventType, timestamp, timestampFormat, value,
                defaultValue);
    }

    /** A copy where every row is {@code type} (no event-type column). */
    public EventColumns withFixedEventType(EventType type) {
        return new EventColumns(user, item, null, Map.of(), type, timestamp, timestampFormat, value, defaultValue);
    }

    /** A copy reading timestamps from {@code column} in {@code format}. */
    public EventColumns withTimestamp(String column, TimestampFormat format) {
        return new EventColumns(user, item, eventType, eventTypeNames, fixedEventType, column, format, value,
                defaultValue);
    }

    /** A copy reading values from {@code column}. */
    public EventColumns withValue(String column) {
        return new EventColumns(user, item, eventType, eventTypeNames, fixedEventType, timestamp, timestampFormat,
                column, defaultValue);
    }

    /** A copy with another value for rows when there is no value column. */
    public EventColumns withDefaultValue(float v) {
        return new EventColumns(user, item, eventType, eventTypeNames, fixedEventType, timestamp, timestampFormat,
                value, v);
    }

    private static void requireName(String what, String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException(what + " column name must not be blank");
        }
    }

    private static String name(ColumnRef ref) {
        if (!ref.byName()) {
            throw new IllegalArgumentException("a DataFrame column must be referenced by name, got column " + ref);
        }
        return ref.name();
    }
}
