package ai.behavior.cli.data;

import ai.behavior.data.EventType;
import ai.behavior.io.TimestampFormat;

import java.util.Map;

/**
 * The column choices of a {@code --format csv} file given on the command line; {@code null} fields take the
 * SDK layout's defaults ({@code user_id}, {@code item_id}, {@code event_type}, {@code timestamp} in epoch
 * milliseconds, {@code value}, {@code session_id}; optional columns are used when the header has them).
 *
 * <pre>{@code
 * SchemaSettings s = new SchemaSettings("uid", "sku", "action", "ts", TimestampFormat.EPOCH_SECONDS,
 *         null, null, null, ',', true, Map.of("pv", EventType.VIEW));
 * }</pre>
 *
 * @param user       user id column (name, or 0-based position without a header)
 * @param item       item id column
 * @param event      event-type column
 * @param timestamp  timestamp column
 * @param timeFormat how timestamps are written
 * @param value      value column
 * @param session    session id column
 * @param category   item category column
 * @param delimiter  field separator
 * @param header     whether the first line names the columns
 * @param eventNames source event name to event type (empty: canonical names such as {@code view})
 */
public record SchemaSettings(String user, String item, String event, String timestamp, TimestampFormat timeFormat,
                             String value, String session, String category, char delimiter, boolean header,
                             Map<String, EventType> eventNames) {
    /** Copies the mapping. */
    public SchemaSettings {
        eventNames = eventNames == null ? Map.of() : Map.copyOf(eventNames);
    }

    /** The SDK layout with every default. */
    public static SchemaSettings none() {
        return new SchemaSettings(null, null, null, null, null, null, null, null, ',', true, Map.of());
    }

    /** Whether any choice differs from the defaults (only {@code --format csv} accepts choices). */
    public boolean customised() {
        return user != null || item != null || event != null || timestamp != null || timeFormat != null
                || value != null || session != null || category != null || delimiter != ',' || !header
                || !eventNames.isEmpty();
    }
}
