package ai.behavior.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a behaviour log from any JDBC source with a SQL query, using the same {@link InteractionSchema} and
 * bad-row policy as the CSV reader. Columns are matched by the query's column labels.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url)) {
 *     ReadResult r = JdbcInteractionReader.read(c, "SELECT user_id, item_id, behavior, ts FROM events", schema);
 * }
 * }</pre>
 *
 * <p>A SQL {@code TIMESTAMP}/{@code DATE} timestamp column is taken as an instant (the driver's conversion);
 * a numeric or text one is parsed in the schema's {@link TimestampFormat}. SQL {@code NULL} in an id,
 * event-type or timestamp column is a row problem; in a value column it is too, since a missing value must be
 * declared, not guessed. Problems name the query (shortened), the 1-based result row and the column.
 */
public final class JdbcInteractionReader {
    private static final int FETCH_SIZE = 10_000;

    private JdbcInteractionReader() {
    }

    /** Runs {@code sql} with the default options. */
    public static ReadResult read(Connection connection, String sql, InteractionSchema schema)
            throws java.io.IOException, SQLException {
        return read(connection, sql, schema, ReadOptions.defaults());
    }

    /** Runs {@code sql} and reads every row. */
    public static ReadResult read(Connection connection, String sql, InteractionSchema schema, ReadOptions options)
            throws java.io.IOException, SQLException {
        long start = System.nanoTime();
        String source = "query[" + (sql.length() > 60 ? sql.substring(0, 57) + "..." : sql) + "]";
        EventRowAssembler rows = new EventRowAssembler(schema, source, options);
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<String> labels = new ArrayList<>(n);
                boolean[] isTime = new boolean[n];
                for (int c = 1; c <= n; c++) {
                    labels.add(meta.getColumnLabel(c));
                    int t = meta.getColumnType(c);
                    isTime[c - 1] = t == Types.TIMESTAMP || t == Types.TIMESTAMP_WITH_TIMEZONE || t == Types.DATE;
                }
                if (schema.header()) {
                    rows.useHeader(labels);
                } else {
                    rows.usePositions();
                }
                long rowNumber = 0;
                char[] scratch = new char[64];
                while (rs.next()) {
                    rowNumber++;
                    rows.beginRow(rowNumber);
                    for (int c = 1; c <= n; c++) {
                        String text = isTime[c - 1] ? instantText(rs.getTimestamp(c), schema) : rs.getString(c);
                        if (text == null) {
                            text = "";
                        }
                        if (scratch.length < text.length()) {
                            scratch = new char[text.length() * 2];
                        }
                        text.getChars(0, text.length(), scratch, 0);
                        rows.field(scratch, 0, text.length());
                    }
                    rows.endRow();
                }
            }
        }
        return rows.finish((System.nanoTime() - start) / 1e9, 0);
    }

    /** A SQL timestamp rendered in the schema's format, so one parser handles every source. */
    private static String instantText(Timestamp ts, InteractionSchema schema) {
        if (ts == null) {
            return null;
        }
        long millis = ts.getTime();
        return switch (schema.timestampFormat()) {
            case EPOCH_MILLIS -> Long.toString(millis);
            case EPOCH_SECONDS -> java.math.BigDecimal.valueOf(millis, 3).toPlainString();
            case ISO_8601 -> ts.toInstant().toString();
        };
    }
}
