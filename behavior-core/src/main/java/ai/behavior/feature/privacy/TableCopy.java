package ai.behavior.feature.privacy;

import ai.behavior.data.AttributeTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rebuilds an {@link AttributeTable} row by row with new keys and a chosen list of columns, each either a
 * numeric column copied as is or labels computed per row ({@code null} = missing). Missing values stay
 * missing: a copied numeric column keeps its mask, and a label function sees only the rows it is asked about.
 */
final class TableCopy {
    private TableCopy() {
    }

    /** One output column. */
    sealed interface Out permits Numbers, Labels {
        String name();
    }

    /** A numeric column copied from the source. */
    record Numbers(String name, AttributeTable.NumericColumn from) implements Out {
    }

    /** A categorical column whose label at each source row comes from {@code label} ({@code null} = missing). */
    record Labels(String name, IntFunction<String> label) implements Out {
    }

    /** The column copied unchanged. */
    static Out same(AttributeTable.Column c) {
        if (c instanceof AttributeTable.NumericColumn n) {
            return new Numbers(n.name(), n);
        }
        AttributeTable.CategoricalColumn k = (AttributeTable.CategoricalColumn) c;
        return new Labels(k.name(), k::label);
    }

    /** Every column of {@code table} copied unchanged, in order. */
    static List<Out> same(AttributeTable table) {
        List<Out> out = new ArrayList<>();
        for (String name : table.columnNames()) {
            out.add(same(table.column(name)));
        }
        return out;
    }

    /** A table with the source's key name, the key of source row r from {@code key}, and {@code columns}. */
    static AttributeTable build(AttributeTable source, IntFunction<String> key, List<Out> columns) {
        AttributeTable.Builder b = AttributeTable.builder(source.keyName());
        for (Out c : columns) {
            if (c instanceof Numbers) {
                b.numeric(c.name());
            } else {
                b.categorical(c.name());
            }
        }
        for (int r = 0; r < source.size(); r++) {
            b.row(key.apply(r));
            for (Out c : columns) {
                if (c instanceof Numbers n) {
                    if (!n.from().isMissing(r)) {
                        b.set(n.name(), n.from().get(r));
                    }
                } else if (c instanceof Labels l) {
                    String label = l.label().apply(r);
                    if (label != null) {
                        b.set(l.name(), label);
                    }
                }
            }
        }
        return b.build();
    }
}
