package ai.behavior.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of attributes keyed by an external id: user attributes (age, gender, region) or item
 * attributes (category, price, brand). Columns are numeric (double, with an explicit missing mask) or
 * categorical (dense codes into a per-column vocabulary, -1 when missing).
 *
 * <pre>{@code
 * AttributeTable users = AttributeTable.builder("user_id").numeric("age").categorical("gender")
 *         .row("u1").set("age", 24).set("gender", "M").build();
 * int row = users.keys().indexOf("u1");
 * }</pre>
 *
 * <p>A table has its own key index; join it to a log by external id ({@code keys().indexOf(log.users().id(u))}),
 * since a table may list users or items that have no events and vice versa.
 */
public final class AttributeTable {
    private final String keyName;
    private final IdIndex keys;
    private final Map<String, Column> columns;

    private AttributeTable(String keyName, IdIndex keys, Map<String, Column> columns) {
        this.keyName = keyName;
        this.keys = keys;
        this.columns = columns;
    }

    /** A builder for a table whose key column is called {@code keyName}. */
    public static Builder builder(String keyName) {
        return new Builder(keyName);
    }

    /** Name of the key column. */
    public String keyName() {
        return keyName;
    }

    /** The external ids of the rows, in row order. */
    public IdIndex keys() {
        return keys;
    }

    /** Number of rows. */
    public int size() {
        return keys.size();
    }

    /** Column names in declaration order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The column called {@code name}. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columns.keySet());
        }
        return c;
    }

    /** The numeric column called {@code name}. */
    public NumericColumn numeric(String name) {
        if (column(name) instanceof NumericColumn n) {
            return n;
        }
        throw new IllegalArgumentException("column '" + name + "' is categorical, not numeric");
    }

    /** The categorical column called {@code name}. */
    public CategoricalColumn categorical(String name) {
        if (column(name) instanceof CategoricalColumn c) {
            return c;
        }
        throw new IllegalArgumentException("column '" + name + "' is numeric, not categorical");
    }

    @Override
    public String toString() {
        return "AttributeTable[" + keyName + ", rows=" + size() + ", columns=" + columns.keySet() + "]";
    }

    /** A column of an attribute table. */
    public sealed interface Column permits NumericColumn, CategoricalColumn {
        /** Column name. */
        String name();

        /** Whether row {@code row} has no value. */
        boolean isMissing(int row);
    }

    /** A numeric column; a missing value is flagged in the mask, never stored as NaN. */
    public static final class NumericColumn implements Column {
        private final String name;
        private final double[] values;
        private final BitSet missing;

        NumericColumn(String name, double[] values, BitSet missing) {
            this.name = name;
            this.values = values;
            this.missing = missing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isMissing(int row) {
            return missing.get(row);
        }

        /** The value of row {@code row}; throws if it is missing, so a gap is never read as a number. */
        public double get(int row) {
            if (missing.get(row)) {
                throw new IllegalStateException("column '" + name + "' has no value at row " + row);
            }
            return values[row];
        }

        /** The value of row {@code row}, or {@code fallback} when missing. */
        public double getOrDefault(int row, double fallback) {
            return missing.get(row) ? fallback : values[row];
        }

        /** Number of missing values. */
        public int missingCount() {
            return missing.cardinality();
        }
    }

    /** A categorical column: codes into {@link #vocabulary()}, -1 when missing. */
    public static final class CategoricalColumn implements Column {
        private final String name;
        private final int[] codes;
        private final IdIndex vocabulary;

        CategoricalColumn(String name, int[] codes, IdIndex vocabulary) {
            this.name = name;
            this.codes = codes;
            this.vocabulary = vocabulary;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isMissing(int row) {
            return codes[row] < 0;
        }

        /** Code of row {@code row} (-1 when missing). */
        public int code(int row) {
            return codes[row];
        }

        /** Category label of row {@code row}, or {@code null} when missing. */
        public String label(int row) {
            return codes[row] < 0 ? null : vocabulary.id(codes[row]);
        }

        /** The distinct labels, indexed by code. */
        public IdIndex vocabulary() {
            return vocabulary;
        }
    }

