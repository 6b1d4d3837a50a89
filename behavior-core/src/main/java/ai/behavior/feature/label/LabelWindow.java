package ai.behavior.feature.label;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The half-open window {@code [cutoff, cutoff + length)} of a user label, with the checks every label shares. */
final class LabelWindow {
    private LabelWindow() {
    }

    /**
     * The end {@code cutoff + length} of the window, after checking the log, the length and (unless allowed)
     * that the log reaches the end.
     *
     * @throws IllegalArgumentException for an empty log, a non-positive length, or a censored window
     */
    static long end(Interactions log, long cutoffMillis, Duration length, String lengthName, boolean allowCensored) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(length, lengthName);
        if (log.isEmpty()) {
            throw new IllegalArgumentException("the log is empty: there is nothing to label");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException(lengthName + " must be positive, got " + length);
        }
        long end;
        try {
            end = Math.addExact(cutoffMillis, length.toMillis());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cut-off " + cutoffMillis + " + " + lengthName + " " + length
                    + " overflows epoch milliseconds", e);
        }
        long last = log.maxTimestamp();
        if (!allowCensored && last < end) {
            throw new IllegalArgumentException("censored labels: the window [" + Instant.ofEpochMilli(cutoffMillis)
                    + ", " + Instant.ofEpochMilli(end) + ") ends after the log's last event at "
                    + Instant.ofEpochMilli(last) + ", so a 0 could be an event the log has not seen yet; use an "
                    + "earlier cut-off or a shorter " + lengthName + ", or pass allowCensored = true if the log is "
                    + "known to be complete up to the end of the window");
        }
        return end;
    }

    /**
     * The log's index of each id of {@code users}, in order.
     *
     * @throws IllegalArgumentException naming the first id the log does not know
     */
    static int[] indices(Interactions log, IdIndex users) {
        Objects.requireNonNull(users, "users");
        int[] out = new int[users.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = log.users().indexOf(users.id(k));
            if (out[k] < 0) {
                throw new IllegalArgumentException("user '" + users.id(k) + "' (position " + k
                        + ") is not in the log's user index");
            }
        }
        return out;
    }
}
