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
 * Per-user aggregates of a behaviour log at a cut-off: one row per user with at least one event (of any type)
 * strictly before the cut-off, keyed by the user's external id, in user-index order. Events at or after the
 * cut-off are never used, so features computed at a cut-off cannot see the labels that follow it.
 *
 * <pre>{@code
 * FeatureFrame users = UserAggregates.compute(log, shop.items(), cutoff, AggregateOptions.defaults());
 * double[] recency = users.numeric(UserAggregates.RECENCY_DAYS);
 * }</pre>
 *
 * <h2>Columns (all numeric)</h2>
 * "Counted" events are those of {@link AggregateOptions#eventTypes()}; "before" means strictly before the
 * cut-off; day counts are fractional ({@code millis / 86,400,000}).
 * <ul>
 *   <li>{@code <type>_<window>}, e.g. {@code view_7d}: counted events of that type in
 *   {@code [cutoff - window, cutoff)} (see {@link #countColumn}).</li>
 *   <li>{@link #RECENCY_DAYS}: cut-off minus the user's last event of any type, in days (always &gt; 0).</li>
 *   <li>{@link #PURCHASE_RECENCY_DAYS}: cut-off minus the last PURCHASE, in days; NaN when the user never
 *   purchased.</li>
 *   <li>{@link #FREQUENCY}: number of PURCHASE rows before the cut-off (all history).</li>
 *   <li>{@link #MONETARY_SUM} / {@link #MONETARY_MEAN}: sum and mean of the PURCHASE values (the unit price
 *   in the synthetic shop; whatever the source's value column holds otherwise); the sum is 0 and the mean NaN
 *   when the user never purchased.</li>
 *   <li>{@link #VIEW_TO_CART}: CART rows / VIEW rows; {@link #CART_TO_PURCHASE}: PURCHASE rows / CART rows
 *   (all history). Without smoothing a rate is NaN when its denominator is 0; with
 *   {@link AggregateOptions#rateSmoothing()} {@code k > 0} it is {@code (num + k p) / (den + k)}, with
 *   {@code p} the pooled rate of all users before the cut-off. A rate can exceed 1 in logs that record carts
 *   without views.</li>
 *   <li>{@link #DWELL_MEAN} / {@link #DWELL_MAX} (only with {@link AggregateOptions#dwell()}): mean and
 *   maximum of the VIEW values, which the synthetic shop and the {@link Interactions} convention define as
 *   dwell seconds; NaN when the user has no view.</li>
 *   <li>{@link #DISTINCT_ITEMS}: distinct items of the user's counted events.</li>
 *   <li>{@link #DISTINCT_CATEGORIES} (only when an items table is given): distinct categories of those items;
 *   an item the table lists without a category adds none, an item the table does not list is an error.</li>
 *   <li>{@link #SESSIONS}: sessions with an event before the cut-off (a session that straddles the cut-off
 *   counts with its earlier events only). When the log has session ids, each distinct id is a session; rows
 *   without one (and every row of a log without sessions) are cut into sessions by inactivity: a row more than
 *   {@link AggregateOptions#sessionGap()} after the user's previous such row starts a new session.</li>
 *   <li>{@link #SESSION_EVENTS_MEAN}: events of any type before the cut-off per session.</li>
 *   <li>{@link #ACTIVE_DAYS}: distinct UTC calendar dates ({@code floorDiv(t, 86,400,000)}) with an event.</li>
 *   <li>{@link #TENURE_DAYS}: cut-off minus the user's first event, in days.</li>
 *   <li>{@code cat.<label>.<type>} (only with {@link AggregateOptions#categoryCounts()}): counted events of
 *   that type on items of that category, all history; one column per label of the category vocabulary, so
 *   frames at different cut-offs share their columns (see {@link #categoryCountColumn}).</li>
 * </ul>
 *
 * <p>NaN marks a value that is not defined for the user, never a failure: declare a
 * {@link ai.behavior.feature.numeric.MissingValues} policy for those columns in the pipeline, ideally with an
 * indicator, since "never purchased" is itself informative.
 */
public final class UserAggregates {
    /** Days since the last event of any type. */
    public static final String RECENCY_DAYS = "recency_days";
    /** Days since the last purchase; NaN when none. */
    public static final String PURCHASE_RECENCY_DAYS = "purchase_recency_days";
    /** Number of purchases. */
    public static final String FREQUENCY = "frequency";
    /** Sum of purchase values. */
    public static final String MONETARY_SUM = "monetary_sum";
    /** Mean purchase value; NaN when none. */
    public static final String MONETARY_MEAN = "monetary_mean";
    /** Carts per view. */
    public static final String VIEW_TO_CART = "view_to_cart";
    /** Purchases per cart. */
    public static final String CART_TO_PURCHASE = "cart_to_purchase";
    /** Mean view dwell (seconds); NaN when no view. */
    public static final String DWELL_MEAN = "dwell_mean";
    /** Longest view dwell (seconds); NaN when no view. */
    public static final String DWELL_MAX = "dwell_max";
    /** Distinct items of counted events. */
    public static final String DISTINCT_ITEMS = "distinct_items";
    /** Distinct categories of counted events. */
    public static final String DISTINCT_CATEGORIES = "distinct_categories";
    /** Number of sessions. */
    public static final String SESSIONS = "sessions";
    /** Events per session. */
    public static final String SESSION_EVENTS_MEAN = "session_events_mean";
    /** Distinct UTC dates with an event. */
    public static final String ACTIVE_DAYS = "active_days";
    /** Days since the first event. */
    public static final String TENURE_DAYS = "tenure_days";

    private static final long DAY = 86_400_000L;
    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int CART = EventType.CART.ordinal();
    private static final int PURCHASE = EventType.PURCHASE.ordinal();

    private UserAggregates() {
    }

    /** The name of a count column: {@code countColumn(VIEW, Duration.ofDays(7))} is {@code "view_7d"}. */
    public static String countColumn(EventType type, Duration window) {
        return WindowCounts.name("", type, window);
    }

    /** The name of a per-category count column: {@code "cat.shoes.purchase"}. */
    public static String categoryCountColumn(String category, EventType type) {
        return "cat." + category + "." + type.label();
    }

    /**
     * Aggregates without an items table (no category columns).
     *
     * @throws IllegalArgumentException if the log is empty, no event is before the cut-off, or
     *                                  {@link AggregateOptions#categoryCounts()} is on
     */
    public static FeatureFrame compute(Interactions log, long cutoffMillis, AggregateOptions options) {
        Cutoff.check(log, options);
        if (options.categoryCounts()) {
            throw new IllegalArgumentException("categoryCounts needs an items table: call "
                    + "compute(log, items, cutoffMillis, options)");
        }
        return run(log, null, cutoffMillis, options);
    }

    /**
     * Aggregates with {@link #DISTINCT_CATEGORIES} (and the per-category counts when asked), reading each
     * item's category from {@code items}.
     *
     * @throws IllegalArgumentException if the log is empty, no event is before the cut-off, the table has no
     *                                  categorical {@link AggregateOptions#categoryColumn()}, or a counted
     *                                  event's item is not in the table
     */
    public static FeatureFrame compute(Interactions log, AttributeTable items, long cutoffMillis,
                                       AggregateOptions options) {
        Cutoff.check(log, options);
        Objects.requireNonNull(items, "items");
        return run(log, ItemCategories.of(log, items, options.categoryColumn()), cutoffMillis, options);
    }

    private static FeatureFrame run(Interactions log, ItemCategories categories, long cutoff,
                                    AggregateOptions options) {
        UserHistories h = log.byUser();
        int[] active = activeUsers(log, h, cutoff);
        int n = active.length;
        int numTypes = options.eventTypes().size();
        int numCategories = categories == null ? 0 : categories.vocabulary().size();
        WindowCounts counts = new WindowCounts(options, cutoff, n);
        double[][] categoryCounts = options.categoryCounts() ? new double[numCategories * numTypes][n] : null;
        double[] recency = new double[n];
        double[] purchaseRecency = new double[n];
        double[] purchases = new double[n];
        double[] spend = new double[n];
        double[] spendMean = new double[n];
        double[] views = new double[n];
        double[] carts = new double[n];
        double[] dwellMean = new double[n];
        double[] dwellMax = new double[n];
        double[] distinctItems = new double[n];
        double[] distinctCategories = new double[n];
        double[] sessions = new double[n];
        double[] sessionEvents = new double[n];
        double[] activeDays = new double[n];
        double[] tenure = new double[n];
        // stamps mark "already seen for this user" without clearing arrays between users
        int[] itemStamp = new int[log.numItems()];
        int[] categoryStamp = new int[numCategories];
        int[] sessionStamp = log.hasSessions() ? new int[log.sessions().size()] : null;
        long gap = options.sessionGap().toMillis();
        IdIndex.Builder keys = IdIndex.builder();
        for (int k = 0; k < n; k++) {
            int u = active[k];
            int stamp = k + 1;
            keys.intern(log.users().id(u));
            long first = log.timestamp(h.row(h.start(u)));
            long last = first;
            long lastPurchase = Long.MIN_VALUE;
            long lastLoose = Long.MIN_VALUE; // previous row without a session id
            boolean anyLoose = false;
            long lastDay = Long.MIN_VALUE;
            int events = 0;
            double dwellSum = 0;
            double dwellTop = Double.NEGATIVE_INFINITY;
            for (int p = h.start(u), end = h.end(u); p < end; p++) {
                int r = h.row(p);
                long t = log.timestamp(r);
                if (t >= cutoff) {
                    break; // rows are time-ordered: nothing at or after the cut-off is used
                }
                int type = log.typeCode(r);
                events++;
                last = t;
                counts.add(k, type, t);
                long day = Math.floorDiv(t, DAY);
                if (day != lastDay) {
                    activeDays[k]++;
                    lastDay = day;
                }
                if (type == VIEW) {
                    views[k]++;
                    dwellSum += log.value(r);
                    dwellTop = Math.max(dwellTop, log.value(r));
                } else if (type == CART) {
                    carts[k]++;
                } else if (type == PURCHASE) {
                    purchases[k]++;
                    spend[k] += log.value(r);
                    lastPurchase = t;
                }
                int s = log.session(r);
                if (s != Interactions.NO_SESSION) {
                    if (sessionStamp[s] != stamp) {
                        sessionStamp[s] = stamp;
                        sessions[k]++;
                    }
                } else {
                    if (!anyLoose || t - lastLoose > gap) {
                        sessions[k]++;
                    }
                    anyLoose = true;
                    lastLoose = t;
                }
                if (counts.counted(type)) {
                    int item = log.item(r);
                    if (itemStamp[item] != stamp) {
                        itemStamp[item] = stamp;
                        distinctItems[k]++;
                    }
                    if (categories != null) {
                        int c = categories.of(r);
                        if (c >= 0) {
                            if (categoryStamp[c] != stamp) {
                                categoryStamp[c] = stamp;
                                distinctCategories[k]++;
                            }
                            if (categoryCounts != null) {
                                categoryCounts[c * numTypes + counts.slot(type)][k]++;
                            }
                        }
                    }
                }
            }
            recency[k] = Cutoff.daysBefore(cutoff, last);
            tenure[k] = Cutoff.daysBefore(cutoff, first);
            purchaseRecency[k] = purchases[k] == 0 ? Double.NaN : Cutoff.daysBefore(cutoff, lastPurchase);
            spendMean[k] = purchases[k] == 0 ? Double.NaN : spend[k] / purchases[k];
            dwellMean[k] = views[k] == 0 ? Double.NaN : dwellSum / views[k];
            dwellMax[k] = views[k] == 0 ? Double.NaN : dwellTop;
            sessionEvents[k] = events / sessions[k];
        }
        double smoothing = options.rateSmoothing();
        FeatureFrame.Builder frame = FeatureFrame.builder(n).keys(keys.build());
        counts.addTo(frame, "");
        frame.numeric(RECENCY_DAYS, recency)
                .numeric(PURCHASE_RECENCY_DAYS, purchaseRecency)
                .numeric(FREQUENCY, purchases)
                .numeric(MONETARY_SUM, spend)
                .numeric(MONETARY_MEAN, spendMean)
                .numeric(VIEW_TO_CART, Rates.of(carts, views, smoothing))
                .numeric(CART_TO_PURCHASE, Rates.of(purchases, carts, smoothing));
        if (options.dwell()) {
            frame.numeric(DWELL_MEAN, dwellMean).numeric(DWELL_MAX, dwellMax);
        }
        frame.numeric(DISTINCT_ITEMS, distinctItems);
        if (categories != null) {
            frame.numeric(DISTINCT_CATEGORIES, distinctCategories);
        }
        frame.numeric(SESSIONS, sessions)
                .numeric(SESSION_EVENTS_MEAN, sessionEvents)
                .numeric(ACTIVE_DAYS, activeDays)
                .numeric(TENURE_DAYS, tenure);
        if (categoryCounts != null) {
            for (int c = 0; c < numCategories; c++) {
                for (int s = 0; s < numTypes; s++) {
                    frame.numeric(categoryCountColumn(categories.vocabulary().id(c), options.eventTypes().get(s)),
                            categoryCounts[c * numTypes + s]);
                }
            }
        }
        return frame.build();
    }

    /** Users whose first event is before the cut-off, in index order. */
    private static int[] activeUsers(Interactions log, UserHistories h, long cutoff) {
        int[] active = new int[h.numUsers()];
        int n = 0;
        for (int u = 0; u < h.numUsers(); u++) {
            if (h.count(u) > 0 && log.timestamp(h.row(h.start(u))) < cutoff) {
                active[n++] = u;
            }
        }
        if (n == 0) {
            throw Cutoff.nothingBefore("event", log, cutoff);
        }
        return Arrays.copyOf(active, n);
    }
}
