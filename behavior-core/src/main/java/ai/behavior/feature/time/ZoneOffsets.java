package ai.behavior.feature.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * The UTC offset of a zone at an epoch-ms instant without allocating: a fixed-offset zone (UTC, "+05:30") is
 * one constant, and a zone with daylight saving keeps its offset transitions from 1900 to 2200 in a sorted
 * array searched per call. Outside that span the zone's {@link ZoneRules} are asked directly, which allocates
 * an {@link Instant}; no realistic event log has such timestamps.
 *
 * <p>The table is built from the time-zone rules of the running JVM, so a pipeline saved under one tz-data
 * release and loaded under another uses the newer rules.
 */
final class ZoneOffsets {
    /** 1900-01-01T00:00Z. */
    static final long TABLE_FROM = -2_208_988_800_000L;
    /** 2200-01-01T00:00Z. */
    static final long TABLE_TO = 7_258_118_400_000L;

    private final ZoneRules rules;
    private final boolean fixed;
    private final long[] starts;  // epoch ms from which offsets[i] holds; starts[0] = TABLE_FROM
    private final int[] offsets;  // milliseconds

    private ZoneOffsets(ZoneRules rules, boolean fixed, long[] starts, int[] offsets) {
        this.rules = rules;
        this.fixed = fixed;
        this.starts = starts;
        this.offsets = offsets;
    }

    static ZoneOffsets of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            int ms = rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000;
            return new ZoneOffsets(rules, true, new long[] {TABLE_FROM}, new int[] {ms});
        }
        long[] starts = new long[64];
        int[] offsets = new int[64];
        Instant cursor = Instant.ofEpochMilli(TABLE_FROM);
        starts[0] = TABLE_FROM;
        offsets[0] = rules.getOffset(cursor).getTotalSeconds() * 1000;
        int n = 1;
        for (ZoneOffsetTransition t = rules.nextTransition(cursor); t != null; t = rules.nextTransition(cursor)) {
            long at = t.toEpochSecond() * 1000;
            if (at >= TABLE_TO) {
                break;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                offsets = Arrays.copyOf(offsets, n * 2);
            }
            starts[n] = at;
            offsets[n] = t.getOffsetAfter().getTotalSeconds() * 1000;
            n++;
            cursor = t.getInstant();
        }
        return new ZoneOffsets(rules, false, Arrays.copyOf(starts, n), Arrays.copyOf(offsets, n));
    }

    /** The zone's offset from UTC at {@code epochMillis}, in milliseconds. */
    int offsetMillis(long epochMillis) {
        if (fixed) {
            return offsets[0];
        }
        if (epochMillis < TABLE_FROM || epochMillis >= TABLE_TO) {
            return rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000;
        }
        int i = Arrays.binarySearch(starts, epochMillis);
        return offsets[i >= 0 ? i : -i - 2];
    }

    /** Number of offset periods in the table (1 for a fixed-offset zone). */
    int periods() {
        return starts.length;
    }
}
