package ai.behavior.feature.label;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.time.Duration;

/**
 * The "will buy soon" label: for each user, 1 if the user has at least one PURCHASE event at a time {@code t}
 * with {@code cutoff <= t < cutoff + horizon}, else 0. Only PURCHASE rows count (a CART is not a purchase); a
 * purchase exactly at {@code cutoff + horizon} does not count, one exactly at the cut-off does. Events before
 * the cut-off never change a label, so features computed strictly before it cannot leak into it.
 *
 * <pre>{@code
 * FeatureFrame x = UserAggregates.compute(log, cutoff, AggregateOptions.defaults());
 * double[] y = PurchaseWithin.of(log, x.keys(), cutoff, Duration.ofDays(7));
 * }</pre>
 *
 * <p><b>Censoring.</b> If the log's last event is before {@code cutoff + horizon}, the log may simply end
 * before a purchase that would have made the label 1, so this is an error unless the caller passes
 * {@code allowCensored = true} (for example because the log is known to cover the whole window).
 */
public final class PurchaseWithin {
    private static final int PURCHASE = EventType.PURCHASE.ordinal();

    private PurchaseWithin() {
    }

    /**
     * Labels aligned to {@code users}; censored windows are an error.
     *
     * @throws IllegalArgumentException for an empty log, a non-positive horizon, a censored window, or a user
     *                                  the log does not know
     */
    public static double[] of(Interactions log, IdIndex users, long cutoffMillis, Duration horizon) {
        return of(log, users, cutoffMillis, horizon, false);
    }

    /**
     * Labels aligned to {@code users}; with {@code allowCensored} a window that ends after the log's last event
     * is labelled with what the log holds.
     *
     * @throws IllegalArgumentException for an empty log, a non-positive horizon, a censored window (unless
     *                                  allowed), or a user the log does not know
     */
    public static double[] of(Interactions log, IdIndex users, long cutoffMillis, Duration horizon,
                              boolean allowCensored) {
        long end = LabelWindow.end(log, cutoffMillis, horizon, "horizon", allowCensored);
        int[] index = LabelWindow.indices(log, users);
        UserHistories h = log.byUser();
        double[] labels = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            int u = index[k];
            for (int p = h.start(u), stop = h.end(u); p < stop; p++) {
                int r = h.row(p);
                long t = log.timestamp(r);
                if (t >= end) {
                    break; // time-ordered
                }
                if (t >= cutoffMillis && log.typeCode(r) == PURCHASE) {
                    labels[k] = 1;
                    break;
                }
            }
        }
        return labels;
    }
}