    /** Builds a table row by row. Not thread-safe. */
    public static final class Builder {
        private final String keyName;
        private final IdIndex.Builder keys = IdIndex.builder();
        private final Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
        private int current = -1;

        Builder(String keyName) {
            this.keyName = keyName;
        }

        /** Declares a numeric column. */
        public Builder numeric(String name) {
            return declare(new ColumnBuilder(name, true));
        }

        /** Declares a categorical column. */
        public Builder categorical(String name) {
            return declare(new ColumnBuilder(name, false));
        }

        /** Starts the row for {@code key}; every column is missing until set. Duplicate keys are an error. */
        public Builder row(String key) {
            int before = keys.size();
            int r = keys.intern(key);
            if (r < before) {
                throw new IllegalArgumentException("duplicate " + keyName + " '" + key + "'");
            }
            current = r;
            return this;
        }

        /** Sets a numeric value on the current row. */
        public Builder set(String column, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("column '" + column + "' value must be finite, got " + value);
            }
            ColumnBuilder c = columnFor(column, true);
            c.numbers = ensure(c.numbers);
            c.numbers[current] = value;
            c.set.set(current);
            return this;
        }

        /** Sets a categorical value on the current row ({@code null} leaves it missing). */
        public Builder set(String column, String label) {
            ColumnBuilder c = columnFor(column, false);
            if (label != null) {
                c.codes = ensure(c.codes);
                c.codes[current] = c.vocabulary.intern(label) + 1;
            }
            return this;
        }

        /** Freezes the table. */
        public AttributeTable build() {
            int n = keys.size();
            Map<String, Column> out = new LinkedHashMap<>();
            for (ColumnBuilder c : columns.values()) {
                out.put(c.name, c.freeze(n));
            }
            return new AttributeTable(keyName, keys.build(), Collections.unmodifiableMap(out));
        }

        private Builder declare(ColumnBuilder c) {
            if (c.name.equals(keyName) || columns.putIfAbsent(c.name, c) != null) {
                throw new IllegalArgumentException("column '" + c.name + "' declared twice");
            }
            return this;
        }

        private ColumnBuilder columnFor(String name, boolean numeric) {
            if (current < 0) {
                throw new IllegalStateException("call row(key) before set(...)");
            }
            ColumnBuilder c = columns.get(name);
            if (c == null) {
                throw new IllegalArgumentException("undeclared column '" + name + "'");
            }
            if (c.numeric != numeric) {
                throw new IllegalArgumentException("column '" + name + "' is "
                        + (c.numeric ? "numeric" : "categorical"));
            }
            return c;
        }

        private double[] ensure(double[] a) {
            return a.length > current ? a : Arrays.copyOf(a, Math.max(16, current * 2));
        }

        private int[] ensure(int[] a) {
            return a.length > current ? a : Arrays.copyOf(a, Math.max(16, current * 2));
        }

        private static final class ColumnBuilder {
            final String name;
            final boolean numeric;
            final IdIndex.Builder vocabulary = IdIndex.builder();
            final BitSet set = new BitSet();
            double[] numbers = new double[16];
            int[] codes = new int[16]; // code + 1; 0 = missing

            ColumnBuilder(String name, boolean numeric) {
                this.name = name;
                this.numeric = numeric;
            }

            Column freeze(int n) {
                if (numeric) {
                    BitSet missing = new BitSet(n);
                    missing.set(0, n);
                    missing.andNot(set);
                    return new NumericColumn(name, Arrays.copyOf(numbers, n), missing);
                }
                int[] c = new int[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (i < codes.length ? codes[i] : 0) - 1;
                }
                return new CategoricalColumn(name, c, vocabulary.build());
            }
        }
    }
}
