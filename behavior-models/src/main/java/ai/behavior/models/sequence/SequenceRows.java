package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.Padding;

import java.util.Arrays;

/**
 * Writes events of {@link EventSequences} into padded network rows for one model: item codes of the sequences'
 * vocabulary become the model's embedding rows (matched by id once per vocabulary, unknown items row 1), event
 * types become {@code 1 + code}, gaps their {@link GapBuckets}, categories the model's category rows (from the
 * sequences' own categories, else from the model's item categories). Built once per sequences object; the
 * writes allocate nothing.
 */
final class SequenceRows {
    private final SequenceArchitecture architecture;
    private final EventSequences sequences;
    private final int[] itemRow;
    private final int[] categoryRow;        // by the sequences' category code, or null
    private final int[] categoryOfItemRow;  // by item row, from the model's item categories, or null
    private final EventFeature[] features;
    private final int length;
    private final boolean left;

    SequenceRows(SequenceArchitecture architecture, IdIndex items, IdIndex categories, int[] itemCategories,
                 EventSequences sequences) {
        this.architecture = architecture;
        this.sequences = sequences;
        this.length = architecture.maxLength();
        this.left = architecture.padding() == Padding.LEFT;
        this.features = architecture.features().toArray(new EventFeature[0]);
        this.itemRow = rows(sequences.itemVocabulary(), items);
        int[] byCode = null;
        int[] byItem = null;
        if (architecture.uses(EventFeature.CATEGORY)) {
            if (sequences.categories() != null) {
                byCode = rows(sequences.categoryVocabulary(), categories);
            } else if (itemCategories != null) {
                byItem = new int[architecture.itemRows()];
                Arrays.fill(byItem, SequenceArchitecture.FIRST_CODE_ROW - 1);
                for (int i = 0; i < itemCategories.length; i++) {
                    if (itemCategories[i] >= 0) {
                        byItem[i + SequenceArchitecture.FIRST_CODE_ROW] = itemCategories[i]
                                + SequenceArchitecture.FIRST_CODE_ROW;
                    }
                }
            } else {
                throw new IllegalArgumentException("the model embeds item categories but the sequences have none "
                        + "(and the model holds no item categories)");
            }
        }
        if (architecture.uses(EventFeature.TYPE) && sequences.types() == null) {
            throw new IllegalArgumentException("the model embeds event types but the sequences have none");
        }
        if (architecture.uses(EventFeature.GAP) && sequences.gaps() == null) {
            throw new IllegalArgumentException("the model embeds time gaps but the sequences have none");
        }
        this.categoryRow = byCode;
        this.categoryOfItemRow = byItem;
    }

    /** The model's row (2 + model code, or 1 when unknown) of every code of {@code from}. */
    private static int[] rows(IdIndex from, IdIndex model) {
        int[] out = new int[from.size()];
        boolean same = from.sameIdsAs(model);
        for (int c = 0; c < out.length; c++) {
            int code = same ? c : model.indexOf(from.id(c));
            out[c] = code < 0 ? SequenceArchitecture.FIRST_CODE_ROW - 1 : code + SequenceArchitecture.FIRST_CODE_ROW;
        }
        return out;
    }

    EventSequences sequences() {
        return sequences;
    }

    /** Positions per row. */
    int maxLength() {
        return length;
    }

    /** Whether rows are padded on the left. */
    boolean leftPadded() {
        return left;
    }

    /** Number of network input arrays besides the mask. */
    int idArrays() {
        return 1 + architecture.features().size();
    }

    /** The model's embedding row of event {@code p} of sequence {@code r}. */
    int itemRow(int r, int p) {
        return itemRow[sequences.items()[r][p]];
    }

    /**
     * Writes events {@code [from, to)} of sequence {@code r} ({@code to - from <= maxLength}) into row
     * {@code out} of the row-major {@code (rows, maxLength)} blocks: {@code ids[0]} items, then one block per used
     * attribute, and the mask; every slot of the row is written (padding = 0).
     */
    void write(int r, int from, int to, int[][] ids, float[] mask, int out) {
        int n = to - from;
        int base = out * length;
        int first = base + (left ? length - n : 0);
        for (int[] block : ids) {
            Arrays.fill(block, base, base + length, 0);
        }
        Arrays.fill(mask, base, base + length, 0f);
        int[] items = sequences.items()[r];
        for (int k = 0; k < n; k++) {
            int p = from + k;
            int slot = first + k;
            int row = itemRow[items[p]];
            ids[0][slot] = row;
            mask[slot] = 1f;
            int a = 1;
            for (EventFeature f : features) {
                int v;
                if (f == EventFeature.TYPE) {
                    v = 1 + sequences.types()[r][p];
                } else if (f == EventFeature.GAP) {
                    v = GapBuckets.bucket(sequences.gaps()[r][p], p == 0);
                } else if (categoryRow != null) {
                    v = categoryRow[sequences.categories()[r][p]];
                } else {
                    v = categoryOfItemRow[row];
                }
                ids[a++][slot] = v;
            }
        }
    }
}
