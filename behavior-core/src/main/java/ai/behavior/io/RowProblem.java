package ai.behavior.io;

/**
 * One malformed row: where it is, which column, the offending text and why it was rejected.
 *
 * <pre>{@code
 * ReadOptions.defaults().withPolicy(ReadPolicy.SKIP).withSkipListener(p -> log.warn(p.toString()));
 * // events.csv:17:4 (timestamp): bad timestamp '2017-13-45' ...
 * }</pre>
 *
 * @param source     the file name or query the row came from
 * @param line       1-based line number in a file (the row number for a JDBC result)
 * @param column     1-based column number, or 0 when the problem is the whole row
 * @param columnName the column's name when known, else empty
 * @param text       the offending text (the field, or the whole row for a column-count problem), shortened
 *                   to at most 200 characters
 * @param reason     the kind of problem
 * @param detail     a human explanation (what was expected)
 */
public record RowProblem(String source, long line, int column, String columnName, String text, Reason reason,
                         String detail) {

    /** Kinds of row problem; each is counted separately under {@link ReadPolicy#SKIP}. */
    public enum Reason {
        /** The row has more or fewer fields than the header (or the first row) declares. */
        WRONG_COLUMN_COUNT,
        /** A numeric field does not parse as a number. */
        BAD_NUMBER,
        /** A timestamp field does not parse in the declared format, or overflows. */
        BAD_TIMESTAMP,
        /** A user or item id is empty or blank. */
        EMPTY_ID,
        /** An event-type name is not in the schema's mapping. */
        UNKNOWN_EVENT_TYPE,
        /** A value is NaN or infinite. */
        NON_FINITE_VALUE,
        /** An attribute table lists the same key twice (the first row is kept). */
        DUPLICATE_KEY
    }

    @Override
    public String toString() {
        String where = source + ":" + line + (column > 0 ? ":" + column : "");
        String col = columnName.isEmpty() ? "" : " (" + columnName + ")";
        return where + col + ": " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " '" + text + "': " + detail;
    }
}
