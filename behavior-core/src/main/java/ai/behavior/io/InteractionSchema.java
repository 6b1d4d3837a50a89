package ai.behavior.io;

import ai.behavior.data.EventType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Declares how source columns map to event fields: which columns hold the user, item, event type,
 * timestamp, value, session and item category; how event-type names map to {@link EventType}s; the
 * timestamp format; and the file layout (delimiter, header).
 *
 * <pre>{@code
 * InteractionSchema s = InteractionSchema.builder().user("user_id").item("item_id")
 *         .eventType("behavior_type", Map.of("pv", EventType.VIEW, "buy", EventType.PURCHASE))
 *         .timestamp("timestamp", TimestampFormat.EPOCH_SECONDS).build();
 * }</pre>
 *
 * <p>Without an event-type column every row gets {@link #fixedEventType()}; without a value column every
 * value is {@link #defaultValue()}. With an empty event-type mapping the canonical names
 * ({@link EventType#parse}) are accepted.
 *
 * @param user            user id column (required)
 * @param item            item id column (required)
 * @param eventType       event-type column, if any
 * @param eventTypeNames  exact source name → event type (empty: canonical names)
 * @param fixedEventType  event type when there is no event-type column
 * @param timestamp       timestamp column (required)
 * @param timestampFormat how timestamps are written
 * @param value           value column, if any
 * @param defaultValue    value when there is no value column
 * @param session         session id column, if any
 * @param itemCategory    item category column, if any (gathered into the item attribute table)
 * @param delimiter       field separator
 * @param header          whether the first line names the columns
 * @param stripTypeSuffix whether header names like {@code user_id:token} match {@code user_id} (RecBole
 *                        atomic files)
 */
public record InteractionSchema(ColumnRef user, ColumnRef item, Optional<ColumnRef> eventType,
                                Map<String, EventType> eventTypeNames, EventType fixedEventType,
                                ColumnRef timestamp, TimestampFormat timestampFormat, Optional<ColumnRef> value,
                                float defaultValue, Optional<ColumnRef> session, Optional<ColumnRef> itemCategory,
                                char delimiter, boolean header, boolean stripTypeSuffix) {
    /** Validates the schema. */
    public InteractionSchema {
        Objects.requireNonNull(user, "user column");
        Objects.requireNonNull(item, "item column");
        Objects.requireNonNull(timestamp, "timestamp column");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(fixedEventType, "fixedEventType");
        eventTypeNames = Map.copyOf(eventTypeNames);
        if (!Float.isFinite(defaultValue)) {
            throw new IllegalArgumentException("defaultValue must be finite, got " + defaultValue);
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or line break");
        }
        if (!header && (user.byName() || item.byName() || timestamp.byName()
                || eventType.map(ColumnRef::byName).orElse(false) || value.map(ColumnRef::byName).orElse(false)
                || session.map(ColumnRef::byName).orElse(false)
                || itemCategory.map(ColumnRef::byName).orElse(false))) {
            throw new IllegalArgumentException("columns can be referenced by name only when the file has a header");
        }
    }

    /** A builder: comma-separated with a header, epoch-millisecond timestamps, VIEW events of value 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of a schema. */
    public static final class Builder {
        private ColumnRef user;
        private ColumnRef item;
        private ColumnRef eventType;
        private final Map<String, EventType> names = new LinkedHashMap<>();
        private EventType fixed = EventType.VIEW;
        private ColumnRef timestamp;
        private TimestampFormat format = TimestampFormat.EPOCH_MILLIS;
        private ColumnRef value;
        private float defaultValue = 1f;
        private ColumnRef session;
        private ColumnRef category;
        private char delimiter = ',';
        private boolean header = true;
        private boolean stripTypeSuffix;

        Builder() {
        }

        /** User id column by header name. */
        public Builder user(String column) {
            return user(ColumnRef.named(column));
        }

        /** User id column. */
        public Builder user(ColumnRef column) {
            this.user = column;
            return this;
        }

        /** Item id column by header name. */
        public Builder item(String column) {
            return item(ColumnRef.named(column));
        }

        /** Item id column. */
        public Builder item(ColumnRef column) {
            this.item = column;
            return this;
        }

        /** Event-type column by header name, with canonical event-type names. */
        public Builder eventType(String column) {
            return eventType(ColumnRef.named(column), Map.of());
        }

        /** Event-type column by header name with a source-name mapping. */
        public Builder eventType(String column, Map<String, EventType> mapping) {
            return eventType(ColumnRef.named(column), mapping);
        }

        /** Event-type column with a source-name mapping (empty: canonical names). */
        public Builder eventType(ColumnRef column, Map<String, EventType> mapping) {
            this.eventType = column;
            names.clear();
            names.putAll(mapping);
            return this;
        }

        /** The event type of every row when there is no event-type column. */
        public Builder fixedEventType(EventType type) {
            this.fixed = type;
            return this;
        }

        /** Timestamp column by header name and its format. */
        public Builder timestamp(String column, TimestampFormat f) {
            return timestamp(ColumnRef.named(column), f);
        }

        /** Timestamp column and its format. */
        public Builder timestamp(ColumnRef column, TimestampFormat f) {
            this.timestamp = column;
            this.format = f;
            return this;
        }

        /** Value column by header name. */
        public Builder value(String column) {
            return value(ColumnRef.named(column));
        }

        /** Value column. */
        public Builder value(ColumnRef column) {
            this.value = column;
            return this;
        }

        /** Value of every row when there is no value column. */
        public Builder defaultValue(float v) {
            this.defaultValue = v;
            return this;
        }

        /** Session id column by header name. */
        public Builder session(String column) {
            return session(ColumnRef.named(column));
        }

        /** Session id column. */
        public Builder session(ColumnRef column) {
            this.session = column;
            return this;
        }

        /** Item category column by header name. */
        public Builder itemCategory(String column) {
            return itemCategory(ColumnRef.named(column));
        }

        /** Item category column. */
        public Builder itemCategory(ColumnRef column) {
            this.category = column;
            return this;
        }

        /** Field separator (default comma). */
        public Builder delimiter(char d) {
            this.delimiter = d;
            return this;
        }

        /** Whether the first line is a header (default true). */
        public Builder header(boolean h) {
            this.header = h;
            return this;
        }

        /** Whether {@code name:type} header names match {@code name} (RecBole atomic files). */
        public Builder stripTypeSuffix(boolean strip) {
            this.stripTypeSuffix = strip;
            return this;
        }

        /** The schema. */
        public InteractionSchema build() {
            return new InteractionSchema(user, item, Optional.ofNullable(eventType), names, fixed, timestamp, format,
                    Optional.ofNullable(value), defaultValue, Optional.ofNullable(session),
                    Optional.ofNullable(category), delimiter, header, stripTypeSuffix);
        }
    }
}
