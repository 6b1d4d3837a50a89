package ai.behavior.feature.time;

import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;

import java.util.Arrays;

/**
 * For every row of a log, the seconds since the same user's previous event, with a mask that marks each
 * user's first event. A first event has no previous one: its gap reads as {@value #FIRST_EVENT_GAP} and
 * {@link #isFirst(int)} is true, so there is never a NaN to leak into a model; ask
 * {@link #column(double)} for another fill (NaN included, when a frame should mark it missing).
 *
 * <pre>{@code
 * TimeGaps gaps = TimeGaps.secondsSincePrevious(log);
 * double g = gaps.isFirst(row) ? -1 : gaps.seconds(row);
 * }</pre>
 *
 * <p>Order is the log's per-user time order ({@link Interactions#byUser()}): rows with equal timestamps keep
 * their log order, so the second of two simultaneous events has gap 0 and the first is not "first" unless
 * it opens the user's history. Gaps are over every event of the log; filter with
 * {@link Interactions#ofTypes} first for gaps between, say, purchases only.
 */
public final class TimeGaps {
    /** The gap reported for a user's first event. */
    public static final double FIRST_EVENT_GAP = 0;

    private final double[] seconds;
    private final boolean[] first;

    private TimeGaps(double[] seconds, boolean[] first) {
        this.seconds = seconds;
        this.first = first;
    }

    /** The gaps of every row of {@code log}, indexed by log row. */
    public static TimeGaps secondsSincePrevious(Interactions log) {
        int n = log.size();
        double[] seconds = new double[n];
        boolean[] first = new boolean[n];
        UserHistories h = log.byUser();
        for (int u = 0; u < h.numUsers(); u++) {
            int start = h.start(u);
            int end = h.end(u);
            if (start == end) {
                continue;
            }
            first[h.row(start)] = true;
            seconds[h.row(start)] = FIRST_EVENT_GAP;
            for (int p = start + 1; p < end; p++) {
                // Millisecond difference is exact as a long; dividing in double keeps sub-second gaps.
                seconds[h.row(p)] = (log.timestamp(h.row(p)) - log.timestamp(h.row(p - 1))) / 1000.0;
            }
        }
        return new TimeGaps(seconds, first);
    }

    /** Number of rows (the log's size). */
    public int size() {
        return seconds.length;
    }

    /** Seconds since the previous event of row {@code row}'s user ({@value #FIRST_EVENT_GAP} for a first event). */
    public double seconds(int row) {
        return seconds[row];
    }

    /** Whether row {@code row} is its user's first event. */
    public boolean isFirst(int row) {
        return first[row];
    }

    /** Number of first events (users with at least one event). */
    public int firstCount() {
        int c = 0;
        for (boolean f : first) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    /** A copy of the gaps with {@code fillForFirst} at first events (any value, NaN included). */
    public double[] column(double fillForFirst) {
        double[] out = Arrays.copyOf(seconds, seconds.length);
        for (int r = 0; r < out.length; r++) {
            if (first[r]) {
                out[r] = fillForFirst;
            }
        }
        return out;
    }

    /** A copy of the first-event mask. */
    public boolean[] firstMask() {
        return first.clone();
    }

    @Override
    public String toString() {
        return "TimeGaps[rows=" + seconds.length + ", first events=" + firstCount() + "]";
    }
}
