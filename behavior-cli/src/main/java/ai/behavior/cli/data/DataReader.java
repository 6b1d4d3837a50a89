package ai.behavior.cli.data;

import ai.behavior.cli.UsageException;
import ai.behavior.io.AttributeTableReader;
import ai.behavior.io.ColumnRef;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionSchema;
import ai.behavior.io.MalformedRowException;
import ai.behavior.io.MovieLens;
import ai.behavior.io.ReadOptions;
import ai.behavior.io.ReadPolicy;
import ai.behavior.io.ReadResult;
import ai.behavior.io.TaobaoUserBehavior;
import ai.behavior.io.TimestampFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the command line's data files: event logs in any {@link DataFormat}, and attribute tables.
 *
 * <pre>{@code
 * LoadedData d = DataReader.read(Path.of("events.csv"), DataFormat.CSV, SchemaSettings.none(), false, "--data");
 * AttributeTable users = DataReader.attributes(Path.of("users.csv"), false, "--users").table();
 * }</pre>
 *
 * <p>A missing file is a {@link NoSuchFileException} naming the flag; a malformed row is the reader's
 * {@link MalformedRowException} (file, line, column, text) unless {@code skipBadRows}, when it is counted in the
 * report instead.
 */
public final class DataReader {
    private DataReader() {
    }

    /**
     * Reads an event log.
     *
     * @param flag the flag that named the path, for messages (e.g. {@code "--data"})
     */
    public static LoadedData read(Path path, DataFormat format, SchemaSettings schema, boolean skipBadRows, String flag)
            throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, flag + ": no such file or folder");
        }
        if (format != DataFormat.CSV && schema.customised()) {
            throw new UsageException("column options (--user-col, --delimiter, ...) apply to --format csv "
                    + "only; " + format + " files have a fixed layout");
        }
        ReadOptions options = ReadOptions.defaults().withPolicy(skipBadRows ? ReadPolicy.SKIP : ReadPolicy.FAIL);
        Path file = path;
        InteractionSchema s;
        String name = path.toAbsolutePath().normalize().getFileName().toString();
        if (format == DataFormat.MOVIELENS) {
            file = Files.isDirectory(path) ? path.resolve(name + ".inter") : path;
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, flag + ": a MovieLens folder must hold "
                        + name + ".inter (RecBole atomic files)");
            }
            s = MovieLens.interactionSchema();
        } else {
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString(), null, flag + ": expected a file, found a folder");
            }
            s = format == DataFormat.TAOBAO ? taobaoSchema(path) : csvSchema(path, schema);
        }
        ReadResult r = CsvInteractionReader.read(file, s, options);
        return new LoadedData(name, path, format, r.interactions(), r.report(), r.items());
    }

    /**
     * Reads a user or item attribute table: a CSV file with a header whose first column is the key; columns typed
     * {@code name:float} are numeric, the others categorical (as {@code generate} writes them).
     */
    public static AttributeTableReader.TableReadResult attributes(Path path, boolean skipBadRows, String flag)
            throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, flag + ": no such file");
        }
        List<String> header = headerFields(path, ',');
        if (header.isEmpty() || header.get(0).isBlank()) {
            throw new MalformedRowException(path.getFileName() + ":1: the attribute table has no header line");
        }
        String key = header.get(0).strip();
        int colon = key.indexOf(':');
        key = colon > 0 ? key.substring(0, colon) : key;
        return AttributeTableReader.read(path, ',', key, Map.of(),
                ReadOptions.defaults().withPolicy(skipBadRows ? ReadPolicy.SKIP : ReadPolicy.FAIL));
    }

    private static InteractionSchema taobaoSchema(Path path) throws IOException {
        List<String> first = headerFields(path, ',');
        return !first.isEmpty() && first.get(0).strip().equals("user_id") ? TaobaoUserBehavior.schema()
                : TaobaoUserBehavior.headerlessSchema();
    }

    /** The SDK layout, adjusted by the settings; optional columns are used when the header has them. */
    static InteractionSchema csvSchema(Path path, SchemaSettings s) throws IOException {
        List<String> first = headerFields(path, s.delimiter());
        InteractionSchema.Builder b = InteractionSchema.builder().delimiter(s.delimiter()).header(s.header());
        b.user(column(s.user(), "user_id", 0, s.header(), "--user-col"));
        b.item(column(s.item(), "item_id", 1, s.header(), "--item-col"));
        b.timestamp(column(s.timestamp(), "timestamp", 3, s.header(), "--time-col"),
                s.timeFormat() == null ? TimestampFormat.EPOCH_MILLIS : s.timeFormat());
        ColumnRef event = optional(s.event(), "event_type", 2, s.header(), "--event-col", first);
        if (event != null) {
            b.eventType(event, s.eventNames());
        } else if (!s.eventNames().isEmpty()) {
            throw new UsageException("--event-map needs an event-type column: the header has no "
                    + "'event_type'; name it with --event-col");
        }
        ColumnRef value = optional(s.value(), "value", 4, s.header(), "--value-col", first);
        if (value != null) {
            b.value(value);
        }
        ColumnRef session = optional(s.session(), "session_id", 5, s.header(), "--session-col", first);
        if (session != null) {
            b.session(session);
        }
        if (s.category() != null) {
            b.itemCategory(column(s.category(), null, -1, s.header(), "--category-col"));
        }
        return b.build();
    }

    private static ColumnRef column(String given, String defaultName, int defaultIndex, boolean header, String flag) {
        if (given == null) {
            return header ? ColumnRef.named(defaultName) : ColumnRef.at(defaultIndex);
        }
        if (header) {
            return ColumnRef.named(given);
        }
        try {
            return ColumnRef.at(Integer.parseInt(given.strip()));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + ": without a header, columns are 0-based positions like 0, got '"
                    + given + "'");
        }
    }

    /** An explicit column, or the default when the file has it (by header name, or enough fields). */
    private static ColumnRef optional(String given, String defaultName, int defaultIndex, boolean header, String flag,
                                      List<String> first) {
        if (given != null) {
            return column(given, defaultName, defaultIndex, header, flag);
        }
        if (header) {
            return first.stream().anyMatch(h -> h.strip().equals(defaultName)) ? ColumnRef.named(defaultName) : null;
        }
        return first.size() > defaultIndex ? ColumnRef.at(defaultIndex) : null;
    }

    /** The fields of the first line (a byte-order mark removed), split naively on the delimiter. */
    private static List<String> headerFields(Path path, char delimiter) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            List<String> out = new ArrayList<>();
            if (line == null) {
                return out;
            }
            line = line.replace("\uFEFF", "");
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == delimiter) {
                    String f = line.substring(start, i).strip();
                    boolean quoted = f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"");
                    out.add(quoted ? f.substring(1, f.length() - 1) : f);
                    start = i + 1;
                }
            }
            return out;
        }
    }
}
