package ai.behavior.feature;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raw model inputs as named columns of equal length: the table a {@link Pipeline} is fitted on and
 * transforms. A frame wraps the arrays it is given without copying, so a serving loop can keep one
 * single-row frame and overwrite its arrays between calls; do not change them while a transform runs.
 *
 * <pre>{@code
 * FeatureFrame frame = FeatureFrame.builder(3).numeric("price", new double[] {9.5, Double.NaN, 3})
 *         .categorical("brand", new String[] {"acme", null, "zeta"}).build();
 * }</pre>
 */
public final class FeatureFrame {
    /** The timestamp value that marks a missing time. */
    public static final long MISSING_TIME = Long.MIN_VALUE;

    private final int rows;
    private final IdIndex keys;
    private final Map<String, Column> columns;

    private FeatureFrame(int rows, IdIndex keys, Map<String, Column> columns) {
        this.rows = rows;
        this.keys = keys;
        this.columns = columns;
    }

    /** A builder for a frame of {@code rows} rows. */
    public static Builder builder(int rows) {
        return new Builder(rows);
    }

    /**
     * A frame with one column per attribute of {@code table} and its keys as row keys: numeric columns with
     * NaN where a value is missing, categorical columns sharing the table's vocabularies.
     */
    public static FeatureFrame of(AttributeTable table) {
        Builder b = builder(table.size()).keys(table.keys());
        for (String name : table.columnNames()) {
            AttributeTable.Column c = table.column(name);
            if (c instanceof AttributeTable.NumericColumn n) {
                double[] v = new double[table.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = n.getOrDefault(r, Double.NaN);
                }
                b.numeric(name, v);
            } else if (c instanceof AttributeTable.CategoricalColumn k) {
                int[] codes = new int[table.size()];
                for (int r = 0; r < codes.length; r++) {
                    codes[r] = k.code(r);
                }
                b.categorical(name, codes, k.vocabulary());
            }
        }
        return b.build();
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Row keys (for example the user id of each row), or {@code null} when the frame has none. */
    public IdIndex keys() {
        return keys;
    }

    /** Column names in the order they were added. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Whether the frame has a column called {@code name}. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The type of column {@code name}. */
    public ColumnType type(String name) {
        return column(name).type();
    }

    /** The values of a numeric column (NaN when missing); the frame's own array, not a copy. */
    public double[] numeric(String name) {
        return column(name, ColumnType.NUMERIC).numbers;
    }

    /** The codes of a categorical column (-1 when missing); the frame's own array, not a copy. */
    public int[] codes(String name) {
        return column(name, ColumnType.CATEGORICAL).codes;
    }

    /** The vocabulary of a categorical or sequence column: code {@code c} means {@code vocabulary.id(c)}. */
    public IdIndex vocabulary(String name) {
        Column c = column(name);
        if (c.vocabulary == null) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + " and has no vocabulary");
        }
        return c.vocabulary;
    }

    /** The label of a categorical column at {@code row}, or {@code null} when missing. */
    public String label(String name, int row) {
        Column c = column(name, ColumnType.CATEGORICAL);
        int code = c.codes[row];
        return code < 0 ? null : c.vocabulary.id(code);
    }

    /** The values of a timestamp column in epoch ms ({@link #MISSING_TIME} when missing). */
    public long[] timestamps(String name) {
        return column(name, ColumnType.TIMESTAMP).times;
    }

    /** The values of a text column ({@code null} when missing). */
    public String[] text(String name) {
        return column(name, ColumnType.TEXT).texts;
    }

    /** The sequences of a sequence column: codes into {@link #vocabulary(String)}, oldest first. */
    public int[][] sequences(String name) {
        return column(name, ColumnType.SEQUENCE).sequences;
    }

    /** A new frame with the rows {@code rows} of this one, in that order (columns are copied). */
    public FeatureFrame select(int[] rows) {
        Builder b = builder(rows.length);
        if (keys != null) {
            IdIndex.Builder k = IdIndex.builder();
            for (int r : rows) {
                k.intern(keys.id(r));
            }
            if (k.size() != rows.length) {
                throw new IllegalArgumentException("selection repeats a row, so row keys would not be unique");
            }
            b.keys(k.build());
        }
        for (Column c : columns.values()) {
            switch (c.type()) {
                case NUMERIC -> {
                    double[] v = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = c.numbers[rows[i]];
                    }
                    b.numeric(c.name, v);
                }
                case CATEGORICAL -> {
                    int[] v = new int[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = c.codes[rows[i]];
                    }
                    b.categorical(c.name, v, c.vocabulary);
                }
                case TIMESTAMP -> {
                    long[] v = new long[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = c.times[rows[i]];
                    }
                    b.timestamps(c.name, v);
                }
                case TEXT -> {
                    String[] v = new String[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = c.texts[rows[i]];
                    }
                    b.text(c.name, v);
                }
                case SEQUENCE -> {
                    int[][] v = new int[rows.length][];
                    for (int i = 0; i < rows.length; i++) {
                        v[i] = c.sequences[rows[i]];
                    }
                    b.sequences(c.name, v, c.vocabulary);
                }
            }
        }
        return b.build();
    }

    /**
     * A new frame with the rows whose keys are {@code ids}, in that order: the frame of the users to score.
     *
     * <pre>{@code
     * FeatureFrame one = frame.rows("u42");
     * }</pre>
     *
     * @throws IllegalArgumentException when the frame has no keys or an id is not one of them (naming it)
     */
    public FeatureFrame rows(String... ids) {
        if (keys == null) {
            throw new IllegalArgumentException("this frame has no row keys, so rows cannot be picked by id");
        }
        int[] picked = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int r = keys.indexOf(ids[i]);
            if (r < 0) {
                throw new IllegalArgumentException("no row with key '" + ids[i] + "' among " + keys.size() + " rows");
            }
            picked[i] = r;
        }
        return select(picked);
    }

    /**
     * This frame's rows with {@code other}'s columns added, matched on row keys: a key that {@code other}
     * lacks gets missing values (NaN, -1, {@link #MISSING_TIME}, null, an empty sequence), which the
     * transforms then impute or reject by their declared policy. Both frames need keys; column names must
     * not clash.
     */
    public FeatureFrame leftJoin(FeatureFrame other) {
        if (keys == null || other.keys == null) {
            throw new IllegalArgumentException("a join needs row keys on both frames");
        }
        int[] match = new int[rows];
        for (int r = 0; r < rows; r++) {
            match[r] = other.keys.indexOf(keys.id(r));
        }
        Builder b = builder(rows).keys(keys);
        columns.values().forEach(b::put);
        for (Column c : other.columns.values()) {
            if (columns.containsKey(c.name)) {
                throw new IllegalArgumentException("both frames have a column '" + c.name + "'");
            }
            switch (c.type()) {
                case NUMERIC -> {
                    double[] v = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = match[r] < 0 ? Double.NaN : c.numbers[match[r]];
                    }
                    b.numeric(c.name, v);
                }
                case CATEGORICAL -> {
                    int[] v = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = match[r] < 0 ? -1 : c.codes[match[r]];
                    }
                    b.categorical(c.name, v, c.vocabulary);
                }
                case TIMESTAMP -> {
                    long[] v = new long[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = match[r] < 0 ? MISSING_TIME : c.times[match[r]];
                    }
                    b.timestamps(c.name, v);
                }
                case TEXT -> {
                    String[] v = new String[rows];
                    for (int r = 0; r < rows; r++) {
                        v[r] = match[r] < 0 ? null : c.texts[match[r]];
                    }
                    b.text(c.name, v);
                }
                case SEQUENCE -> {
                    int[][] v = new int[rows][];
                    for (int r = 0; r < rows; r++) {
                        v[r] = match[r] < 0 ? new int[0] : c.sequences[match[r]];
                    }
                    b.sequences(c.name, v, c.vocabulary);
                }
            }
        }
        return b.build();
    }

    private Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the frame has " + columns.keySet());
        }
        return c;
    }

    private Column column(String name, ColumnType expected) {
        Column c = column(name);
        if (c.type() != expected) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + ", not " + expected);
        }
        return c;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FeatureFrame[" + rows + " rows");
        columns.values().forEach(c -> s.append(", ").append(c.name).append(':').append(c.type()));
        return s.append(']').toString();
    }

    /** One column: exactly one of the arrays is set, by type. */
    private record Column(String name, ColumnType type, double[] numbers, int[] codes, IdIndex vocabulary,
                          long[] times, String[] texts, int[][] sequences) {
    }

    /** Adds columns by name; every column must have the frame's row count. */
    public static final class Builder {
        private final int rows;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private IdIndex keys;

        private Builder(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be >= 0, got " + rows);
            }
            this.rows = rows;
        }

        /** Row keys, one distinct id per row. */
        public Builder keys(IdIndex keys) {
            check("keys", keys.size());
            this.keys = keys;
            return this;
        }

        /** A numeric column (NaN = missing). */
        public Builder numeric(String name, double[] values) {
            check(name, values.length);
            return put(new Column(name, ColumnType.NUMERIC, values, null, null, null, null, null));
        }

        /** A categorical column from labels ({@code null} = missing); labels are interned into a vocabulary. */
        public Builder categorical(String name, String[] labels) {
            check(name, labels.length);
            IdIndex.Builder vocab = IdIndex.builder();
            int[] codes = new int[labels.length];
            for (int r = 0; r < labels.length; r++) {
                codes[r] = labels[r] == null ? -1 : vocab.intern(labels[r]);
            }
            return categorical(name, codes, vocab.build());
        }

        /** A categorical column from codes into {@code vocabulary} (-1 = missing). */
        public Builder categorical(String name, int[] codes, IdIndex vocabulary) {
            check(name, codes.length);
            for (int r = 0; r < codes.length; r++) {
                if (codes[r] < -1 || codes[r] >= vocabulary.size()) {
                    throw new IllegalArgumentException("column '" + name + "' row " + r + ": code " + codes[r]
                            + " is outside its vocabulary of " + vocabulary.size());
                }
            }
            return put(new Column(name, ColumnType.CATEGORICAL, null, codes, vocabulary, null, null, null));
        }

        /** A timestamp column in epoch ms ({@link #MISSING_TIME} = missing). */
        public Builder timestamps(String name, long[] epochMillis) {
            check(name, epochMillis.length);
            return put(new Column(name, ColumnType.TIMESTAMP, null, null, null, epochMillis, null, null));
        }

        /** A text column ({@code null} = missing). */
        public Builder text(String name, String[] values) {
            check(name, values.length);
            return put(new Column(name, ColumnType.TEXT, null, null, null, null, values, null));
        }

        /** A sequence column: per row, codes into {@code vocabulary}, oldest first. */
        public Builder sequences(String name, int[][] sequences, IdIndex vocabulary) {
            check(name, sequences.length);
            for (int r = 0; r < sequences.length; r++) {
                int[] s = sequences[r];
                if (s == null) {
                    throw new IllegalArgumentException("column '" + name + "' row " + r + ": no sequence array");
                }
                for (int code : s) {
                    if (code < 0 || code >= vocabulary.size()) {
                        throw new IllegalArgumentException("column '" + name + "' row " + r + ": code " + code
                                + " is outside its vocabulary of " + vocabulary.size());
                    }
                }
            }
            return put(new Column(name, ColumnType.SEQUENCE, null, null, vocabulary, null, null, sequences));
        }

        /** The frame. */
        public FeatureFrame build() {
            return new FeatureFrame(rows, keys, Collections.unmodifiableMap(new LinkedHashMap<>(columns)));
        }

        private Builder put(Column c) {
            if (columns.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("column '" + c.name() + "' added twice");
            }
            return this;
        }

        private void check(String name, int length) {
            Objects.requireNonNull(name, "column name");
            if (length != rows) {
                throw new IllegalArgumentException("column '" + name + "' has " + length + " values; the frame has "
                        + rows + " rows");
            }
        }
    }
}
