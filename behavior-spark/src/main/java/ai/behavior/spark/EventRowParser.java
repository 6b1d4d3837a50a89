package ai.behavior.spark;

import ai.behavior.data.EventType;
import ai.behavior.io.TimestampFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one event from one {@link Row} under an {@link EventColumns} mapping, with the column positions
 * resolved once against the DataFrame's schema. A bad field yields a problem text (reason, column and value)
 * instead of an event; the caller applies the read policy. Serializable: it travels inside task closures.
 */
final class EventRowParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reasons, the keys of {@link ConversionReport#skippedByReason()}. */
    static final String NULL_ID = "null id";
    static final String BAD_EVENT_TYPE = "unknown event type";
    static final String BAD_TIMESTAMP = "bad timestamp";
    static final String BAD_VALUE = "bad value";

    private final EventColumns cols;
    private final int user;
    private final int item;
    private final int type;
    private final int time;
    private final int value;

    // the fields of the last parsed row (valid when parse returned null)
    String userId;
    String itemId;
    EventType eventType;
    long millis;
    float eventValue;
    String reason;

    private EventRowParser(EventColumns cols, int user, int item, int type, int time, int value) {
        this.cols = cols;
        this.user = user;
        this.item = item;
        this.type = type;
        this.time = time;
        this.value = value;
    }

    /**
     * Resolves the mapping's columns in {@code schema}.
     *
     * @throws IllegalArgumentException naming a mapped column the DataFrame lacks, and the columns it has
     */
    static EventRowParser of(EventColumns cols, StructType schema) {
        return new EventRowParser(cols, index(schema, cols.user()), index(schema, cols.item()),
                cols.eventType() == null ? -1 : index(schema, cols.eventType()),
                cols.timestamp() == null ? -1 : index(schema, cols.timestamp()),
                cols.value() == null ? -1 : index(schema, cols.value()));
    }

    private static int index(StructType schema, String column) {
        String[] names = schema.fieldNames();
        int i = Arrays.asList(names).indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("the DataFrame has no column '" + column + "'; its columns are "
                    + Arrays.toString(names));
        }
        return i;
    }

    /** A fresh copy for one partition (the parser keeps the last row's fields). */
    EventRowParser copy() {
        return new EventRowParser(cols, user, item, type, time, value);
    }

    /** Parses {@code row}: null when it is an event (fields set), else the problem in words ({@link #reason} set). */
    String parse(Row row) {
        Object u = row.get(user);
        if (u == null) {
            return problem(NULL_ID, cols.user(), null);
        }
        Object i = row.get(item);
        if (i == null) {
            return problem(NULL_ID, cols.item(), null);
        }
        userId = u.toString();
        itemId = i.toString();
        if (type < 0) {
            eventType = cols.fixedEventType();
        } else {
            Object t = row.get(type);
            eventType = t == null ? null : eventType(t.toString());
            if (eventType == null) {
                return problem(BAD_EVENT_TYPE, cols.eventType(), t);
            }
        }
        if (time < 0) {
            millis = 0L;
        } else {
            Object t = row.get(time);
            Long ms = t == null ? null : millis(t, cols.timestampFormat());
            if (ms == null) {
                return problem(BAD_TIMESTAMP, cols.timestamp(), t);
            }
            millis = ms;
        }
        if (value < 0) {
            eventValue = cols.defaultValue();
        } else {
            Object v = row.get(value);
            eventValue = v instanceof Number n ? n.floatValue() : v instanceof String t ? number(t) : Float.NaN;
            if (!Float.isFinite(eventValue)) {
                return problem(BAD_VALUE, cols.value(), v);
            }
        }
        return null;
    }

    /** A numeric text (as a CSV-backed DataFrame holds values), NaN when it is not one. */
    private static float number(String text) {
        try {
            return Float.parseFloat(text.trim());
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    private String problem(String why, String column, Object found) {
        reason = why;
        String shown = found == null ? "null" : "'" + found + "'";
        return why + ": column '" + column + "' has " + shown;
    }

    private EventType eventType(String text) {
        if (cols.eventTypeNames().isEmpty()) {
            try {
                return EventType.parse(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return cols.eventTypeNames().get(text);
    }

    /** Epoch milliseconds of a timestamp field, or null when it cannot be read. */
    static Long millis(Object t, TimestampFormat format) {
        if (t instanceof java.sql.Timestamp ts) {
            return ts.getTime();
        }
        if (t instanceof Instant in) {
            return in.toEpochMilli();
        }
        if (t instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (t instanceof Number n) {
            return epoch(n.doubleValue(), n instanceof Long || n instanceof Integer ? n.longValue() : null, format);
        }
        if (t instanceof String s) {
            String text = s.trim();
            if (format == TimestampFormat.ISO_8601) {
                return iso(text);
            }
            try {
                return epoch(Double.parseDouble(text), null, format);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long epoch(double v, Long exact, TimestampFormat format) {
        if (format == TimestampFormat.ISO_8601 || !Double.isFinite(v)) {
            return null;
        }
        long unit = format == TimestampFormat.EPOCH_SECONDS ? 1000L : 1L;
        if (exact != null) {
            return Math.multiplyExact(exact, unit);
        }
        return Math.round(v * unit);
    }

    private static Long iso(String s) {
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (RuntimeException ignored) {
            // not an instant: try the other ISO shapes the CSV reader accepts
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (RuntimeException ignored) {
            // no offset
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException ignored) {
            // no time
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EventRowParser[%s]", cols);
    }
}
