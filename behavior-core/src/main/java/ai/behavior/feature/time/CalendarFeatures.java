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

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Calendar fields of a timestamp column in a time zone: hour of day and ISO day of week as categorical
 * outputs, a weekend flag, and optionally cyclic encodings. Nothing is learned from the training data.
 *
 * <pre>{@code
 * Pipeline.builder().add("when", CalendarFeatures.of("ts").inZone(ZoneId.of("Europe/Berlin")).withCyclic()).build();
 * // outputs when.hour (25 indices), when.day_of_week (8), when.weekend, when.hour_sin ... when.dow_cos
 * }</pre>
 *
 * <p>Outputs, in order:
 * <ul>
 *   <li>{@code hour}: categorical, cardinality 25, index {@code hour + 1} for hours 0&ndash;23;</li>
 *   <li>{@code day_of_week}: categorical, cardinality 8, index 1 (Monday) to 7 (Sunday), as ISO-8601;</li>
 *   <li>{@code weekend}: dense, 1 on Saturday and Sunday, else 0;</li>
 *   <li>with {@link #withCyclic()}: dense {@code hour_sin}, {@code hour_cos} = sin/cos(2&pi; hour / 24) of the
 *   whole hour, and {@code dow_sin}, {@code dow_cos} = sin/cos(2&pi; (day - 1) / 7), so 23:00 sits next to
 *   00:00 and Sunday next to Monday;</li>
 *   <li>with {@link MissingTimes#withIndicator()}: dense {@code missing}, 1 where the timestamp was missing.</li>
 * </ul>
 * A missing timestamp follows {@link MissingTimes}: an error by default, or index 0 (counted as unknown)
 * and zeros everywhere else.
 *
 * <p>Cost per row: pure arithmetic for UTC and fixed-offset zones; for zones with daylight saving one binary
 * search over the zone's offset transitions from 1900 to 2200 (a few hundred entries), precomputed once per
 * fitted transform. Nothing is allocated per row (timestamps before 1900 or from 2200 on fall back to
 * {@link java.time.zone.ZoneRules}, which allocates an {@code Instant}).
 *
 * @param column  the timestamp column
 * @param zone    the zone whose wall-clock time gives the fields
 * @param cyclic  whether to add the sin/cos outputs
 * @param missing what a missing timestamp gives
 */
public record CalendarFeatures(String column, ZoneId zone, boolean cyclic, MissingTimes missing)
        implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "calendar";
    /** Cardinality of the hour output: 24 hours plus index 0 for missing. */
    public static final int HOUR_CARDINALITY = 25;
    /** Cardinality of the day-of-week output: 7 days plus index 0 for missing. */
    public static final int DAY_OF_WEEK_CARDINALITY = 8;

    /** Checks the options. */
    public CalendarFeatures {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(missing, "missing");
    }

    /** Calendar fields of {@code column} in UTC, without cyclic encodings; missing timestamps are rejected. */
    public static CalendarFeatures of(String column) {
        return new CalendarFeatures(column, ZoneOffset.UTC, false, MissingTimes.reject());
    }

    /** The same in another time zone (local wall-clock time of {@code newZone}). */
    public CalendarFeatures inZone(ZoneId newZone) {
        return new CalendarFeatures(column, newZone, cyclic, missing);
    }

    /** The same plus sin/cos encodings of hour (period 24) and day of week (period 7). */
    public CalendarFeatures withCyclic() {
        return new CalendarFeatures(column, zone, true, missing);
    }

    /** The same with another missing-time policy. */
    public CalendarFeatures missing(MissingTimes policy) {
        return new CalendarFeatures(column, zone, cyclic, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit calendar features of column '" + column
                    + "': the training set is empty");
        }
        missing.checkTraining(column, train.timestamps(column));
        return new Fitted(column, zone, cyclic, missing);
    }

    static Transform load(StepReader in) throws ModelFileException {
        String zoneId = in.stringParam("zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': time zone '" + zoneId
                    + "' is unknown to this JVM");
        }
        return new Fitted(in.stringParam("column"), zone, in.booleanParam("cyclic"), MissingTimes.load(in));
    }

    /** The fitted transform: the options plus the zone's precomputed offset table. */
    static final class Fitted implements Transform {
        private static final long HOUR_MS = 3_600_000L;
        private static final long DAY_MS = 86_400_000L;
        private static final float[] HOUR_SIN = new float[24];
        private static final float[] HOUR_COS = new float[24];
        private static final float[] DOW_SIN = new float[8];  // by ISO day 1..7
        private static final float[] DOW_COS = new float[8];

        static {
            for (int h = 0; h < 24; h++) {
                HOUR_SIN[h] = (float) Math.sin(2 * Math.PI * h / 24);
                HOUR_COS[h] = (float) Math.cos(2 * Math.PI * h / 24);
            }
            for (int d = 1; d <= 7; d++) {
                DOW_SIN[d] = (float) Math.sin(2 * Math.PI * (d - 1) / 7);
                DOW_COS[d] = (float) Math.cos(2 * Math.PI * (d - 1) / 7);
            }
        }

        private final String column;
        private final ZoneId zone;
        private final boolean cyclic;
        private final MissingTimes missing;
        private final ZoneOffsets offsets;

        Fitted(String column, ZoneId zone, boolean cyclic, MissingTimes missing) {
            this.column = column;
            this.zone = zone;
            this.cyclic = cyclic;
            this.missing = missing;
            this.offsets = ZoneOffsets.of(zone);
        }

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
            List<FeatureSpec> out = new ArrayList<>();
            out.add(new FeatureSpec.Categorical("hour", HOUR_CARDINALITY));
            out.add(new FeatureSpec.Categorical("day_of_week", DAY_OF_WEEK_CARDINALITY));
            out.add(new FeatureSpec.Dense("weekend"));
            if (cyclic) {
                out.add(new FeatureSpec.Dense("hour_sin"));
                out.add(new FeatureSpec.Dense("hour_cos"));
                out.add(new FeatureSpec.Dense("dow_sin"));
                out.add(new FeatureSpec.Dense("dow_cos"));
            }
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
            int indicatorSlot = cyclic ? 5 : 1;
            return (row, o) -> {
                long t = times[row];
                if (MissingTimes.isMissing(t)) {
                    if (reject) {
                        throw MissingTimes.rejected(column, row);
                    }
                    out.categorical(o, 0, FeatureSpec.UNKNOWN);
                    out.countUnknown(0);
                    out.categorical(o, 1, FeatureSpec.UNKNOWN);
                    out.countUnknown(1);
                    for (int j = 0; j < indicatorSlot; j++) {
                        out.dense(o, j, 0f);
                    }
                    if (indicator) {
                        out.dense(o, indicatorSlot, 1f);
                    }
                    return;
                }
                // Split into UTC day and ms of day first, so adding the offset can never overflow a long.
                long day = Math.floorDiv(t, DAY_MS);
                long ms = Math.floorMod(t, DAY_MS) + offsets.offsetMillis(t);
                if (ms < 0) {
                    ms += DAY_MS;
                    day--;
                } else if (ms >= DAY_MS) {
                    ms -= DAY_MS;
                    day++;
                }
                int hour = (int) (ms / HOUR_MS);
                int dow = (int) Math.floorMod(day + 3, 7L) + 1; // day 0, 1970-01-01, was a Thursday (ISO 4)
                out.categorical(o, 0, hour + 1);
                out.categorical(o, 1, dow);
                out.dense(o, 0, dow >= 6 ? 1f : 0f);
                if (cyclic) {
                    out.dense(o, 1, HOUR_SIN[hour]);
                    out.dense(o, 2, HOUR_COS[hour]);
                    out.dense(o, 3, DOW_SIN[dow]);
                    out.dense(o, 4, DOW_COS[dow]);
                }
                if (indicator) {
                    out.dense(o, indicatorSlot, 0f);
                }
            };
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", column).param("zone", zone.getId()).param("cyclic", cyclic);
            missing.save(out);
        }

        @Override
        public String describe() {
            return "zone " + zone.getId() + (offsets.periods() > 1 ? " (" + offsets.periods()
                    + " offset periods 1900-2200)" : " (fixed offset)") + ", cyclic " + (cyclic ? "yes" : "no")
                    + ", missing -> " + missing;
        }
    }
}
