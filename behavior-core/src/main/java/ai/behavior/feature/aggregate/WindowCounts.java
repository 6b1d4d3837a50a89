package ai.behavior.feature.aggregate;

import ai.behavior.data.EventType;
import ai.behavior.feature.FeatureFrame;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Count columns per counted event type and look-back window, filled row by row: an event at {@code t} (the
 * caller guarantees {@code t < cutoff}) adds one to window {@code w} when {@code t >= cutoff - w}.
 */
final class WindowCounts {
    private final List<EventType> types;
    private final List<Duration> windows;
    private final int[] slot; // event type code -> position in types, or -1 when not counted
    private final long[] starts;
    private final double[][] columns; // [slot * windows + w][row]

    WindowCounts(AggregateOptions options, long cutoffMillis, int rows) {
        types = options.eventTypes();
        windows = options.windows();
        slot = new int[EventType.values().length];
        Arrays.fill(slot, -1);
        for (int i = 0; i < types.size(); i++) {
            slot[types.get(i).ordinal()] = i;
        }
        starts = Cutoff.windowStarts(cutoffMillis, options);
        columns = new double[types.size() * windows.size()][rows];
    }

    private WindowCounts(WindowCounts from, double[][] columns) {
        types = from.types;
        windows = from.windows;
        slot = from.slot;
        starts = from.starts;
        this.columns = columns;
    }

    /** The counts of rows {@code rows}, in that order. */
    WindowCounts compact(int[] rows) {
        double[][] picked = new double[columns.length][rows.length];
        for (int c = 0; c < columns.length; c++) {
            for (int k = 0; k < rows.length; k++) {
                picked[c][k] = columns[c][rows[k]];
            }
        }
        return new WindowCounts(this, picked);
    }

    /** Whether events of this type code are counted. */
    boolean counted(int typeCode) {
        return slot[typeCode] >= 0;
    }

    /** Position of this type code among the counted types, or -1 when it is not counted. */
    int slot(int typeCode) {
        return slot[typeCode];
    }

    /** Counts an event of {@code typeCode} at {@code t} into output row {@code row}. */
    void add(int row, int typeCode, long t) {
        int s = slot[typeCode];
        if (s < 0) {
            return;
        }
        int base = s * starts.length;
        for (int w = starts.length - 1; w >= 0 && t >= starts[w]; w--) { // longest window first
            columns[base + w][row]++;
        }
    }

    /** Adds the columns to {@code frame}, named {@code prefix + type + "_" + window suffix}. */
    void addTo(FeatureFrame.Builder frame, String prefix) {
        for (int s = 0; s < types.size(); s++) {
            for (int w = 0; w < windows.size(); w++) {
                frame.numeric(name(prefix, types.get(s), windows.get(w)), columns[s * windows.size() + w]);
            }
        }
    }

    /** The column name of a count: {@code prefix + "view_7d"}. */
    static String name(String prefix, EventType type, Duration window) {
        return prefix + type.label() + "_" + AggregateOptions.windowSuffix(window);
    }
}
