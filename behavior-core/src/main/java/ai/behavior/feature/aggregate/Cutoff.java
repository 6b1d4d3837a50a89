package ai.behavior.feature.aggregate;

import ai.behavior.data.Interactions;

import java.time.Instant;
import java.util.Objects;

/** Shared checks and time arithmetic of the aggregates: every one reads only events strictly before a cut-off. */
final class Cutoff {
    /** Milliseconds per day, as a double for fractional day counts. */
    static final double DAY_MS = 86_400_000.0;

    private Cutoff() {
    }

    /** Rejects a null or empty log and null options. */
    static void check(Interactions log, AggregateOptions options) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(options, "options");
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the log is empty: there is nothing to aggregate");
        }
    }

    /** The error for a log with no event (of the relevant kind) before the cut-off. */
    static IllegalArgumentException nothingBefore(String what, Interactions log, long cutoffMillis) {
        return new IllegalArgumentException("no " + what + " strictly before the cut-off " + at(cutoffMillis)
                + " (" + cutoffMillis + " ms); the log starts at " + at(log.minTimestamp()));
    }

    /** An epoch-millisecond time as an ISO instant for messages. */
    static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** {@code cutoff - millis} in days. */
    static double daysBefore(long cutoffMillis, long millis) {
        return (cutoffMillis - millis) / DAY_MS;
    }

    /** The first instant of each window, {@code cutoff - window}, saturating at {@link Long#MIN_VALUE}. */
    static long[] windowStarts(long cutoffMillis, AggregateOptions options) {
        long[] starts = new long[options.windows().size()];
        for (int w = 0; w < starts.length; w++) {
            long length = options.windows().get(w).toMillis();
            starts[w] = cutoffMillis < Long.MIN_VALUE + length ? Long.MIN_VALUE : cutoffMillis - length;
        }
        return starts;
    }
}
