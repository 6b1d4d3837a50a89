package ai.behavior.feature.time;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecencyTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long REF = 1_700_000_000_000L;

    private static FeatureFrame frame(long... ts) {
        return FeatureFrame.builder(ts.length).timestamps("ts", ts).build();
    }

    private static float[] run(Recency spec, FeatureFrame train, FeatureFrame test) {
        return Pipeline.builder().add("age", spec).build().fit(train).transform(test).denseBlock();
    }

    @Test
    void fixedReferenceInEachUnit() {
        // REF - 3 days - 12 hours = 3.5 days = 84 hours = 302,400 s; REF - 90 s = 0.025 hours.
        FeatureFrame f = frame(REF - 3 * DAY - 12 * HOUR, REF - 90_000, REF);
        assertEquals(3.5f, run(Recency.since("ts", REF), f, f)[0], 1e-6);
        float[] hours = run(Recency.since("ts", REF).in(Recency.Unit.HOURS), f, f);
        assertEquals(84f, hours[0], 1e-5);
        assertEquals(0.025f, hours[1], 1e-7);
        assertEquals(0f, hours[2]);
        float[] seconds = run(Recency.since("ts", REF).in(Recency.Unit.SECONDS), f, f);
        assertEquals(302_400f, seconds[0]);
        assertEquals(90f, seconds[1]);
        assertEquals(1.5f, run(Recency.since("ts", REF).in(Recency.Unit.MINUTES), f, f)[1], 1e-6);
    }

    @Test
    void log1pOfDays() {
        // 3 days -> ln(4) = 1.3862944; 0 days -> ln(1) = 0.
        FeatureFrame f = frame(REF - 3 * DAY, REF);
        float[] v = run(Recency.since("ts", REF).withLog1p(), f, f);
        assertEquals(1.3862944f, v[0], 1e-6);
        assertEquals(0f, v[1]);
    }

    @Test
    void learnedReferenceIsTheLatestTrainingTimestampNeverTheTestMax() {
        // Training max is REF; test rows: REF - 2 days -> 2, REF + 5 days (after the reference) -> clamped to 0,
        // and a test max far in the future does not move the reference.
        FeatureFrame train = frame(REF - 10 * DAY, REF, REF - DAY);
        FeatureFrame test = frame(REF - 2 * DAY, REF + 5 * DAY, REF + 400 * DAY);
        FittedPipeline p = Pipeline.builder().add("age", Recency.sinceLatestTraining("ts")).build().fit(train);
        float[] v = p.transform(test).denseBlock();
        assertEquals(2f, v[0], 1e-6);
        assertEquals(0f, v[1]);
        assertEquals(0f, v[2]);
        assertEquals(10f, p.transform(train).denseBlock()[0], 1e-6);
        assertTrue(p.describe().contains("latest training timestamp"), p.describe());
    }

    @Test
    void futureTimestampsClampOrFail() {
        FeatureFrame f = frame(REF + HOUR);
        assertEquals(0f, run(Recency.since("ts", REF), frame(REF), f)[0]);
        FittedPipeline strict = Pipeline.builder()
                .add("age", Recency.since("ts", REF).future(Recency.FuturePolicy.REJECT)).build().fit(frame(REF - 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strict.transform(f));
        assertTrue(e.getMessage().contains("column 'ts' row 0") && e.getMessage().contains("after the recency "
                + "reference"), e.getMessage());
    }

    @Test
    void missingTimestampsRejectedOrZeroWithIndicator() {
        FeatureFrame withMissing = frame(REF - DAY, FeatureFrame.MISSING_TIME);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(Recency.since("ts", REF), withMissing, withMissing));
        assertTrue(e.getMessage().contains("column 'ts' row 1"), e.getMessage());
        FittedPipeline p = Pipeline.builder()
                .add("age", Recency.sinceLatestTraining("ts").missing(MissingTimes.zero().withIndicator())).build()
                .fit(withMissing);
        assertEquals(List.of("age", "age.missing"), p.schema().denseNames());
        FeatureMatrix m = p.transform(frame(FeatureFrame.MISSING_TIME, REF - 2 * DAY));
        // The missing training row is ignored when learning the reference: it stays REF - 1 day.
        assertEquals(0f, m.dense(0, 0));
        assertEquals(1f, m.dense(0, 1));
        assertEquals(1f, m.dense(1, 0), 1e-6);
        assertEquals(0f, m.dense(1, 1));
    }

    @Test
    void emptyOrAllMissingTrainingIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recency.since("ts", REF).fit(frame(), FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Recency learn = Recency.sinceLatestTraining("ts").missing(MissingTimes.zero());
        e = assertThrows(IllegalArgumentException.class,
                () -> learn.fit(frame(FeatureFrame.MISSING_TIME), FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("no present timestamp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Recency.since("ts", FeatureFrame.MISSING_TIME));
    }

    @Test
    void extremeTimestampsStayFinite() {
        // (REF - (Long.MIN_VALUE + 1)) / 1000 is about 9.2e15 s: finite in double and in float.
        FeatureFrame f = frame(Long.MIN_VALUE + 1);
        float v = run(Recency.since("ts", REF).in(Recency.Unit.SECONDS), f, f)[0];
        assertTrue(Float.isFinite(v) && v > 9.2e15f, "got " + v);
    }
}
