package ai.behavior.io;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one source row at a time into an event, whatever the source (CSV parser callbacks or JDBC rows).
 * Fields are copied into one row buffer as they arrive; the row is parsed and validated as a whole at
 * {@link #endRow()}, and only a fully valid row touches the id indices, so a bad row never leaves a phantom
 * user or item behind.
 */
final class EventRowAssembler {
    private static final int IGNORE = 0;
    private static final int USER = 1;
    private static final int ITEM = 2;
    private static final int TYPE = 3;
    private static final int TIME = 4;
    private static final int VALUE = 5;
    private static final int SESSION = 6;
    private static final int CATEGORY = 7;
    private static final int MAX_TEXT = 200;

    private final InteractionSchema schema;
    private final String source;
    private final ProblemTracker problems;
    private final InteractionsBuilder out;
    private final char[][] typeNames;
    private final int[] typeCodes;
    private final boolean hasSession;
    private final boolean hasCategory;
    private final IdIndex.Builder categories = IdIndex.builder();
    private int[] itemCategory = new int[1024]; // item index -> category code + 1 (0 = none yet)
    private long categoryConflicts;

    private int[] roles;
    private String[] columnNames;
    private int expectedColumns = -1; // from the header, or from the first data row
    private int[] roleColumn = new int[8]; // role -> column index

    // current row
    private long line;
    private int fieldCount;
    private char[] row = new char[256];
    private int rowLen;
    private int[] fieldStart = new int[16];
    private int[] fieldLen = new int[16];
    private long rowsRead;

    EventRowAssembler(InteractionSchema schema, String source, ReadOptions options) {
        this(schema, source, options, 1024);
    }

    /** With room for {@code expectedRows} events before the columns must grow. */
    EventRowAssembler(InteractionSchema schema, String source, ReadOptions options, int expectedRows) {
        this.out = Interactions.builder(expectedRows);
        this.schema = schema;
        this.source = source;
        this.problems = new ProblemTracker(options);
        Map<String, EventType> mapping = schema.eventTypeNames();
        if (mapping.isEmpty()) {
            EventType[] all = EventType.values();
            typeNames = new char[all.length][];
            typeCodes = new int[all.length];
            for (int k = 0; k < all.length; k++) {
                typeNames[k] = all[k].label().toCharArray();
                typeCodes[k] = all[k].ordinal();
            }
        } else {
            typeNames = new char[mapping.size()][];
            typeCodes = new int[mapping.size()];
            int k = 0;
            for (Map.Entry<String, EventType> e : mapping.entrySet()) {
                typeNames[k] = e.getKey().toCharArray();
                typeCodes[k++] = e.getValue().ordinal();
            }
        }
        hasSession = schema.session().isPresent();
        hasCategory = schema.itemCategory().isPresent();
    }

    /** Resolves named columns against a header row. */
    void useHeader(List<String> header) throws MalformedRowException {
        String[] names = new String[header.size()];
        for (int c = 0; c < names.length; c++) {
            String h = header.get(c).trim();
            if (schema.stripTypeSuffix() && h.indexOf(':') > 0) {
                h = h.substring(0, h.indexOf(':'));
            }
            names[c] = h;
        }
        expectedColumns = names.length;
        columnNames = names;
        assignRoles(names);
    }

    /** Uses positional columns (no header); the first data row fixes the expected column count. */
    void usePositions() throws MalformedRowException {
        assignRoles(null);
    }

    private void assignRoles(String[] header) throws MalformedRowException {
        Arrays.fill(roleColumn, -1);
        int width = header == null ? 0 : header.length;
        int[] cols = new int[8];
        cols[USER] = resolve(schema.user(), header, "user");
        cols[ITEM] = resolve(schema.item(), header, "item");
        cols[TIME] = resolve(schema.timestamp(), header, "timestamp");
        cols[TYPE] = resolveOptional(schema.eventType(), header, "event type");
        cols[VALUE] = resolveOptional(schema.value(), header, "value");
        cols[SESSION] = resolveOptional(schema.session(), header, "session");
        cols[CATEGORY] = resolveOptional(schema.itemCategory(), header, "item category");
        for (int r = 1; r < cols.length; r++) {
            width = Math.max(width, cols[r] + 1);
        }
        roles = new int[width];
        for (int r = 1; r < cols.length; r++) {
            if (cols[r] >= 0) {
                if (roles[cols[r]] != IGNORE) {
                    throw new MalformedRowException(source + ": column " + (cols[r] + 1)
                            + " is declared for two fields");
                }
                roles[cols[r]] = r;
                roleColumn[r] = cols[r];
            }
        }
        if (columnNames == null) {
            columnNames = new String[width];
            for (int c = 0; c < width; c++) {
                columnNames[c] = "";
            }
        }
    }

    private int resolveOptional(Optional<ColumnRef> ref, String[] header, String what)
            throws MalformedRowException {
        return ref.isPresent() ? resolve(ref.get(), header, what) : -1;
    }

    private int resolve(ColumnRef ref, String[] header, String what) throws MalformedRowException {
        if (!ref.byName()) {
            if (header != null && ref.index() >= header.length) {
                throw new MalformedRowException(source + ":1: " + what + " column #" + ref.index()
                        + " is beyond the header's " + header.length + " columns " + Arrays.toString(header));
            }
            return ref.index();
        }
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(ref.name())) {
                return c;
            }
        }
        throw new MalformedRowException(source + ":1: " + what + " column '" + ref.name()
                + "' is not in the header " + Arrays.toString(header));
    }

    void beginRow(long lineNumber) {
        line = lineNumber;
        fieldCount = 0;
        rowLen = 0;
    }

    void field(char[] buf, int off, int len) {
        if (fieldCount == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldLen = Arrays.copyOf(fieldLen, fieldCount * 2);
        }
        if (rowLen + len + 1 > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, rowLen + len + 1));
        }
        if (fieldCount > 0) {
            row[rowLen++] = schema.delimiter();
        }
        System.arraycopy(buf, off, row, rowLen, len);
        fieldStart[fieldCount] = rowLen;
        fieldLen[fieldCount] = len;
        rowLen += len;
        fieldCount++;
    }

    /** Validates and stores the current row, or hands its problem to the policy. */
    void endRow() throws MalformedRowException {
        if (expectedColumns < 0) {
            expectedColumns = Math.max(fieldCount, roles.length);
        }
        if (fieldCount != expectedColumns) {
            problems.onProblem(new RowProblem(source, line, 0, "", shorten(row, 0, rowLen),
                    RowProblem.Reason.WRONG_COLUMN_COUNT,
                    "expected " + expectedColumns + " fields, found " + fieldCount));
            return;
        }
        int u = roleColumn[USER];
        int it = roleColumn[ITEM];
        if (FieldParsers.isBlank(row, fieldStart[u], fieldLen[u])) {
            problem(u, RowProblem.Reason.EMPTY_ID, "user id is empty");
            return;
        }
        if (FieldParsers.isBlank(row, fieldStart[it], fieldLen[it])) {
            problem(it, RowProblem.Reason.EMPTY_ID, "item id is empty");
            return;
        }
        int typeCode = schema.fixedEventType().ordinal();
        int tc = roleColumn[TYPE];
        if (tc >= 0) {
            typeCode = lookupType(fieldStart[tc], fieldLen[tc]);
            if (typeCode < 0) {
                problem(tc, RowProblem.Reason.UNKNOWN_EVENT_TYPE, "expected one of " + knownTypeNames());
                return;
            }
        }
        int ts = roleColumn[TIME];
        long millis;
        try {
            millis = FieldParsers.parseTimestamp(row, fieldStart[ts], fieldLen[ts], schema.timestampFormat());
        } catch (NumberFormatException | ArithmeticException e) {
            problem(ts, RowProblem.Reason.BAD_TIMESTAMP, "expected " + describe(schema.timestampFormat()));
            return;
        }
        float value = schema.defaultValue();
        int vc = roleColumn[VALUE];
        if (vc >= 0) {
            try {
                value = FieldParsers.parseFloat(row, fieldStart[vc], fieldLen[vc]);
            } catch (FieldParsers.NonFiniteException e) {
                problem(vc, RowProblem.Reason.NON_FINITE_VALUE, "value must be a finite number");
                return;
            } catch (NumberFormatException e) {
                problem(vc, RowProblem.Reason.BAD_NUMBER, "expected a number");
                return;
            }
        }
        int session = Interactions.NO_SESSION;
        if (hasSession) {
            int sc = roleColumn[SESSION];
            if (!FieldParsers.isBlank(row, fieldStart[sc], fieldLen[sc])) {
                session = out.sessions().intern(row, fieldStart[sc], fieldLen[sc]);
            } else {
                out.sessions();
            }
        }
        int user = out.users().intern(row, fieldStart[u], fieldLen[u]);
        int item = out.items().intern(row, fieldStart[it], fieldLen[it]);
        if (hasCategory) {
            noteCategory(item);
        }
        out.add(user, item, typeCode, millis, value, session);
        rowsRead++;
    }

    private void noteCategory(int item) {
        int cc = roleColumn[CATEGORY];
        if (FieldParsers.isBlank(row, fieldStart[cc], fieldLen[cc])) {
            return;
        }
        int code = categories.intern(row, fieldStart[cc], fieldLen[cc]) + 1;
        if (item >= itemCategory.length) {
            itemCategory = Arrays.copyOf(itemCategory, Math.max(item + 1, itemCategory.length * 2));
        }
        if (itemCategory[item] == 0) {
            itemCategory[item] = code;
        } else if (itemCategory[item] != code) {
            categoryConflicts++;
        }
    }

    ReadResult finish(double seconds, long blankLines) {
        Interactions log = out.build();
        AttributeTable.Builder items = AttributeTable.builder("item_id");
        if (hasCategory) {
            items.categorical("category");
        }
        IdIndex itemIds = log.items();
        IdIndex categoryIds = categories.build();
        for (int i = 0; i < itemIds.size(); i++) {
            items.row(itemIds.id(i));
            if (hasCategory && i < itemCategory.length && itemCategory[i] > 0) {
                items.set("category", categoryIds.id(itemCategory[i] - 1));
            }
        }
        ReadReport report = problems.report(source, rowsRead, blankLines, categoryConflicts, seconds);
        return new ReadResult(log, items.build(), report);
    }

    private int lookupType(int off, int len) {
        int start = off;
        int end = off + len;
        while (start < end && row[start] == ' ') {
            start++;
        }
        while (end > start && row[end - 1] == ' ') {
            end--;
        }
        outer:
        for (int k = 0; k < typeNames.length; k++) {
            char[] name = typeNames[k];
            if (name.length != end - start) {
                continue;
            }
            for (int c = 0; c < name.length; c++) {
                if (name[c] != row[start + c]) {
                    continue outer;
                }
            }
            return typeCodes[k];
        }
        return -1;
    }

    /** Sorted, so the message is the same in every run (a schema's map may iterate in any order). */
    private String knownTypeNames() {
        String[] names = new String[typeNames.length];
        for (int k = 0; k < names.length; k++) {
            names[k] = new String(typeNames[k]);
        }
        java.util.Arrays.sort(names);
        return java.util.Arrays.toString(names);
    }

    private static String describe(TimestampFormat f) {
        return switch (f) {
            case EPOCH_SECONDS -> "Unix seconds, e.g. 1511544070";
            case EPOCH_MILLIS -> "Unix milliseconds, e.g. 1511544070000";
            case ISO_8601 -> "an ISO-8601 date-time, e.g. 2017-11-25T08:00:00Z";
        };
    }

    private void problem(int column, RowProblem.Reason reason, String detail) throws MalformedRowException {
        String name = column < columnNames.length ? columnNames[column] : "";
        problems.onProblem(new RowProblem(source, line, column + 1, name,
                shorten(row, fieldStart[column], fieldLen[column]), reason, detail));
    }

    private static String shorten(char[] b, int off, int len) {
        return len <= MAX_TEXT ? new String(b, off, len) : new String(b, off, MAX_TEXT) + "…";
    }
}
