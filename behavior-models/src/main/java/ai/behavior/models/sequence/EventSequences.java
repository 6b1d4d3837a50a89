package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.feature.sequence.UserSequences;

import java.util.Arrays;
import java.util.Objects;

/**
 * Event sequences, oldest event first, as sequence models read them: item codes into an item vocabulary and,
 * optionally, per-event types, gaps and category codes. Row {@code r} is one sequence (a user's history, a
 * session); every optional array, when present, has the same length as the items of that row.
 *
 * <pre>{@code
 * EventSequences s = EventSequences.of(SequenceBuilder.lastEvents(50).build(log, cutoff));
 * EventSequences h = EventSequences.histories(log);   // every user's whole history, in user-index order
 * }</pre>
 *
 * <p>Checked on construction: a code outside its vocabulary, a type code outside {@link EventType}, a negative or
 * non-finite gap, or optional arrays whose lengths differ from the items' is an {@link IllegalArgumentException}
 * naming the row and position. Arrays are shared, not copied.
 *
 * @param items              item codes into {@code itemVocabulary}
 * @param itemVocabulary     the item ids
 * @param types              event-type codes ({@link EventType#ordinal()}), or null
 * @param gaps               seconds since the previous event of the row (the first is ignored), or null
 * @param categories         category codes into {@code categoryVocabulary}, or null
 * @param categoryVocabulary the category labels, or null without categories
 */
public record EventSequences(int[][] items, IdIndex itemVocabulary, int[][] types, double[][] gaps,
                             int[][] categories, IdIndex categoryVocabulary) {
    /** Checks shapes and codes. */
    public EventSequences {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(itemVocabulary, "itemVocabulary");
        if ((categories == null) != (categoryVocabulary == null)) {
            throw new IllegalArgumentException("give categories and their vocabulary together (or neither)");
        }
        int numTypes = EventType.values().length;
        for (int r = 0; r < items.length; r++) {
            int[] row = items[r];
            if (row == null) {
                throw new IllegalArgumentException("sequence " + r + " is null");
            }
            checkCodes("item", row, itemVocabulary.size(), r);
            if (types != null) {
                checkLength("types", types, r, row.length);
                checkCodes("event type", types[r], numTypes, r);
            }
            if (categories != null) {
                checkLength("categories", categories, r, row.length);
                checkCodes("category", categories[r], categoryVocabulary.size(), r);
            }
            if (gaps != null) {
                checkLength("gaps", gaps, r, row.length);
                double[] g = gaps[r];
                for (int p = 1; p < g.length; p++) {
                    if (!(g[p] >= 0) || Double.isInfinite(g[p])) {
                        throw new IllegalArgumentException("sequence " + r + ", position " + p + ": gap " + g[p]
                                + " seconds is not a finite value >= 0");
                    }
                }
            }
        }
        checkRows("types", types, items.length);
        checkRows("gaps", gaps, items.length);
        checkRows("categories", categories, items.length);
    }

    /** Item codes only. */
    public static EventSequences ofItems(int[][] items, IdIndex itemVocabulary) {
        return new EventSequences(items, itemVocabulary, null, null, null, null);
    }

    /** The sequences of a {@link UserSequences} (items, types, gaps and categories), one row per user there. */
    public static EventSequences of(UserSequences s) {
        return new EventSequences(s.items(), s.itemVocabulary(), s.types(), s.gaps(), s.categories(),
                s.categoryVocabulary());
    }

    /**
     * Every user's whole history in {@code log} (items, types and gaps; oldest first, ties in log order), one row
     * per user index of the log, empty for users without events there.
     */
    public static EventSequences histories(Interactions log) {
        UserHistories h = log.byUser();
        int[][] items = new int[h.numUsers()][];
        int[][] types = new int[h.numUsers()][];
        double[][] gaps = new double[h.numUsers()][];
        for (int u = 0; u < h.numUsers(); u++) {
            int n = h.count(u);
            items[u] = new int[n];
            types[u] = new int[n];
            gaps[u] = new double[n];
            for (int k = 0; k < n; k++) {
                int row = h.row(h.start(u) + k);
                items[u][k] = log.item(row);
                types[u][k] = log.typeCode(row);
                gaps[u][k] = k == 0 ? 0 : (log.timestamp(row) - log.timestamp(h.row(h.start(u) + k - 1))) / 1000.0;
            }
        }
        return new EventSequences(items, log.items(), types, gaps, null, null);
    }

    /** Number of sequences. */
    public int size() {
        return items.length;
    }

    /** The rows {@code rows}, in that order (arrays shared). */
    public EventSequences select(int[] rows) {
        int[][] it = new int[rows.length][];
        int[][] ty = types == null ? null : new int[rows.length][];
        double[][] ga = gaps == null ? null : new double[rows.length][];
        int[][] ca = categories == null ? null : new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int r = Objects.checkIndex(rows[i], items.length);
            it[i] = items[r];
            if (ty != null) {
                ty[i] = types[r];
            }
            if (ga != null) {
                ga[i] = gaps[r];
            }
            if (ca != null) {
                ca[i] = categories[r];
            }
        }
        return new EventSequences(it, itemVocabulary, ty, ga, ca, categoryVocabulary);
    }

    private static void checkCodes(String what, int[] codes, int size, int row) {
        for (int p = 0; p < codes.length; p++) {
            if (codes[p] < 0 || codes[p] >= size) {
                throw new IllegalArgumentException("sequence " + row + ", position " + p + ": " + what + " code "
                        + codes[p] + " is outside its vocabulary [0, " + size + ")");
            }
        }
    }

    private static void checkLength(String what, Object[] arrays, int row, int length) {
        if (row >= arrays.length || arrays[row] == null) {
            throw new IllegalArgumentException("sequence " + row + " has no " + what);
        }
        int n = java.lang.reflect.Array.getLength(arrays[row]);
        if (n != length) {
            throw new IllegalArgumentException("sequence " + row + " has " + length + " items but " + n + " " + what);
        }
    }

    private static void checkRows(String what, Object[] arrays, int rows) {
        if (arrays != null && arrays.length != rows) {
            throw new IllegalArgumentException(rows + " sequences but " + arrays.length + " rows of " + what);
        }
    }

    @Override
    public String toString() {
        long events = Arrays.stream(items).mapToLong(a -> a.length).sum();
        return "EventSequences[" + items.length + " sequences, " + events + " events" + (types != null ? ", types" : "")
                + (gaps != null ? ", gaps" : "") + (categories != null ? ", categories" : "") + "]";
    }
}
