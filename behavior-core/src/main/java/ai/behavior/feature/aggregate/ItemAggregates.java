package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.feature.FeatureFrame;

import java.time.Duration;
import java.util.Arrays;

/**
 * Per-item aggregates of a behaviour log at a cut-off: one row per item with at least one event (of any type)
 * strictly before the cut-off, keyed by the item's external id, in item-index order. Events at or after the
 * cut-off are never used. Column names start with {@code item_} so that they stay distinct from
 * {@link UserAggregates}' when both are joined onto (user, item) rows.
 *
 * <pre>{@code
 * FeatureFrame items = ItemAggregates.compute(log, cutoff, AggregateOptions.defaults());
 * double[] views = items.numeric(ItemAggregates.countColumn(EventType.VIEW, Duration.ofDays(7)));
 * }</pre>
 *
 * <h2>Columns (all numeric)</h2>
 * <ul>
 *   <li>{@code item_<type>_<window>}, e.g. {@code item_view_7d}: events of that counted type in
 *   {@code [cutoff - window, cutoff)}.</li>
 *   <li>{@link #DISTINCT_USERS}: users with a counted event on the item before the cut-off.</li>
 *   <li>{@link #VIEW_TO_PURCHASE}: PURCHASE rows / VIEW rows before the cut-off; NaN when the item has no
 *   view (or smoothed as {@link AggregateOptions#rateSmoothing()} describes, towards the pooled rate of all
 *   items).</li>
 *   <li>{@link #PURCHASE_VALUE_MEAN}: mean PURCHASE value (the unit price paid in the synthetic shop); NaN when
 *   the item was never bought.</li>
 *   <li>{@link #RECENCY_DAYS}: cut-off minus the item's last event of any type, in days.</li>
 *   <li>{@link #AGE_DAYS}: cut-off minus the item's first event of any type, in days.</li>
 * </ul>
 * NaN marks a value that is not defined (see {@link UserAggregates} for how to impute it).
 */
public final class ItemAggregates {
    /** Prefix of every column. */
    public static final String PREFIX = "item_";
    /** Distinct users with a counted event. */
    public static final String DISTINCT_USERS = PREFIX + "distinct_users";
    /** Purchases per view. */
    public static final String VIEW_TO_PURCHASE = PREFIX + "view_to_purchase";
    /** Mean purchase value; NaN when never bought. */
    public static final String PURCHASE_VALUE_MEAN = PREFIX + "purchase_value_mean";
    /** Days since the item's last event. */
    public static final String RECENCY_DAYS = PREFIX + "recency_days";
    /** Days since the item's first event. */
    public static final String AGE_DAYS = PREFIX + "age_days";

    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int PURCHASE = EventType.PURCHASE.ordinal();

    private ItemAggregates() {
    }

    /** The name of a count column: {@code countColumn(VIEW, Duration.ofDays(7))} is {@code "item_view_7d"}. */
    public static String countColumn(EventType type, Duration window) {
        return WindowCounts.name(PREFIX, type, window);
    }

    /**
     * Aggregates every item with an event before the cut-off.
     *
     * @throws IllegalArgumentException if the log is empty or no event is before the cut-off
     */
    public static FeatureFrame compute(Interactions log, long cutoffMillis, AggregateOptions options) {
        Cutoff.check(log, options);
        int numItems = log.numItems();
        long[] first = new long[numItems];
        long[] last = new long[numItems];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        double[] users = new double[numItems];
        double[] views = new double[numItems];
        double[] purchases = new double[numItems];
        double[] paid = new double[numItems];
        int[] userStamp = new int[numItems]; // u + 1 once user u has been counted for the item
        // counts are kept per item index, then compacted to the active items
        WindowCounts perItem = new WindowCounts(options, cutoffMillis, numItems);
        UserHistories h = log.byUser();
        for (int u = 0; u < h.numUsers(); u++) {
            for (int p = h.start(u), end = h.end(u); p < end; p++) {
                int r = h.row(p);
                long t = log.timestamp(r);
                if (t >= cutoffMillis) {
                    break; // time-ordered: nothing at or after the cut-off is used
                }
                int i = log.item(r);
                int type = log.typeCode(r);
                first[i] = Math.min(first[i], t);
                last[i] = Math.max(last[i], t);
                perItem.add(i, type, t);
                if (type == VIEW) {
                    views[i]++;
                } else if (type == PURCHASE) {
                    purchases[i]++;
                    paid[i] += log.value(r);
                }
                if (perItem.counted(type) && userStamp[i] != u + 1) {
                    userStamp[i] = u + 1;
                    users[i]++;
                }
            }
        }
        int[] active = new int[numItems];
        int n = 0;
        for (int i = 0; i < numItems; i++) {
            if (first[i] != Long.MAX_VALUE) {
                active[n++] = i;
            }
        }
        if (n == 0) {
            throw Cutoff.nothingBefore("event", log, cutoffMillis);
        }
        active = Arrays.copyOf(active, n);
        IdIndex.Builder keys = IdIndex.builder();
        double[] recency = new double[n];
        double[] age = new double[n];
        double[] meanPaid = new double[n];
        for (int k = 0; k < n; k++) {
            int i = active[k];
            keys.intern(log.items().id(i));
            recency[k] = Cutoff.daysBefore(cutoffMillis, last[i]);
            age[k] = Cutoff.daysBefore(cutoffMillis, first[i]);
            meanPaid[k] = purchases[i] == 0 ? Double.NaN : paid[i] / purchases[i];
        }
        FeatureFrame.Builder frame = FeatureFrame.builder(n).keys(keys.build());
        perItem.compact(active).addTo(frame, PREFIX);
        return frame.numeric(DISTINCT_USERS, pick(users, active))
                .numeric(VIEW_TO_PURCHASE, Rates.of(pick(purchases, active), pick(views, active),
                        options.rateSmoothing()))
                .numeric(PURCHASE_VALUE_MEAN, meanPaid)
                .numeric(RECENCY_DAYS, recency)
                .numeric(AGE_DAYS, age)
                .build();
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }
}
