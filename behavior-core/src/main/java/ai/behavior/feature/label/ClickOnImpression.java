package ai.behavior.feature.label;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The click-through label of every IMPRESSION row: 1 if the same user has a CLICK row on the same item at a
 * time {@code c} with {@code t < c <= t + window}, where {@code t} is the impression's time, else 0. A click at
 * the very millisecond of the impression does not count (it cannot be a response to it); one exactly
 * {@code window} later does. When the log has sessions the click must also carry the same session index as
 * the impression (rows without a session match only rows without one), so a click in a later visit is not
 * credited to an old impression. Only CLICK rows count: a VIEW of the item is not a click.
 *
 * <pre>{@code
 * ImpressionLabels y = ClickOnImpression.of(log, Duration.ofMinutes(5));
 * System.out.println(y.positives() + " of " + y.size() + " impressions clicked");
 * }</pre>
 *
 * <p>Impressions in the last {@code window} of the log ({@code t + window} after its last event) may have a
 * click the log has not recorded; they are labelled with what the log holds and counted in
 * {@link ImpressionLabels#censored()}. Cost: one pass over each user's time-ordered rows.
 */
public final class ClickOnImpression {
    private static final int CLICK = EventType.CLICK.ordinal();
    private static final int IMPRESSION = EventType.IMPRESSION.ordinal();

    private ClickOnImpression() {
    }

    /**
     * Labels every IMPRESSION row of {@code log}.
     *
     * @throws IllegalArgumentException if the log is empty, has no IMPRESSION row, or the window is not
     *                                  positive
     */
    public static ImpressionLabels of(Interactions log, Duration window) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(window, "window");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the log is empty: there is nothing to label");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        long span = window.toMillis();
        int[] rows = new int[log.size()];
        int n = 0;
        for (int r = 0; r < log.size(); r++) {
            if (log.typeCode(r) == IMPRESSION) {
                rows[n++] = r;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the log has no IMPRESSION rows; its event counts are "
                    + log.countByType());
        }
        rows = Arrays.copyOf(rows, n);
        double[] labels = new double[n];
        long last = log.maxTimestamp();
        int censored = 0;
        UserHistories h = log.byUser();
        // (item, session) -> earliest CLICK time later than the rows visited so far, walking back in time
        Map<Long, Long> nextClick = new HashMap<>();
        for (int u = 0; u < h.numUsers(); u++) {
            nextClick.clear();
            int p = h.end(u) - 1;
            while (p >= h.start(u)) {
                long t = log.timestamp(h.row(p));
                int groupStart = p;
                while (groupStart > h.start(u) && log.timestamp(h.row(groupStart - 1)) == t) {
                    groupStart--;
                }
                // impressions first, then this group's clicks: a click at the same time never counts
                for (int q = groupStart; q <= p; q++) {
                    int r = h.row(q);
                    if (log.typeCode(r) == IMPRESSION) {
                        Long c = nextClick.get(key(log, r));
                        int k = Arrays.binarySearch(rows, r);
                        labels[k] = c != null && c - t <= span ? 1 : 0;
                        if (t > last - span) {
                            censored++;
                        }
                    }
                }
                for (int q = groupStart; q <= p; q++) {
                    int r = h.row(q);
                    if (log.typeCode(r) == CLICK) {
                        nextClick.put(key(log, r), t);
                    }
                }
                p = groupStart - 1;
            }
        }
        return new ImpressionLabels(rows, labels, censored);
    }

    private static long key(Interactions log, int row) {
        return ((long) log.item(row) << 32) | (log.session(row) & 0xffffffffL);
    }
}
