package ai.behavior.models.tasks;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.ItemAggregates;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.aggregate.UserCategoryAggregates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (user, item) purchase examples of a behaviour log at one or more cut-offs. At cut-off {@code c}, every pair
 * the user VIEWED strictly before {@code c} is a row; its label is 1 when the user has a PURCHASE of that item in
 * {@code [c, c + horizon)}. Every feature is computed from events strictly before {@code c}:
 * <ul>
 *   <li>pair features ({@code pair_*}): views (all, last 24 h), hours since the first and the last view, the
 *   view's recency rank among the user's viewed items (1 = most recent), favourites, carts and purchases of the
 *   item, hours since the last cart (NaN when never carted), and the item's share of the user's views;</li>
 *   <li>the user's aggregates ({@link UserAggregates}), the item's ({@link ItemAggregates}) and the user's
 *   aggregates in the item's category ({@link UserCategoryAggregates}), minus the columns that a log whose
 *   values are all 1 makes meaningless (purchase value means);</li>
 *   <li>more pair features: views in the last 6 h, hours since the last favourite (NaN when never), whether the
 *   user's last event on the item is a cart or a favourite, the user's views and purchases of OTHER items of the
 *   item's category after the item's last view, and whether the item's category is the category of the user's
 *   last event before {@code c};</li>
 *   <li>the item's category id as the categorical column {@value #CATEGORY};</li>
 *   <li>the token sequence {@value #TOKENS}: the user's last events before {@code c}, oldest first, each
 *   written relative to the candidate item as {@code type|relation|age}: the event type, whether the event is on
 *   this item, on another item of its category, or elsewhere, and how long before {@code c} it happened
 *   (&lt; 1 h, 1-6 h, 6-24 h, 1-3 d, older). Raw item ids would be a poor sequence vocabulary on a log where most
 *   items occur once.</li>
 * </ul>
 * Rows are ordered by cut-off, then user index, then item index.
 *
 * @param frame     numeric feature columns plus the sequence column {@value #TOKENS}
 * @param snapshot  the cut-off number of each row (index into {@code cutoffs})
 * @param users     the log's user index of each row
 * @param items     the log's item index of each row
 * @param labels    1 or 0 per row
 * @param cutoffs   the cut-offs (epoch ms)
 */
record PurchasePairs(FeatureFrame frame, int[] snapshot, int[] users, int[] items, double[] labels, long[] cutoffs) {
    /** The sequence column of event tokens. */
    static final String TOKENS = "tokens";
    /** The categorical column of the item's category id ({@code "none"} for an item without one). */
    static final String CATEGORY = "category";

    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int FAVOURITE = EventType.FAVOURITE.ordinal();
    private static final int CART = EventType.CART.ordinal();
    private static final int PURCHASE = EventType.PURCHASE.ordinal();
    private static final double HOUR = 3_600_000.0;
    /** Aggregate columns that carry nothing when every event value is 1. */
    private static final Set<String> DROPPED = Set.of(UserAggregates.MONETARY_MEAN, UserAggregates.MONETARY_SUM,
            ItemAggregates.PURCHASE_VALUE_MEAN);

    /** Number of rows. */
    int size() {
        return labels.length;
    }

    /** The aggregates' options: windows of 1, 3 and 30 days over views, favourites, carts and purchases. */
    static AggregateOptions aggregateOptions() {
        return AggregateOptions.defaults().withWindows(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(30))
                .withEventTypes(EventType.VIEW, EventType.FAVOURITE, EventType.CART, EventType.PURCHASE)
                .withDwell(false).withRateSmoothing(5);
    }

    /**
     * The rows of every cut-off in {@code cutoffs}, with labels from {@code [c, c + horizon)} and up to
     * {@code maxTokens} tokens per row; {@code items} is the items table with a categorical {@code category}.
     */
    static PurchasePairs build(Interactions log, AttributeTable itemTable, long[] cutoffs, Duration horizon,
                               int maxTokens) {
        int[] categoryOf = categories(log, itemTable);
        UserHistories h = log.byUser();
        AggregateOptions options = aggregateOptions();
        Map<String, DoubleColumn> numeric = new LinkedHashMap<>();
        IdIndex.Builder vocabulary = IdIndex.builder();
        List<int[]> tokens = new ArrayList<>();
        IntColumn snapshot = new IntColumn();
        IntColumn users = new IntColumn();
        IntColumn items = new IntColumn();
        DoubleColumn labels = new DoubleColumn();
        for (int s = 0; s < cutoffs.length; s++) {
            long c = cutoffs[s];
            long end = Math.addExact(c, horizon.toMillis());
            int first = users.size();
            Map<String, double[]> pair = pairRows(log, h, c, end, categoryOf, maxTokens, vocabulary, tokens, users,
                    items, labels);
            int n = users.size() - first;
            for (int r = 0; r < n; r++) {
                snapshot.add(s);
            }
            Map<String, double[]> columns = new LinkedHashMap<>(pair);
            int[] rowUsers = Arrays.copyOfRange(users.toArray(), first, first + n);
            int[] rowItems = Arrays.copyOfRange(items.toArray(), first, first + n);
            addJoined(columns, UserAggregates.compute(log, itemTable, c, options), rowUsers, log.users());
            addJoined(columns, ItemAggregates.compute(log, c, options), rowItems, log.items());
            FeatureFrame keys = FeatureFrame.builder(n).categorical("user", rowUsers, log.users())
                    .categorical("item", rowItems, log.items()).build();
            FeatureFrame uc = UserCategoryAggregates.join(keys, "user", "item",
                    UserCategoryAggregates.compute(log, itemTable, c, options), itemTable, options.categoryColumn());
            for (String name : uc.columnNames()) {
                if (!name.equals("user") && !name.equals("item")) {
                    columns.put(name, uc.numeric(name));
                }
            }
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                DoubleColumn col = numeric.computeIfAbsent(e.getKey(), k -> new DoubleColumn());
                if (col.size() != first) {
                    throw new IllegalStateException("column '" + e.getKey() + "' is missing at an earlier cut-off");
                }
                col.addAll(e.getValue());
            }
        }
        int rows = users.size();
        if (rows == 0) {
            throw new IllegalArgumentException("no user viewed an item before the cut-offs "
                    + Arrays.toString(cutoffs));
        }
        FeatureFrame.Builder frame = FeatureFrame.builder(rows);
        for (Map.Entry<String, DoubleColumn> e : numeric.entrySet()) {
            if (e.getValue().size() != rows) {
                throw new IllegalStateException("column '" + e.getKey() + "' is missing at a later cut-off");
            }
            frame.numeric(e.getKey(), e.getValue().toArray());
        }
        frame.sequences(TOKENS, tokens.toArray(new int[0][]), vocabulary.build());
        IdIndex categoryIds = itemTable.categorical(aggregateOptions().categoryColumn()).vocabulary();
        int[] rowItems = items.toArray();
        String[] categoryLabels = new String[rows];
        for (int r = 0; r < rows; r++) {
            int code = categoryOf[rowItems[r]];
            categoryLabels[r] = code < 0 ? "none" : categoryIds.id(code);
        }
        frame.categorical(CATEGORY, categoryLabels);
        return new PurchasePairs(frame.build(), snapshot.toArray(), users.toArray(), items.toArray(), labels.toArray(),
                cutoffs.clone());
    }

    /** The category code of every log item (-1 without one); a log item the table lacks is an error. */
    private static int[] categories(Interactions log, AttributeTable items) {
        AttributeTable.CategoricalColumn category = items.categorical(aggregateOptions().categoryColumn());
        int[] out = new int[log.numItems()];
        for (int i = 0; i < out.length; i++) {
            int row = items.keys().indexOf(log.items().id(i));
            if (row < 0) {
                throw new IllegalArgumentException("item '" + log.items().id(i) + "' of the log is not in the items "
                        + "table");
            }
            out[i] = category.code(row);
        }
        return out;
    }

    /** Per-user scratch of the pairs of one cut-off. */
    private static final class PairStats {
        int views;
        int views24h;
        int views6h;
        long firstView = Long.MAX_VALUE;
        long lastView = Long.MIN_VALUE;
        int favourites;
        int carts;
        int purchases;
        long lastCart = Long.MIN_VALUE;
        long lastFavourite = Long.MIN_VALUE;
        int lastType = -1;
    }

    private static Map<String, double[]> pairRows(Interactions log, UserHistories h, long c, long end,
                                                  int[] categoryOf, int maxTokens, IdIndex.Builder vocabulary,
                                                  List<int[]> tokens, IntColumn users, IntColumn items,
                                                  DoubleColumn labels) {
        String[] names = {"pair_views", "pair_views_24h", "pair_hours_since_first_view", "pair_hours_since_last_view",
            "pair_view_recency_rank", "pair_favourites", "pair_carts", "pair_purchases", "pair_hours_since_last_cart",
            "pair_view_share", "pair_views_6h", "pair_hours_since_last_favourite", "pair_last_is_cart",
            "pair_last_is_favourite", "pair_category_views_after", "pair_category_purchases_after",
            "pair_category_is_current"};
        DoubleColumn[] cols = new DoubleColumn[names.length];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = new DoubleColumn();
        }
        long dayBefore = c - 86_400_000L;
        long sixHoursBefore = c - 6 * 3_600_000L;
        for (int u = 0; u < h.numUsers(); u++) {
            Map<Integer, PairStats> stats = new HashMap<>();
            int before = h.start(u);
            int userViews = 0;
            while (before < h.end(u) && log.timestamp(h.row(before)) < c) {
                int r = h.row(before);
                int type = log.typeCode(r);
                long t = log.timestamp(r);
                PairStats p = stats.computeIfAbsent(log.item(r), k -> new PairStats());
                p.lastType = type;
                if (type == VIEW) {
                    p.views++;
                    userViews++;
                    p.views24h += t >= dayBefore ? 1 : 0;
                    p.views6h += t >= sixHoursBefore ? 1 : 0;
                    p.firstView = Math.min(p.firstView, t);
                    p.lastView = Math.max(p.lastView, t);
                } else if (type == FAVOURITE) {
                    p.favourites++;
                    p.lastFavourite = Math.max(p.lastFavourite, t);
                } else if (type == CART) {
                    p.carts++;
                    p.lastCart = Math.max(p.lastCart, t);
                } else if (type == PURCHASE) {
                    p.purchases++;
                }
                before++;
            }
            int[] viewed = stats.entrySet().stream().filter(e -> e.getValue().views > 0).mapToInt(Map.Entry::getKey)
                    .sorted().toArray();
            if (viewed.length == 0) {
                continue;
            }
            java.util.Set<Integer> bought = new java.util.HashSet<>();
            for (int p = before; p < h.end(u) && log.timestamp(h.row(p)) < end; p++) {
                if (log.typeCode(h.row(p)) == PURCHASE) {
                    bought.add(log.item(h.row(p)));
                }
            }
            Integer[] byRecency = Arrays.stream(viewed).boxed().toArray(Integer[]::new);
            Arrays.sort(byRecency, (a, b) -> Long.compare(stats.get(b).lastView, stats.get(a).lastView));
            Map<Integer, Integer> rank = new HashMap<>();
            for (int k = 0; k < byRecency.length; k++) {
                rank.put(byRecency[k], k + 1);
            }
            int from = Math.max(h.start(u), before - maxTokens);
            int currentCategory = categoryOf[log.item(h.row(before - 1))];
            for (int item : viewed) {
                PairStats p = stats.get(item);
                // what the user did in the item's category after last viewing it: still comparing, or bought
                // another item of it
                int categoryViewsAfter = 0;
                int categoryPurchasesAfter = 0;
                for (int q = h.start(u); q < before; q++) {
                    int r = h.row(q);
                    int other = log.item(r);
                    if (other != item && categoryOf[item] >= 0 && categoryOf[other] == categoryOf[item]
                            && log.timestamp(r) > p.lastView) {
                        categoryViewsAfter += log.typeCode(r) == VIEW ? 1 : 0;
                        categoryPurchasesAfter += log.typeCode(r) == PURCHASE ? 1 : 0;
                    }
                }
                users.add(u);
                items.add(item);
                labels.add(bought.contains(item) ? 1 : 0);
                double[] v = {p.views, p.views24h, (c - p.firstView) / HOUR, (c - p.lastView) / HOUR, rank.get(item),
                    p.favourites, p.carts, p.purchases, p.carts == 0 ? Double.NaN : (c - p.lastCart) / HOUR,
                    (double) p.views / userViews, p.views6h,
                    p.favourites == 0 ? Double.NaN : (c - p.lastFavourite) / HOUR, p.lastType == CART ? 1 : 0,
                    p.lastType == FAVOURITE ? 1 : 0, categoryViewsAfter, categoryPurchasesAfter,
                    categoryOf[item] >= 0 && categoryOf[item] == currentCategory ? 1 : 0};
                for (int k = 0; k < v.length; k++) {
                    cols[k].add(v[k]);
                }
                int[] seq = new int[before - from];
                for (int q = from; q < before; q++) {
                    int r = h.row(q);
                    seq[q - from] = vocabulary.intern(token(log.typeCode(r), log.item(r), item, categoryOf,
                            c - log.timestamp(r)));
                }
                tokens.add(seq);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            out.put(names[k], cols[k].toArray());
        }
        return out;
    }

    /** {@code type|relation|age} of one event relative to the candidate {@code item}. */
    static String token(int type, int eventItem, int item, int[] categoryOf, long ageMillis) {
        String relation = eventItem == item ? "item"
                : categoryOf[eventItem] >= 0 && categoryOf[eventItem] == categoryOf[item] ? "category" : "other";
        double hours = ageMillis / HOUR;
        String age = hours < 1 ? "1h" : hours < 6 ? "6h" : hours < 24 ? "24h" : hours < 72 ? "3d" : "older";
        return EventType.values()[type].label() + "|" + relation + "|" + age;
    }

    /** Adds the columns of a keyed aggregate frame, row {@code k} taken from the frame row of {@code ids[rows[k]]}. */
    private static void addJoined(Map<String, double[]> columns, FeatureFrame aggregates, int[] rows, IdIndex ids) {
        int[] match = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            match[k] = aggregates.keys().indexOf(ids.id(rows[k]));
            if (match[k] < 0) {
                throw new IllegalStateException("'" + ids.id(rows[k]) + "' has a viewed pair but no aggregate row");
            }
        }
        for (String name : aggregates.columnNames()) {
            if (DROPPED.contains(name)) {
                continue;
            }
            double[] from = aggregates.numeric(name);
            double[] v = new double[rows.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = from[match[k]];
            }
            if (columns.put(name, v) != null) {
                throw new IllegalStateException("column '" + name + "' appears twice");
            }
        }
    }

    /** A growable double column. */
    static final class DoubleColumn {
        private double[] a = new double[256];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        void addAll(double[] v) {
            for (double x : v) {
                add(x);
            }
        }

        int size() {
            return n;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable int column. */
    static final class IntColumn {
        private int[] a = new int[256];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
