package ai.behavior.feature.time;

import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How long before a reference instant each timestamp lies: {@code (reference - t)} in seconds, minutes, hours
 * or days, optionally through {@code log1p}, as one dense output.
 *
 * <pre>{@code
 * Recency.since("last_purchase", cutoffMillis).in(Recency.Unit.DAYS).withLog1p();
 * Recency.sinceLatestTraining("last_purchase");   // reference = latest training timestamp, learned at fit
 * }</pre>
 *
 * <p>The reference is either a fixed instant given by the caller (what a model scored at a known cut-off
 * wants) or the latest timestamp of the training frame, learned at fit time and saved with the pipeline; it
 * is never taken from the data being transformed, so test rows cannot move it. A timestamp after the
 * reference is a "future" one: by default it is clamped to 0, or with {@link FuturePolicy#REJECT} it is an error.
 * With a reference learned from training, every later row (a temporally split test set) clamps to 0: give a
 * fixed reference when the data being scored is newer than the training data.
 *
 * <p>Outputs: the recency (named after the step), then {@code missing} when the {@link MissingTimes} policy
 * has an indicator. A missing timestamp is rejected by default, or written as 0.
 *
 * @param column          the timestamp column
 * @param referenceMillis the fixed reference (epoch ms); ignored when {@code learnReference}
 * @param learnReference  whether the reference is the latest training timestamp, learned at fit
 * @param unit            the output unit
 * @param log1p           whether the output goes through {@code log1p}
 * @param future          what a timestamp after the reference gives
 * @param missing         what a missing timestamp gives
 */
public record Recency(String column, long referenceMillis, boolean learnReference, Unit unit, boolean log1p,
                      FuturePolicy future, MissingTimes missing) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "recency";

    /** The unit of the output. */
    public enum Unit {
        /** Seconds. */
        SECONDS(1_000L),
        /** Minutes. */
        MINUTES(60_000L),
        /** Hours. */
        HOURS(3_600_000L),
        /** Days of 24 hours. */
        DAYS(86_400_000L);

        private final long millis;

        Unit(long millis) {
            this.millis = millis;
        }

        /** Milliseconds in one unit. */
        public long millis() {
            return millis;
        }
    }

    /** What a timestamp after the reference gives. */
    public enum FuturePolicy {
        /** Recency 0 (the default). */
        CLAMP,
        /** An error naming the column, row and timestamp. */
        REJECT
    }

    /** Checks the options. */
    public Recency {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(missing, "missing");
        if (!learnReference && MissingTimes.isMissing(referenceMillis)) {
            throw new IllegalArgumentException("the reference instant of recency on '" + column
                    + "' is the missing-time marker");
        }
    }

    /** Recency of {@code column} before the fixed instant {@code referenceMillis} (epoch ms), in days. */
    public static Recency since(String column, long referenceMillis) {
        return new Recency(column, referenceMillis, false, Unit.DAYS, false, FuturePolicy.CLAMP,
                MissingTimes.reject());
    }

    /** Recency of {@code column} before the latest training timestamp (learned at fit), in days. */
    public static Recency sinceLatestTraining(String column) {
        return new Recency(column, 0, true, Unit.DAYS, false, FuturePolicy.CLAMP, MissingTimes.reject());
    }

    /** The same in another unit. */
    public Recency in(Unit newUnit) {
        return new Recency(column, referenceMillis, learnReference, newUnit, log1p, future, missing);
    }

    /** The same through {@code log1p}, which tames the long tail of old timestamps. */
    public Recency withLog1p() {
        return new Recency(column, referenceMillis, learnReference, unit, true, future, missing);
    }

    /** The same with another policy for timestamps after the reference. */
    public Recency future(FuturePolicy policy) {
        return new Recency(column, referenceMillis, learnReference, unit, log1p, policy, missing);
    }

    /** The same with another missing-time policy. */
    public Recency missing(MissingTimes policy) {
        return new Recency(column, referenceMillis, learnReference, unit, log1p, future, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit recency of column '" + column
                    + "': the training set is empty");
        }
        long[] t = train.timestamps(column);
        missing.checkTraining(column, t);
        long reference = referenceMillis;
        if (learnReference) {
            reference = latest(t);
            if (MissingTimes.isMissing(reference)) {
                throw new IllegalArgumentException("column '" + column + "' has no present timestamp in " + t.length
                        + " training rows; there is no latest training timestamp to measure recency from");
            }
        }
        return new Fitted(column, reference, learnReference, unit, log1p, future, missing);
    }

    /** The latest present timestamp, or the missing marker when none is present. */
    private static long latest(long[] times) {
        long max = FeatureFrame.MISSING_TIME;
        for (long t : times) {
            if (!MissingTimes.isMissing(t) && t > max) {
                max = t;
            }
        }
        return max;
    }

    static Transform load(StepReader in) throws ModelFileException {
        String unit = in.stringParam("unit");
        String future = in.stringParam("future");
        try {
            return new Fitted(in.stringParam("column"), in.longParam("reference"), in.booleanParam("learned"),
                    Unit.valueOf(unit), in.booleanParam("log1p"), FuturePolicy.valueOf(future), MissingTimes.load(in));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': unknown recency unit '" + unit
                    + "' or future policy '" + future + "'");
        }
    }

    /** The fitted transform: the options and the reference instant. */
    record Fitted(String column, long reference, boolean learned, Unit unit, boolean log1p, FuturePolicy future,
                  MissingTimes missing) implements Transform {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return List.of(column);
        }

        @Override
        public List<FeatureSpec> outputs() {
            List<FeatureSpec> out = new ArrayList<>(List.of(new FeatureSpec.Dense("")));
            if (missing.indicator()) {
                out.add(new FeatureSpec.Dense("missing"));
            }
            return out;
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            long[] times = in.timestamps(column);
            boolean reject = missing.rejects();
            boolean indicator = missing.indicator();
            boolean rejectFuture = future == FuturePolicy.REJECT;
            double perUnit = unit.millis();
            double ref = reference;
            return (row, o) -> {
                long t = times[row];
                boolean absent = MissingTimes.isMissing(t);
                double v = 0;
                if (absent) {
                    if (reject) {
                        throw MissingTimes.rejected(column, row);
                    }
                } else {
                    // In doubles: epoch ms below 2^53 are exact, and the difference cannot overflow.
                    v = (ref - t) / perUnit;
                    if (v < 0) {
                        if (rejectFuture) {
                            throw future(row, t);
                        }
                        v = 0;
                    }
                    if (log1p) {
                        v = Math.log1p(v);
                    }
                }
                out.dense(o, 0, (float) v);
                if (indicator) {
                    out.dense(o, 1, absent ? 1f : 0f);
                }
            };
        }

        private IllegalArgumentException future(int row, long t) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: timestamp %d (%s) "
                    + "is after the recency reference %d (%s); use FuturePolicy.CLAMP or a later reference", column,
                    row, t, Instant.ofEpochMilli(t), reference, Instant.ofEpochMilli(reference)));
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", column).param("reference", reference).param("learned", learned)
                    .param("unit", unit.name()).param("log1p", log1p).param("future", future.name());
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "reference %s (%s), in %s%s, future -> %s, missing -> %s",
                    Instant.ofEpochMilli(reference), learned ? "latest training timestamp" : "fixed",
                    unit.name().toLowerCase(Locale.ROOT), log1p ? " through log1p" : "",
                    future == FuturePolicy.CLAMP ? "0" : "error", missing);
        }
    }
}
