package ai.behavior.io;

import ai.behavior.data.Interactions;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a log as CSV in the SDK's plain layout: {@code user_id,item_id,event_type,timestamp,value} (plus
 * {@code session_id} when the log has sessions), timestamps in epoch milliseconds, event types by their
 * canonical names. {@link #schema(boolean)} reads it back.
 *
 * <pre>{@code
 * InteractionsCsvWriter.write(log, Path.of("events.csv"));
 * Interactions again = CsvInteractionReader.read(Path.of("events.csv"), InteractionsCsvWriter.schema(false)).interactions();
 * }</pre>
 */
public final class InteractionsCsvWriter {
    private InteractionsCsvWriter() {
    }

    /** The schema of a file this class wrote. */
    public static InteractionSchema schema(boolean withSessions) {
        InteractionSchema.Builder b = InteractionSchema.builder().user("user_id").item("item_id")
                .eventType("event_type").timestamp("timestamp", TimestampFormat.EPOCH_MILLIS).value("value");
        return withSessions ? b.session("session_id").build() : b.build();
    }

    /** Writes {@code log} to {@code file} (UTF-8, LF line ends). */
    public static void write(Interactions log, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(log, w);
        }
    }

    /** Writes {@code log} to {@code out} (not closed). */
    public static void write(Interactions log, Writer out) throws IOException {
        boolean sessions = log.hasSessions();
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        if (sessions) {
            csv.writeRecord("user_id", "item_id", "event_type", "timestamp", "value", "session_id");
        } else {
            csv.writeRecord("user_id", "item_id", "event_type", "timestamp", "value");
        }
        String[] labels = new String[ai.behavior.data.EventType.values().length];
        for (ai.behavior.data.EventType t : ai.behavior.data.EventType.values()) {
            labels[t.ordinal()] = t.label();
        }
        for (int r = 0; r < log.size(); r++) {
            String user = log.users().id(log.user(r));
            String item = log.items().id(log.item(r));
            String type = labels[log.typeCode(r)];
            String ts = Long.toString(log.timestamp(r));
            String value = Float.toString(log.value(r));
            if (sessions) {
                int s = log.session(r);
                csv.writeRecord(user, item, type, ts, value, s < 0 ? "" : log.sessions().id(s));
            } else {
                csv.writeRecord(user, item, type, ts, value);
            }
        }
        csv.flush();
    }
}
