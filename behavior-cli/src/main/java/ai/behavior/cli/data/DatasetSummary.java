package ai.behavior.cli.data;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code behavior describe} prints about a log: counts, the event-type mix, the time span, sparsity and
 * the distribution of events per user.
 *
 * <pre>{@code
 * DatasetSummary s = DatasetSummary.of(log);
 * System.out.println(s.toText());
 * }</pre>
 *
 * <p>Users and items count those with at least one event. Sparsity is {@code 1 - pairs / (users * items)} where
 * {@code pairs} is the number of distinct (user, item) pairs. Events per user are over users with an event;
 * the median and the 90th percentile interpolate linearly between order statistics (commons-math3's
 * {@code R_7} estimator, numpy's default): with {@code n} sorted counts the p-th percentile sits at 0-based
 * position {@code (n - 1) * p / 100}.
 *
 * @param events          number of events
 * @param users           users with at least one event
 * @param items           items with at least one event
 * @param sessions        distinct sessions, or -1 when the log has no session column
 * @param byType          events per type, in {@link EventType} order (types without events are absent)
 * @param firstTimestamp  earliest event, epoch ms (0 for an empty log)
 * @param lastTimestamp   latest event, epoch ms (0 for an empty log)
 * @param pairs           distinct (user, item) pairs
 * @param sparsity        {@code 1 - pairs / (users * items)}; 0 for an empty log
 * @param perUserMin      fewest events of a user
 * @param perUserMedian   median events per user
 * @param perUserP90      90th percentile of events per user
 * @param perUserMax      most events of a user
 * @param perUserMean     mean events per user
 */
public record DatasetSummary(long events, int users, int items, int sessions, Map<EventType, Integer> byType,
                             long firstTimestamp, long lastTimestamp, long pairs, double sparsity, int perUserMin,
                             double perUserMedian, double perUserP90, int perUserMax, double perUserMean) {
    /** Copies the type counts. */
    public DatasetSummary {
        Map<EventType, Integer> copy = new EnumMap<>(EventType.class);
        copy.putAll(byType);
        byType = Collections.unmodifiableMap(copy);
    }

    /** Summarises {@code log}. */
    public static DatasetSummary of(Interactions log) {
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        byType.putAll(log.countByType());
        if (log.isEmpty()) {
            return new DatasetSummary(0, 0, 0, log.hasSessions() ? 0 : -1, byType, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        int[] perUser = new int[log.numUsers()];
        long[] keys = new long[log.size()];
        for (int r = 0; r < log.size(); r++) {
            perUser[log.user(r)]++;
            keys[r] = (long) log.user(r) * log.numItems() + log.item(r);
        }
        Arrays.sort(keys);
        long pairs = 0;
        for (int k = 0; k < keys.length; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                pairs++;
            }
        }
        double[] counts = Arrays.stream(perUser).filter(c -> c > 0).asDoubleStream().toArray();
        Arrays.sort(counts);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(counts);
        int users = counts.length;
        int items = log.activeItems();
        int sessions = -1;
        if (log.hasSessions()) {
            boolean[] seen = new boolean[log.sessions().size()];
            sessions = 0;
            for (int r = 0; r < log.size(); r++) {
                int s = log.session(r);
                if (s >= 0 && !seen[s]) {
                    seen[s] = true;
                    sessions++;
                }
            }
        }
        return new DatasetSummary(log.size(), users, items, sessions, byType, log.minTimestamp(), log.maxTimestamp(),
                pairs, 1.0 - (double) pairs / ((double) users * items), (int) counts[0], percentile.evaluate(50),
                percentile.evaluate(90), (int) counts[counts.length - 1], (double) log.size() / users);
    }

    /** The summary as aligned text lines. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        line(s, "events", String.format(Locale.ROOT, "%,d", events));
        line(s, "users", String.format(Locale.ROOT, "%,d", users));
        line(s, "items", String.format(Locale.ROOT, "%,d", items));
        line(s, "sessions", sessions < 0 ? "- (no session column)" : String.format(Locale.ROOT, "%,d", sessions));
        if (events == 0) {
            line(s, "time span", "- (no events)");
            return s.toString();
        }
        Duration span = Duration.ofMillis(lastTimestamp - firstTimestamp);
        line(s, "time span", Instant.ofEpochMilli(firstTimestamp) + " .. " + Instant.ofEpochMilli(lastTimestamp)
                + String.format(Locale.ROOT, " (%.1f days)", span.toMillis() / 86_400_000.0));
        line(s, "sparsity", String.format(Locale.ROOT, "%.4f %% (%,d distinct user-item pairs of %,d)",
                100 * sparsity, pairs, (long) users * items));
        line(s, "events per user", String.format(Locale.ROOT, "min %d, median %s, p90 %s, max %d (mean %.1f)",
                perUserMin, number(perUserMedian), number(perUserP90), perUserMax, perUserMean));
        s.append("event types:\n");
        for (Map.Entry<EventType, Integer> e : byType.entrySet()) {
            s.append(String.format(Locale.ROOT, "  %-12s %,12d  %6.2f %%%n", e.getKey().label(), e.getValue(),
                    100.0 * e.getValue() / events));
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(String.format(Locale.ROOT, "%-16s %s%n", name, value));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
