package ai.behavior.feature.label;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.time.Duration;

/**
 * The churn label: for each user, 1 if the user has no event of any type (views, impressions and searches
 * included) at a time {@code t} with {@code cutoff <= t < cutoff + window}, else 0. An event exactly at
 * {@code cutoff + window} does not keep the user; one exactly at the cut-off does. Events before the cut-off
 * never change a label. The users are usually those active before the cut-off (the keys of
 * {@link ai.behavior.feature.aggregate.UserAggregates}), since a user who never came cannot leave.
 *
 * <pre>{@code
 * FeatureFrame x = UserAggregates.compute(log, cutoff, AggregateOptions.defaults());
 * double[] churned = Churn.of(log, x.keys(), cutoff, Duration.ofDays(14));
 * }</pre>
 *
 * <p><b>Censoring.</b> If the log's last event is before {@code cutoff + window}, a quiet user may only be
 * unobserved, so this is an error unless the caller passes {@code allowCensored = true}.
 */
public final class Churn {
    private Churn() {
    }

    /**
     * Labels aligned to {@code users}; censored windows are an error.
     *
     * @throws IllegalArgumentException for an empty log, a non-positive window, a censored window, or a user
     *                                  the log does not know
     */
    public static double[] of(Interactions log, IdIndex users, long cutoffMillis, Duration window) {
        return of(log, users, cutoffMillis, window, false);
    }

    /**
     * Labels aligned to {@code users}; with {@code allowCensored} a window that ends after the log's last event
     * is labelled with what the log holds.
     *
     * @throws IllegalArgumentException for an empty log, a non-positive window, a censored window (unless
     *                                  allowed), or a user the log does not know
     */
    public static double[] of(Interactions log, IdIndex users, long cutoffMillis, Duration window,
                              boolean allowCensored) {
        long end = LabelWindow.end(log, cutoffMillis, window, "window", allowCensored);
        int[] index = LabelWindow.indices(log, users);
        UserHistories h = log.byUser();
        double[] labels = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            int u = index[k];
            labels[k] = 1;
            for (int p = h.start(u), stop = h.end(u); p < stop; p++) {
                long t = log.timestamp(h.row(p));
                if (t >= end) {
                    break; // time-ordered
                }
                if (t >= cutoffMillis) {
                    labels[k] = 0;
                    break;
                }
            }
        }
        return labels;
    }
}
