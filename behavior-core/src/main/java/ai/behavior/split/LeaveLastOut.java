package ai.behavior.split;

import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import java.util.Objects;

/**
 * Leave-last-k-out per user by time: each user's last {@code testK} events test, optionally the
 * {@code validationK} events just before them validate, and the rest train.
 *
 * <pre>{@code
 * Split split = LeaveLastOut.of(1).withValidation(1);      // leave-one-out with a validation event per user
 * SplitResult parts = split.apply(log);
 * }</pre>
 *
 * <p>"Last" follows {@link Interactions#byUser()}: events ordered by timestamp, equal timestamps in log order
 * (the row appearing later in the log counts as later). A user is <em>eligible</em> when they have more than
 * {@code testK + validationK} events, so an eligible user keeps at least one train event and gets exactly
 * {@code testK} test and {@code validationK} validation events. A user with {@code <= testK + validationK}
 * events is kept entirely in train ({@link ShortHistory#KEEP_IN_TRAIN}) or left out of every part
 * ({@link ShortHistory#DROP}). No test event of a user is earlier than any of their train or validation
 * events. Different users are not aligned in time: this is a per-user protocol, not a global cut.
 *
 * @param testK        number of last events per user that test ({@code >= 1})
 * @param validationK  number of events just before those that validate ({@code >= 0})
 * @param shortHistory what happens to users with {@code <= testK + validationK} events
 */
public record LeaveLastOut(int testK, int validationK, ShortHistory shortHistory) implements Split {

    /** What happens to users with too few events to leave any out. */
    public enum ShortHistory {
        /** All their events train (they still count as known users for models). */
        KEEP_IN_TRAIN,
        /** Their events are in no part; the result's size is smaller than the log's. */
        DROP
    }

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException if {@code testK < 1} or {@code validationK < 0}
     */
    public LeaveLastOut {
        if (testK < 1) {
            throw new IllegalArgumentException("leave-last-k-out needs k >= 1 test events per user, got " + testK);
        }
        if (validationK < 0) {
            throw new IllegalArgumentException("validation events per user must be >= 0, got " + validationK);
        }
        Objects.requireNonNull(shortHistory, "shortHistory");
    }

    /** The last {@code k} events of each user test; short users stay in train; no validation. */
    public static LeaveLastOut of(int k) {
        return new LeaveLastOut(k, 0, ShortHistory.KEEP_IN_TRAIN);
    }

    /** This split with {@code k} validation events per user just before the test events. */
    public LeaveLastOut withValidation(int k) {
        return new LeaveLastOut(testK, k, shortHistory);
    }

    /** This split with the given treatment of short histories. */
    public LeaveLastOut with(ShortHistory policy) {
        return new LeaveLastOut(testK, validationK, policy);
    }

    @Override
    public SplitResult apply(Interactions log) {
        RowParts parts = new RowParts(log.size());
        UserHistories h = log.byUser();
        int held = testK + validationK;
        for (int u = 0; u < h.numUsers(); u++) {
            int start = h.start(u);
            int end = h.end(u);
            if (end - start <= held) {
                if (shortHistory == ShortHistory.DROP) {
                    for (int p = start; p < end; p++) {
                        parts.set(h.row(p), RowParts.DROPPED);
                    }
                }
                continue;
            }
            for (int p = end - held; p < end - testK; p++) {
                parts.set(h.row(p), RowParts.VALIDATION);
            }
            for (int p = end - testK; p < end; p++) {
                parts.set(h.row(p), RowParts.TEST);
            }
        }
        return parts.toResult(log, describe());
    }

    /** E.g. {@code "leave-last-1-out per user by time (users with <= 1 events kept in train)"}. */
    @Override
    public String describe() {
        return "leave-last-" + testK + "-out per user by time"
                + (validationK > 0 ? ", " + validationK + " validation before them" : "")
                + " (ties in log order; users with <= " + (testK + validationK) + " events "
                + (shortHistory == ShortHistory.DROP ? "dropped" : "kept in train") + ")";
    }
}
