package ai.behavior.feature.sequence;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Builds each user's last N events strictly before a cut-off time: the input of a sequence model scored at
 * that cut-off (churn, next purchase). Immutable; {@link #build} may be called on many logs and cut-offs.
 *
 * <pre>{@code
 * UserSequences s = SequenceBuilder.lastEvents(20).withCategories(shop.items(), "category")
 *         .ofTypes(EventType.VIEW, EventType.PURCHASE).build(log, cutoffMillis);
 * }</pre>
 *
 * <p>Leakage guard: only events with timestamp {@code < cutoff} are used; for the events at or after it,
 * only their timestamps are compared with the cut-off (a binary search over each user's time-ordered
 * history), so adding, removing or changing them never changes the result. Users with no kept event before
 * the cut-off are left out, so even the existence of a user who only appears later does not leak. Items are
 * joined to the item table on their external id; an item the table lacks, or whose category is missing,
 * gets the category {@link UserSequences#MISSING_CATEGORY}.
 */
public final class SequenceBuilder {
    private final int maxLength;
    private final AttributeTable itemTable;
    private final String categoryColumn;
    private final Set<EventType> types;

    private SequenceBuilder(int maxLength, AttributeTable itemTable, String categoryColumn, Set<EventType> types) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("a sequence keeps at least 1 event, got maxLength " + maxLength);
        }
        this.maxLength = maxLength;
        this.itemTable = itemTable;
        this.categoryColumn = categoryColumn;
        this.types = types;
    }

    /** Keeps each user's last {@code maxLength} events of every type; categories all missing until set. */
    public static SequenceBuilder lastEvents(int maxLength) {
        return new SequenceBuilder(maxLength, null, null, EnumSet.allOf(EventType.class));
    }

    /** The same, taking item categories from the categorical column {@code column} of {@code items}. */
    public SequenceBuilder withCategories(AttributeTable items, String column) {
        Objects.requireNonNull(items, "items");
        AttributeTable.CategoricalColumn c = items.categorical(column); // a clear error if absent or numeric
        if (c.vocabulary().contains(UserSequences.MISSING_CATEGORY)) {
            throw new IllegalArgumentException("column '" + column + "' has a category labelled '"
                    + UserSequences.MISSING_CATEGORY + "', which is reserved for items without a category");
        }
        return new SequenceBuilder(maxLength, items, column, types);
    }

    /** The same, keeping only events of the given types (at least one). */
    public SequenceBuilder ofTypes(EventType... kept) {
        if (kept.length == 0) {
            throw new IllegalArgumentException("name at least one event type to keep");
        }
        return new SequenceBuilder(maxLength, itemTable, categoryColumn, Set.copyOf(Arrays.asList(kept)));
    }

    /** Most events kept per user. */
    public int maxLength() {
        return maxLength;
    }

    /** Each user's last events of {@code log} strictly before {@code cutoffMillis} (epoch ms). */
    public UserSequences build(Interactions log, long cutoffMillis) {
        boolean[] keep = new boolean[EventType.values().length];
        types.forEach(t -> keep[t.ordinal()] = true);
        IdIndex categoryVocabulary = categoryVocabulary();
        int[] categoryOfItem = categoryOfItem(log.items(), categoryVocabulary.size() - 1);

        UserHistories h = log.byUser();
        int numUsers = h.numUsers();
        int[] userIndices = new int[numUsers];
        int[][] items = new int[numUsers][];
        int[][] categories = new int[numUsers][];
        int[][] eventTypes = new int[numUsers][];
        double[][] gaps = new double[numUsers][];
        double[] sinceLast = new double[numUsers];
        IdIndex.Builder userIds = IdIndex.builder();
        int[] picked = new int[maxLength];
        int n = 0;
        for (int u = 0; u < numUsers; u++) {
            int before = firstAtOrAfter(log, h, h.start(u), h.end(u), cutoffMillis);
            int k = 0; // walk back from the cut-off, keeping the newest events of the wanted types
            for (int p = before - 1; p >= h.start(u) && k < maxLength; p--) {
                if (keep[log.typeCode(h.row(p))]) {
                    picked[k++] = h.row(p);
                }
            }
            if (k == 0) {
                continue;
            }
            int[] it = new int[k];
            int[] cat = new int[k];
            int[] ty = new int[k];
            double[] gap = new double[k];
            for (int i = 0; i < k; i++) {
                int row = picked[k - 1 - i]; // oldest first
                it[i] = log.item(row);
                cat[i] = categoryOfItem[it[i]];
                ty[i] = log.typeCode(row);
                gap[i] = i == 0 ? 0 : (log.timestamp(row) - log.timestamp(picked[k - i])) / 1000.0;
            }
            userIndices[n] = u;
            items[n] = it;
            categories[n] = cat;
            eventTypes[n] = ty;
            gaps[n] = gap;
            sinceLast[n] = (cutoffMillis - log.timestamp(picked[0])) / 1000.0;
            userIds.intern(log.users().id(u));
            n++;
        }
        return new UserSequences(userIds.build(), Arrays.copyOf(userIndices, n), Arrays.copyOf(items, n),
                Arrays.copyOf(categories, n), Arrays.copyOf(eventTypes, n), Arrays.copyOf(gaps, n),
                Arrays.copyOf(sinceLast, n), cutoffMillis, log.items(), categoryVocabulary);
    }

    /** First position in {@code [from, to)} whose timestamp is {@code >= cutoff} (histories are time-ordered). */
    private static int firstAtOrAfter(Interactions log, UserHistories h, int from, int to, long cutoff) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (log.timestamp(h.row(mid)) < cutoff) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private IdIndex categoryVocabulary() {
        IdIndex.Builder b = IdIndex.builder();
        if (itemTable != null) {
            for (String label : itemTable.categorical(categoryColumn).vocabulary().ids()) {
                b.intern(label);
            }
        }
        b.intern(UserSequences.MISSING_CATEGORY);
        return b.build();
    }

    /** The category code of every item of the log, joined on external id; {@code missing} when none. */
    private int[] categoryOfItem(IdIndex logItems, int missing) {
        int[] out = new int[logItems.size()];
        Arrays.fill(out, missing);
        if (itemTable != null) {
            AttributeTable.CategoricalColumn c = itemTable.categorical(categoryColumn);
            for (int i = 0; i < out.length; i++) {
                int row = itemTable.keys().indexOf(logItems.id(i));
                if (row >= 0 && c.code(row) >= 0) {
                    out[i] = c.code(row);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SequenceBuilder[last " + maxLength + " events of " + types + (itemTable == null ? ""
                : ", categories from " + categoryColumn) + "]";
    }
}
