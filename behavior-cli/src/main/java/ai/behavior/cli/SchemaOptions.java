package ai.behavior.cli;

import ai.behavior.cli.data.DataFormat;
import ai.behavior.cli.data.DataReader;
import ai.behavior.cli.data.LoadedData;
import ai.behavior.cli.data.SchemaSettings;
import ai.behavior.data.AttributeTable;
import ai.behavior.io.AttributeTableReader;
import ai.behavior.io.TimestampFormat;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The flags that say how data files are laid out, shared by every command that reads events: the format, the
 * columns of a CSV file, and what to do with malformed rows.
 *
 * <pre>{@code
 * @ArgGroup(validate = false, heading = SchemaOptions.HEADING) SchemaOptions schema = new SchemaOptions();
 * LoadedData data = schema.read(path, "--data");
 * }</pre>
 */
public final class SchemaOptions {
    /** The heading of these flags in {@code --help}. */
    public static final String HEADING = "%nData layout (--format csv unless said otherwise; see docs/cli.md):%n";

    @Option(names = "--format", paramLabel = "FORMAT", converter = ValueConverters.FormatConverter.class,
            description = "csv (default), movielens (a RecBole atomic-file folder) or taobao (UserBehavior CSV)")
    DataFormat format = DataFormat.CSV;

    @Option(names = "--user-col", paramLabel = "COLUMN",
            description = "user id column (csv; default user_id, or position 0 with --no-header)")
    String user;

    @Option(names = "--item-col", paramLabel = "COLUMN", description = "item id column (csv; default item_id)")
    String item;

    @Option(names = "--event-col", paramLabel = "COLUMN",
            description = "event type column (csv; default event_type when the header has it, else every row is a "
                    + "view)")
    String event;

    @Option(names = "--time-col", paramLabel = "COLUMN", description = "timestamp column (csv; default timestamp)")
    String time;

    @Option(names = "--time-format", paramLabel = "FORMAT", converter = ValueConverters.TimeFormatConverter.class,
            description = "millis (default), seconds or iso")
    TimestampFormat timeFormat;

    @Option(names = "--value-col", paramLabel = "COLUMN",
            description = "value column (csv; default value when the header has it, else 1)")
    String value;

    @Option(names = "--session-col", paramLabel = "COLUMN",
            description = "session id column (csv; default session_id when the header has it)")
    String session;

    @Option(names = "--category-col", paramLabel = "COLUMN",
            description = "item category column (csv; none by default)")
    String category;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = ValueConverters.DelimiterConverter.class,
            description = "field separator (csv; default ,; 'tab' for tab)")
    char delimiter = ',';

    @Option(names = "--no-header", description = "the csv file has no header line (columns are then 0-based positions)")
    boolean noHeader;

    @Option(names = "--event-map", paramLabel = "NAME=TYPE[,NAME=TYPE...]",
            converter = ValueConverters.EventMapConverter.class,
            description = "source event names to event types, e.g. pv=view,buy=purchase (csv; default: the "
                    + "canonical names view, click, impression, search, favourite, cart, purchase, rating)")
    ValueConverters.EventNames eventMap;

    @Option(names = "--skip-bad-rows",
            description = "skip malformed rows and count them by reason instead of stopping at the first one")
    boolean skipBadRows;

    /** The column choices as settings for the reader. */
    public SchemaSettings settings() {
        return new SchemaSettings(user, item, event, time, timeFormat, value, session, category, delimiter, !noHeader,
                eventMap == null ? Map.of() : eventMap.names());
    }

    /** Reads an event log named by {@code flag}. */
    public LoadedData read(Path path, String flag) throws IOException {
        return DataReader.read(path, format, settings(), skipBadRows, flag);
    }

    /**
     * Reads an attribute table named by {@code flag}, or returns null when {@code path} is null; rows skipped under
     * {@code --skip-bad-rows} are reported on {@code out}.
     */
    public AttributeTable attributes(Path path, String flag, PrintWriter out) throws IOException {
        if (path == null) {
            return null;
        }
        AttributeTableReader.TableReadResult r = DataReader.attributes(path, skipBadRows, flag);
        if (r.report().rowsSkipped() > 0) {
            out.println("note: " + flag + " " + r.report().summary());
        }
        return r.table();
    }
}
