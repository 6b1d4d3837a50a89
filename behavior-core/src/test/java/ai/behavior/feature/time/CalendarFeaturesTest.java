package ai.behavior.feature.time;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarFeaturesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static FeatureFrame frame(long... ts) {
        return FeatureFrame.builder(ts.length).timestamps("ts", ts).build();
    }

    private static long at(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    private static FeatureMatrix run(CalendarFeatures spec, long... ts) {
        FeatureFrame f = frame(ts);
        return Pipeline.builder().add("when", spec).build().fit(f).transform(f);
    }

    private static int hourIndex(FeatureMatrix m, int row) {
        return m.categorical(row, m.schema().categoricalIndex("when.hour"));
    }

    private static int dow(FeatureMatrix m, int row) {
        return m.categorical(row, m.schema().categoricalIndex("when.day_of_week"));
    }

    private static float dense(FeatureMatrix m, int row, String name) {
        return m.dense(row, m.schema().denseIndex(name));
    }

    @Test
    void utcFieldsByHand() {
        // 0 = 1970-01-01T00:00Z, a Thursday (ISO 4): hour 0 -> index 1.
        // 2024-01-06T23:59:59.999Z: 2024-01-01 was a Monday, so the 6th is a Saturday (6): hour 23 -> index 24.
        // -1 ms = 1969-12-31T23:59:59.999Z, a Wednesday (3): hour 23 -> index 24.
        FeatureMatrix m = run(CalendarFeatures.of("ts"), 0, at("2024-01-06T23:59:59.999Z"), -1);
        assertEquals(List.of(new FeatureSpec.Categorical("when.hour", 25),
                new FeatureSpec.Categorical("when.day_of_week", 8), new FeatureSpec.Dense("when.weekend")),
                m.schema().features());
        assertEquals(1, hourIndex(m, 0));
        assertEquals(4, dow(m, 0));
        assertEquals(0f, dense(m, 0, "when.weekend"));
        assertEquals(24, hourIndex(m, 1));
        assertEquals(6, dow(m, 1));
        assertEquals(1f, dense(m, 1, "when.weekend"));
        assertEquals(24, hourIndex(m, 2));
        assertEquals(3, dow(m, 2));
    }

    @Test
    void fixedOffsetZoneShiftsTheWallClock() {
        // +05:30: 1970-01-01T00:00Z is 05:30 Thursday (hour index 6); 2024-01-06T20:00Z is 01:30 on Sunday the 7th.
        CalendarFeatures spec = CalendarFeatures.of("ts").inZone(ZoneOffset.ofHoursMinutes(5, 30));
        FeatureMatrix m = run(spec, 0, at("2024-01-06T20:00:00Z"));
        assertEquals(6, hourIndex(m, 0));
        assertEquals(4, dow(m, 0));
        assertEquals(2, hourIndex(m, 1));
        assertEquals(7, dow(m, 1));
        assertEquals(1f, dense(m, 1, "when.weekend"));
    }

    @Test
    void berlinDaylightSavingDaysByHand() {
        // 2024-03-31 (Sunday): at 01:00Z Berlin jumps from 02:00 CET (+1) to 03:00 CEST (+2).
        //   00:30Z -> 01:30 (hour 1), 00:59:59.999Z -> 01:59 (hour 1), 01:00Z -> 03:00 (hour 3), 01:30Z -> 03:30 (3).
        // 2024-10-27 (Sunday): at 01:00Z Berlin falls back from 03:00 CEST to 02:00 CET.
        //   2024-10-26T23:30Z -> 01:30 Sunday (hour 1), 00:30Z -> 02:30 CEST (2), 01:30Z -> 02:30 CET (2),
        //   02:30Z -> 03:30 CET (3).
        // 2024-01-01T23:30Z -> 00:30 CET on Tuesday the 2nd (hour 0, day 2).
        long[] ts = {at("2024-03-31T00:30:00Z"), at("2024-03-31T00:59:59.999Z"), at("2024-03-31T01:00:00Z"),
                at("2024-03-31T01:30:00Z"), at("2024-10-26T23:30:00Z"), at("2024-10-27T00:30:00Z"),
                at("2024-10-27T01:30:00Z"), at("2024-10-27T02:30:00Z"), at("2024-01-01T23:30:00Z")};
        int[] hours = {1, 1, 3, 3, 1, 2, 2, 3, 0};
        int[] days = {7, 7, 7, 7, 7, 7, 7, 7, 2};
        FeatureMatrix m = run(CalendarFeatures.of("ts").inZone(BERLIN), ts);
        for (int r = 0; r < ts.length; r++) {
            assertEquals(hours[r] + 1, hourIndex(m, r), "row " + r);
            assertEquals(days[r], dow(m, r), "row " + r);
            assertEquals(days[r] >= 6 ? 1f : 0f, dense(m, r, "when.weekend"), "row " + r);
        }
    }

    @Test
    void cyclicEncodingsByHand() {
        // 1970-01-01T06:00Z: hour 6 -> sin(2pi*6/24) = 1, cos = 0; Thursday: sin(2pi*3/7) = sin(pi/7) = 0.43388374,
        //   cos(2pi*3/7) = -cos(pi/7) = -0.90096887.
        // 2024-01-07T00:00Z (Sunday, 7): hour 0 -> sin 0, cos 1; sin(2pi*6/7) = -sin(2pi/7) = -0.78183148,
        //   cos(2pi*6/7) = cos(2pi/7) = 0.62348980.
        // 2024-01-01T00:00Z (Monday, 1): sin 0, cos 1.
        FeatureMatrix m = run(CalendarFeatures.of("ts").withCyclic(), 6 * 3_600_000L, at("2024-01-07T00:00:00Z"),
                at("2024-01-01T00:00:00Z"));
        assertEquals(List.of("when.weekend", "when.hour_sin", "when.hour_cos", "when.dow_sin", "when.dow_cos"),
                m.schema().denseNames());
        assertEquals(1f, dense(m, 0, "when.hour_sin"), 1e-6);
        assertEquals(0f, dense(m, 0, "when.hour_cos"), 1e-6);
        assertEquals(0.43388374f, dense(m, 0, "when.dow_sin"), 1e-6);
        assertEquals(-0.90096887f, dense(m, 0, "when.dow_cos"), 1e-6);
        assertEquals(0f, dense(m, 1, "when.hour_sin"), 1e-6);
        assertEquals(1f, dense(m, 1, "when.hour_cos"), 1e-6);
        assertEquals(-0.78183148f, dense(m, 1, "when.dow_sin"), 1e-6);
        assertEquals(0.62348980f, dense(m, 1, "when.dow_cos"), 1e-6);
        assertEquals(0f, dense(m, 2, "when.dow_sin"), 1e-6);
        assertEquals(1f, dense(m, 2, "when.dow_cos"), 1e-6);
    }

    @Test
    void agreesWithJavaTimeAcrossZonesAndCenturies() {
        // Includes years before 1900 and after 2200, where the offset table falls back to ZoneRules.
        Random rnd = new Random(7);
        long from = at("1850-01-01T00:00:00Z");
        long to = at("2300-01-01T00:00:00Z");
        for (String id : List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
                "America/St_Johns", "Pacific/Chatham")) {
            ZoneId zone = ZoneId.of(id);
            long[] ts = new long[2000];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = from + (long) (rnd.nextDouble() * (to - from));
            }
            FeatureMatrix m = run(CalendarFeatures.of("ts").inZone(zone), ts);
            for (int i = 0; i < ts.length; i++) {
                ZonedDateTime z = Instant.ofEpochMilli(ts[i]).atZone(zone);
                assertEquals(z.getHour() + 1, hourIndex(m, i), id + " " + z);
                assertEquals(z.getDayOfWeek().getValue(), dow(m, i), id + " " + z);
            }
        }
    }

    @Test
    void missingTimestampsAreRejectedByDefault() {
        Pipeline p = Pipeline.builder().add("when", CalendarFeatures.of("ts")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.fit(frame(0, FeatureFrame.MISSING_TIME)));
        assertTrue(e.getMessage().contains("column 'ts' row 1"), e.getMessage());
        FittedPipeline fitted = p.fit(frame(0));
        e = assertThrows(IllegalArgumentException.class,
                () -> fitted.transform(frame(5, 6, FeatureFrame.MISSING_TIME)));
        assertTrue(e.getMessage().contains("column 'ts' row 2"), e.getMessage());
    }

    @Test
    void missingTimestampsCanBeZerosWithIndicator() {
        CalendarFeatures spec = CalendarFeatures.of("ts").withCyclic().missing(MissingTimes.zero().withIndicator());
        FittedPipeline p = Pipeline.builder().add("when", spec).build().fit(frame(0, FeatureFrame.MISSING_TIME));
        FeatureMatrix m = p.transform(frame(FeatureFrame.MISSING_TIME, at("2024-01-06T12:00:00Z")));
        FeatureSchema s = m.schema();
        assertEquals(List.of("when.weekend", "when.hour_sin", "when.hour_cos", "when.dow_sin", "when.dow_cos",
                "when.missing"), s.denseNames());
        assertEquals(0, hourIndex(m, 0));
        assertEquals(0, dow(m, 0));
        for (int j = 0; j < 5; j++) {
            assertEquals(0f, m.dense(0, j), "dense " + j);
        }
        assertEquals(1f, dense(m, 0, "when.missing"));
        assertEquals(0f, dense(m, 1, "when.missing"));
        assertEquals(13, hourIndex(m, 1));           // 12:00 -> index 13
        assertEquals(1, m.unknownCount(s.categoricalIndex("when.hour")));
        assertEquals(1, m.unknownCount(s.categoricalIndex("when.day_of_week")));
    }

    @Test
    void emptyTrainingWrongTypeAndBadPolicyAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalendarFeatures.of("ts").fit(frame(), FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        FeatureFrame numeric = FeatureFrame.builder(1).numeric("ts", new double[] {1}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> CalendarFeatures.of("ts").fit(numeric, FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("'ts' is NUMERIC, not TIMESTAMP"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MissingTimes.reject().withIndicator());
    }

    @Test
    void rowTransformsAllocateNothingEvenWithDaylightSaving() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ts = new long[1];
        FeatureFrame one = frame(ts);
        for (ZoneId zone : List.of(ZoneOffset.UTC, BERLIN)) {
            FittedPipeline p = Pipeline.builder().add("when", CalendarFeatures.of("ts").inZone(zone).withCyclic())
                    .build().fit(frame(0));
            FeatureMatrix out = new FeatureMatrix(p.schema(), 1);
            FittedPipeline.Bound bound = p.bind(one, out);
            long base = at("2024-01-01T00:00:00Z");
            for (int warm = 0; warm < 3; warm++) {
                for (int i = 0; i < 50_000; i++) {
                    ts[0] = base + i * 600_001L;
                    bound.transform(0, 0);
                }
            }
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 100_000; i++) {
                ts[0] = base + i * 600_001L;   // about 2 years in ~10-minute steps, across DST changes
                bound.transform(0, 0);
            }
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // One 16-byte object per row would be 1.6 MB; allow a little for the measurement itself.
            assertTrue(allocated < 16_000, zone + ": " + allocated + " bytes for 100,000 rows");
        }
    }
}
