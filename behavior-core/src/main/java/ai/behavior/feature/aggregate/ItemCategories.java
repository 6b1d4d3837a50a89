package ai.behavior.feature.aggregate;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;

import java.util.Objects;

/**
 * The category code of every item of a log, looked up once by external id in an items table. An item that the
 * table lists without a category has none (-1); an item the table does not list at all is an error when it is
 * used, since a table that misses items is more likely the wrong table than a gap.
 */
final class ItemCategories {
    private static final int NOT_IN_TABLE = -2;

    private final Interactions log;
    private final String column;
    private final int[] codes; // per log item index
    private final IdIndex vocabulary;

    private ItemCategories(Interactions log, String column, int[] codes, IdIndex vocabulary) {
        this.log = log;
        this.column = column;
        this.codes = codes;
        this.vocabulary = vocabulary;
    }

    /** Looks up every item of {@code log} in {@code items} (cost O(items in the log's index space)). */
    static ItemCategories of(Interactions log, AttributeTable items, String column) {
        Objects.requireNonNull(items, "items");
        AttributeTable.CategoricalColumn c = items.categorical(column);
        int[] codes = new int[log.numItems()];
        for (int i = 0; i < codes.length; i++) {
            int row = items.keys().indexOf(log.items().id(i));
            codes[i] = row < 0 ? NOT_IN_TABLE : c.code(row);
        }
        return new ItemCategories(log, column, codes, c.vocabulary());
    }

    /** The category labels, indexed by code. */
    IdIndex vocabulary() {
        return vocabulary;
    }

    /**
     * The category code of the item of log row {@code row}, or -1 when the table gives it no category.
     *
     * @throws IllegalArgumentException naming the item and row when the table does not list the item
     */
    int of(int row) {
        int code = codes[log.item(row)];
        if (code == NOT_IN_TABLE) {
            throw new IllegalArgumentException("item '" + log.items().id(log.item(row)) + "' of log row " + row
                    + " is not in the items table, so its '" + column + "' is unknown; pass a table that lists "
                    + "every item of the log");
        }
        return code;
    }
}
