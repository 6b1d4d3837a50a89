package ai.behavior.models.sequence;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.IdIndex;

import java.util.Objects;

/**
 * The category of every item of an item vocabulary, for next-item models that embed {@link EventFeature#CATEGORY}:
 * the model looks an event's category up from its item, so histories need no category column.
 *
 * <pre>{@code
 * ItemCategories c = ItemCategories.of(log.items(), shop.items(), "category");
 * NextItemModel m = NextItem.fit(train, valid, options.withFeatures(EventFeature.CATEGORY), c);
 * }</pre>
 *
 * @param codes      per item code, its category code into {@code vocabulary}, or -1 when it has none
 * @param vocabulary the category labels
 */
public record ItemCategories(int[] codes, IdIndex vocabulary) {
    /** Checks every code. */
    public ItemCategories {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(vocabulary, "vocabulary");
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < -1 || codes[i] >= vocabulary.size()) {
                throw new IllegalArgumentException("item " + i + ": category code " + codes[i] + " is outside [-1, "
                        + vocabulary.size() + ")");
            }
        }
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("the category vocabulary is empty");
        }
    }

    /**
     * The categories of {@code items} from the categorical column {@code column} of {@code table}, joined on the
     * external item id; an item the table lacks, or whose category is missing, gets -1.
     */
    public static ItemCategories of(IdIndex items, AttributeTable table, String column) {
        AttributeTable.CategoricalColumn c = table.categorical(column);
        int[] codes = new int[items.size()];
        for (int i = 0; i < codes.length; i++) {
            int row = table.keys().indexOf(items.id(i));
            codes[i] = row >= 0 && !c.isMissing(row) ? c.code(row) : -1;
        }
        return new ItemCategories(codes, c.vocabulary());
    }
}
