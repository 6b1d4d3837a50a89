package ai.behavior.feature.time;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.ColumnType;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFramesTest {
    private static Interactions log() {
        // u1 views i1 at 1,000 ms and buys it at 61,000 ms (gap 60 s); u2 views i2 at 5,000 ms (first event).
        return Interactions.builder()
                .add("u1", "i1", EventType.VIEW, 1_000, 12)
                .add("u2", "i2", EventType.VIEW, 5_000, 3)
                .add("u1", "i1", EventType.PURCHASE, 61_000, 19.99f)
                .build();
    }

    @Test
    void oneRowPerEventSharingTheLogsIndices() {
        Interactions log = log();
        FeatureFrame f = EventFrames.of(log);
        assertEquals(3, f.rows());
        assertNull(f.keys());
        assertEquals(List.of("user", "item", "type", "timestamp", "value", "seconds_since_previous"), f.columnNames());
        assertEquals(ColumnType.TIMESTAMP, f.type(EventFrames.TIMESTAMP));
        assertSame(log.users(), f.vocabulary(EventFrames.USER));
        assertSame(log.items(), f.vocabulary(EventFrames.ITEM));
        assertArrayEquals(new int[] {0, 1, 0}, f.codes(EventFrames.USER));
        assertEquals("i2", f.label(EventFrames.ITEM, 1));
        assertEquals("purchase", f.label(EventFrames.TYPE, 2));
        assertEquals(EventType.PURCHASE.ordinal(), f.codes(EventFrames.TYPE)[2]);
        assertArrayEquals(new long[] {1_000, 5_000, 61_000}, f.timestamps(EventFrames.TIMESTAMP));
        assertArrayEquals(new double[] {12, 3, 19.99f}, f.numeric(EventFrames.VALUE));
        double[] gaps = f.numeric(EventFrames.SECONDS_SINCE_PREVIOUS);
        assertTrue(Double.isNaN(gaps[0]) && Double.isNaN(gaps[1]), "first events are missing");
        assertEquals(60.0, gaps[2]);
        assertFalse(f.has(EventFrames.SESSION));
        assertEquals(EventType.values().length, EventFrames.eventTypes().size());
    }

    @Test
    void sessionsBecomeACategoricalColumnAndAPipelineFitsOnEvents() {
        Interactions log = Interactions.builder()
                .add("u1", "i1", EventType.VIEW, 0, 1, "s1")
                .add("u1", "i2", EventType.VIEW, 3_600_000, 1, "s2")
                .build();
        FeatureFrame f = EventFrames.of(log);
        assertEquals("s2", f.label(EventFrames.SESSION, 1));
        FittedPipeline p = Pipeline.builder().add("when", CalendarFeatures.of(EventFrames.TIMESTAMP)).build().fit(f);
        FeatureMatrix m = p.transform(f);
        assertEquals(1, m.categorical(0, 0));   // 00:00 UTC -> hour index 1
        assertEquals(2, m.categorical(1, 0));   // 01:00 UTC -> hour index 2
    }
}
