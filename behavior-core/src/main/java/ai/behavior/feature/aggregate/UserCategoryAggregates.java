package ai.behavior.feature.aggregate;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.feature.FeatureFrame;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per (user, category) aggregates of a behaviour log at a cut-off: how much a user has engaged with each
 * category before it. One row per pair with at least one counted event (of
 * {@link AggregateOptions#eventTypes()}) strictly before the cut-off on an item of that category, ordered by
 * user index, then category code. Events at or after the cut-off are never used; counted events on items the
 * items table lists without a category belong to no pair; a counted event on an item the table does not list
 * is an error.
 *
 * <pre>{@code
 * FeatureFrame uc = UserCategoryAggregates.compute(log, shop.items(), cutoff, AggregateOptions.defaults());
 * FeatureFrame rows = UserCategoryAggregates.join(pairs, "user", "item", uc, shop.items(), "category");
 * }</pre>
 *
 * <h2>Row keys</h2>
 * {@link #key(String, String)}: the user id and the category label joined by {@code '|'}, each escaped so
 * that the key is unambiguous: a backslash becomes {@code "\\"} and a bar {@code "\|"}. User {@code "u1"} and
 * category {@code "shoes"} give {@code "u1|shoes"}.
 *
 * <h2>Columns (all numeric, prefixed {@code uc_})</h2>
 * <ul>
 *   <li>{@code uc_<type>_<window>}, e.g. {@code uc_view_7d}: the user's counted events of that type on items
 *   of the category in {@code [cutoff - window, cutoff)}.</li>
 *   <li>{@link #SHARE}: the pair's counted events / the user's counted events on items with a category (all
 *   history before the cut-off), in (0, 1].</li>
 *   <li>{@link #RECENCY_DAYS}: cut-off minus the user's last counted event in the category, in days.</li>
 * </ul>
 */
public final class UserCategoryAggregates {
    /** Prefix of every column. */
    public static final String PREFIX = "uc_";
    /** Share of the user's categorised counted events that fall in this category. */
    public static final String SHARE = PREFIX + "share";
    /** Days since the user's last counted event in this category. */
    public static final String RECENCY_DAYS = PREFIX + "recency_days";

    private UserCategoryAggregates() {
    }

    /** The name of a count column: {@code countColumn(VIEW, Duration.ofDays(7))} is {@code "uc_view_7d"}. */
    public static String countColumn(EventType type, Duration window) {
        return WindowCounts.name(PREFIX, type, window);
    }

    /** The row key of a pair: escaped user id, {@code '|'}, escaped category label. */
    public static String key(String userId, String category) {
        return escape(userId) + "|" + escape(category);
    }

    private static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('|') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }

    /**
     * Aggregates every (user, category) pair with a counted event before the cut-off.
     *
     * @throws IllegalArgumentException if the log is empty, the table has no categorical
     *                                  {@link AggregateOptions#categoryColumn()}, a counted event's item is not
     *                                  in the table, or no counted event on a categorised item is before the
     *                                  cut-off
     */
    public static FeatureFrame compute(Interactions log, AttributeTable items, long cutoffMillis,
                                       AggregateOptions options) {
        Cutoff.check(log, options);
        ItemCategories categories = ItemCategories.of(log, items, options.categoryColumn());
        IdIndex vocabulary = categories.vocabulary();
        UserHistories h = log.byUser();
        WindowCounts probe = new WindowCounts(options, cutoffMillis, 0);
        int[] stamp = new int[vocabulary.size()];
        int pairs = 0;
        for (int u = 0; u < h.numUsers(); u++) { // first pass: how many rows
            for (int p = h.start(u), end = h.end(u); p < end && log.timestamp(h.row(p)) < cutoffMillis; p++) {
                int r = h.row(p);
                if (probe.counted(log.typeCode(r))) {
                    int c = categories.of(r);
                    if (c >= 0 && stamp[c] != u + 1) {
                        stamp[c] = u + 1;
                        pairs++;
                    }
                }
            }
        }
        if (pairs == 0) {
            throw Cutoff.nothingBefore("counted event (" + options.eventTypes() + ") on an item with a '"
                    + options.categoryColumn() + "'", log, cutoffMillis);
        }
        Arrays.fill(stamp, 0);
        WindowCounts counts = new WindowCounts(options, cutoffMillis, pairs);
        double[] inPair = new double[pairs];
        double[] share = new double[pairs];
        double[] recency = new double[pairs];
        int[] rowOf = new int[vocabulary.size()];
        int[] touched = new int[vocabulary.size()];
        IdIndex.Builder keys = IdIndex.builder();
        int next = 0;
        for (int u = 0; u < h.numUsers(); u++) {
            int m = 0;
            for (int p = h.start(u), end = h.end(u); p < end && log.timestamp(h.row(p)) < cutoffMillis; p++) {
                int r = h.row(p);
                if (probe.counted(log.typeCode(r))) {
                    int c = categories.of(r);
                    if (c >= 0 && stamp[c] != u + 1) {
                        stamp[c] = u + 1;
                        touched[m++] = c;
                    }
                }
            }
            if (m == 0) {
                continue;
            }
            Arrays.sort(touched, 0, m); // rows of a user in category-code order
            int base = next;
            for (int j = 0; j < m; j++) {
                rowOf[touched[j]] = next;
                keys.intern(key(log.users().id(u), vocabulary.id(touched[j])));
                next++;
            }
            int total = 0;
            for (int p = h.start(u), end = h.end(u); p < end && log.timestamp(h.row(p)) < cutoffMillis; p++) {
                int r = h.row(p);
                int type = log.typeCode(r);
                if (probe.counted(type)) {
                    int c = categories.of(r);
                    if (c >= 0) {
                        long t = log.timestamp(r);
                        int row = rowOf[c];
                        counts.add(row, type, t);
                        inPair[row]++;
                        recency[row] = Cutoff.daysBefore(cutoffMillis, t); // time-ordered: the last one stays
                        total++;
                    }
                }
            }
            for (int row = base; row < next; row++) {
                share[row] = inPair[row] / total;
            }
        }
        FeatureFrame.Builder frame = FeatureFrame.builder(pairs).keys(keys.build());
        counts.addTo(frame, PREFIX);
        return frame.numeric(SHARE, share).numeric(RECENCY_DAYS, recency).build();
    }

    /**
     * Adds the user-category columns to (user, item) rows: for each row of {@code pairs}, the row of
     * {@code userCategory} whose key is {@code key(user, category of item)}. A pair with no history in that
     * category (not in {@code userCategory}) gets counts and share 0 and recency NaN; an item the table lists
     * without a category gets NaN in every added column. The result keeps {@code pairs}' columns and keys.
     *
     * @param pairs          rows with categorical user and item id columns
     * @param userColumn     the categorical column of {@code pairs} holding user ids
     * @param itemColumn     the categorical column of {@code pairs} holding item ids
     * @param userCategory   a frame made by {@link #compute}
     * @param items          the items table that gives each item's category
     * @param categoryColumn the categorical column of {@code items} holding the category
     * @throws IllegalArgumentException naming the column and row of a missing user or item id, an item the
     *                                  table does not list, or a column name both frames have
     */
    public static FeatureFrame join(FeatureFrame pairs, String userColumn, String itemColumn,
                                    FeatureFrame userCategory, AttributeTable items, String categoryColumn) {
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(userCategory, "userCategory");
        Objects.requireNonNull(items, "items");
        if (userCategory.keys() == null || !userCategory.has(SHARE) || !userCategory.has(RECENCY_DAYS)) {
            throw new IllegalArgumentException("userCategory must be a frame made by UserCategoryAggregates.compute "
                    + "(keyed, with '" + SHARE + "' and '" + RECENCY_DAYS + "'); it has " + userCategory.columnNames());
        }
        int[] users = pairs.codes(userColumn);
        int[] itemCodes = pairs.codes(itemColumn);
        IdIndex userIds = pairs.vocabulary(userColumn);
        IdIndex itemIds = pairs.vocabulary(itemColumn);
        AttributeTable.CategoricalColumn categories = items.categorical(categoryColumn);
        int[] tableRow = new int[itemIds.size()]; // per item code of pairs: its items-table row, -1 when absent
        for (int v = 0; v < tableRow.length; v++) {
            tableRow[v] = items.keys().indexOf(itemIds.id(v));
        }
        int n = pairs.rows();
        int[] match = new int[n];
        boolean[] undefined = new boolean[n];
        for (int r = 0; r < n; r++) {
            if (users[r] < 0) {
                throw new IllegalArgumentException("column '" + userColumn + "' row " + r + ": the user id is missing");
            }
            if (itemCodes[r] < 0) {
                throw new IllegalArgumentException("column '" + itemColumn + "' row " + r + ": the item id is missing");
            }
            int row = tableRow[itemCodes[r]];
            if (row < 0) {
                throw new IllegalArgumentException("column '" + itemColumn + "' row " + r + ": item '"
                        + itemIds.id(itemCodes[r]) + "' is not in the items table");
            }
            String category = categories.label(row);
            undefined[r] = category == null;
            match[r] = category == null ? -1 : userCategory.keys().indexOf(key(userIds.id(users[r]), category));
        }
        FeatureFrame.Builder out = FeatureFrame.builder(n);
        if (pairs.keys() != null) {
            out.keys(pairs.keys());
        }
        for (String name : pairs.columnNames()) {
            copy(pairs, name, out);
        }
        for (String name : userCategory.columnNames()) {
            if (pairs.has(name)) {
                throw new IllegalArgumentException("both frames have a column '" + name + "'");
            }
            double[] from = userCategory.numeric(name);
            double absent = name.equals(RECENCY_DAYS) ? Double.NaN : 0;
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = undefined[r] ? Double.NaN : match[r] < 0 ? absent : from[match[r]];
            }
            out.numeric(name, v);
        }
        return out.build();
    }

    private static void copy(FeatureFrame from, String name, FeatureFrame.Builder to) {
        switch (from.type(name)) {
            case NUMERIC -> to.numeric(name, from.numeric(name));
            case CATEGORICAL -> to.categorical(name, from.codes(name), from.vocabulary(name));
            case TIMESTAMP -> to.timestamps(name, from.timestamps(name));
            case TEXT -> to.text(name, from.text(name));
            case SEQUENCE -> to.sequences(name, from.sequences(name), from.vocabulary(name));
            default -> throw new IllegalStateException("unhandled column type " + from.type(name));
        }
    }
}
