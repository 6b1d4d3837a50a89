package ai.behavior.feature.privacy;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Returns copies of an {@link AttributeTable} with identifying attributes dropped or made coarser. Every
 * method leaves the input untouched, keeps the keys and the other columns as they were, and keeps a missing
 * value missing.
 *
 * <p>Recommended preparation of user or item attributes before modelling, done once on the raw table:
 * <ol>
 *   <li>Drop direct identifiers (name, e-mail, phone, street address, device or payment ids) with
 *       {@link #dropColumns}: a behaviour model never needs them.</li>
 *   <li>Replace the keys that join tables to logs with keyed pseudonyms ({@link Pseudonymizer}), keeping the
 *       key outside the data.</li>
 *   <li>Coarsen quasi-identifiers, the attributes that single a person out in combination: exact age to an
 *       age band ({@link #ageBand}), postal code to a region prefix ({@link #zipToRegion}), rare or precise
 *       categories to broader ones ({@link #mapCategorical}, e.g. rare cities to "other").</li>
 *   <li>Only then build the {@code FeatureFrame}: a fitted pipeline saves each categorical vocabulary in its
 *       model files, so coarsening first keeps raw values out of every saved model. Apply the same functions
 *       to serving data.</li>
 * </ol>
 *
 * <pre>{@code
 * AttributeTable safe = Coarsen.dropColumns(users, "email", "name");
 * safe = Coarsen.zipToRegion(Coarsen.ageBand(safe, "age", "age_band", 18, 25, 35, 45, 55, 65), "zip", 2);
 * }</pre>
 */
public final class Coarsen {
    private Coarsen() {
    }

    /** A copy without the named columns; a name the table lacks is an error. */
    public static AttributeTable dropColumns(AttributeTable table, String... names) {
        Set<String> drop = new LinkedHashSet<>(Arrays.asList(names));
        for (String name : drop) {
            if (!table.columnNames().contains(name)) {
                throw new IllegalArgumentException("cannot drop column '" + name + "': the table has "
                        + table.columnNames());
            }
        }
        List<TableCopy.Out> out = new ArrayList<>();
        for (String name : table.columnNames()) {
            if (!drop.contains(name)) {
                out.add(TableCopy.same(table.column(name)));
            }
        }
        return TableCopy.build(table, table.keys()::id, out);
    }

    /**
     * A copy in which numeric column {@code numericColumn} is replaced, at the same position, by categorical
     * column {@code newName} holding bands cut at the whole-number {@code edges} (strictly increasing, at least
     * one): with edges 18, 25, 35 the bands are {@code "<18"}, {@code "18-24"}, {@code "25-34"} and
     * {@code "35+"}. A band's lower edge is inclusive, so 24.9 falls in "18-24"; a band one wide is shown as
     * its edge alone. The exact values are gone from the copy.
     */
    public static AttributeTable ageBand(AttributeTable table, String numericColumn, String newName, int... edges) {
        AttributeTable.NumericColumn source = table.numeric(numericColumn);
        if (edges.length == 0) {
            throw new IllegalArgumentException("ageBand of '" + numericColumn + "' needs at least one band edge");
        }
        for (int i = 1; i < edges.length; i++) {
            if (edges[i] <= edges[i - 1]) {
                throw new IllegalArgumentException("ageBand of '" + numericColumn + "': edges must increase, got "
                        + Arrays.toString(edges));
            }
        }
        String[] labels = bandLabels(edges);
        return replace(table, numericColumn, newName, new TableCopy.Labels(newName, r -> {
            if (source.isMissing(r)) {
                return null;
            }
            double v = source.get(r);
            int band = 0;
            while (band < edges.length && v >= edges[band]) {
                band++;
            }
            return labels[band];
        }));
    }

    /** Band labels: "<e0", "e0-(e1-1)", ..., "eLast+". */
    private static String[] bandLabels(int[] edges) {
        String[] labels = new String[edges.length + 1];
        labels[0] = "<" + edges[0];
        for (int i = 0; i + 1 < edges.length; i++) {
            int last = edges[i + 1] - 1;
            labels[i + 1] = last == edges[i] ? Integer.toString(last) : edges[i] + "-" + last;
        }
        labels[edges.length] = edges[edges.length - 1] + "+";
        return labels;
    }

    /**
     * A copy in which categorical column {@code column} keeps only the first {@code prefixLength} characters
     * of each label (a shorter label is kept whole), e.g. postal code "10115" to region "10" with length 2.
     * Postal codes must be categorical: read as numbers they lose leading zeros.
     */
    public static AttributeTable zipToRegion(AttributeTable table, String column, int prefixLength) {
        if (prefixLength < 1) {
            throw new IllegalArgumentException("zipToRegion of '" + column + "': prefix length must be >= 1, got "
                    + prefixLength);
        }
        if (table.column(column) instanceof AttributeTable.NumericColumn) {
            throw new IllegalArgumentException("zipToRegion: column '" + column + "' is numeric; read postal codes "
                    + "as categorical text so leading zeros survive");
        }
        return mapCategorical(table, column, z -> z.length() <= prefixLength ? z : z.substring(0, prefixLength));
    }

    /**
     * A copy in which each label of categorical column {@code column} is replaced by {@code mapping(label)};
     * the mapping is called once per distinct label, never for a missing value, and must not return
     * {@code null} (map to a label such as "other" instead).
     */
    public static AttributeTable mapCategorical(AttributeTable table, String column,
                                                Function<String, String> mapping) {
        AttributeTable.CategoricalColumn source = table.categorical(column);
        IdIndex vocabulary = source.vocabulary();
        String[] mapped = new String[vocabulary.size()];
        for (int c = 0; c < mapped.length; c++) {
            mapped[c] = mapping.apply(vocabulary.id(c));
            if (mapped[c] == null) {
                throw new IllegalArgumentException("the mapping of column '" + column + "' returned null for label '"
                        + vocabulary.id(c) + "'; return a label such as \"other\" (missing values stay missing "
                        + "without calling the mapping)");
            }
        }
        return replace(table, column, column, new TableCopy.Labels(column, r -> {
            int code = source.code(r);
            return code < 0 ? null : mapped[code];
        }));
    }

    /** The table with column {@code old} replaced in place by {@code replacement} named {@code newName}. */
    private static AttributeTable replace(AttributeTable table, String old, String newName, TableCopy.Out replacement) {
        if (!newName.equals(old) && (table.columnNames().contains(newName) || newName.equals(table.keyName()))) {
            throw new IllegalArgumentException("cannot name the coarsened column '" + newName + "': the table "
                    + "already has a column or key of that name");
        }
        List<TableCopy.Out> out = new ArrayList<>();
        for (String name : table.columnNames()) {
            out.add(name.equals(old) ? replacement : TableCopy.same(table.column(name)));
        }
        return TableCopy.build(table, table.keys()::id, out);
    }
}
