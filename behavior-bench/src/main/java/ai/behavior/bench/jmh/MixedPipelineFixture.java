package ai.behavior.bench.jmh;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.categorical.FrequencyEncoder;
import ai.behavior.feature.categorical.HashingEncoder;
import ai.behavior.feature.categorical.IndexEncoder;
import ai.behavior.feature.categorical.OneHot;
import ai.behavior.feature.categorical.TargetEncoder;
import ai.behavior.feature.numeric.Bucketize;
import ai.behavior.feature.numeric.Clip;
import ai.behavior.feature.numeric.Impute;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.MinMaxScale;
import ai.behavior.feature.numeric.MissingValues;
import ai.behavior.feature.numeric.RobustScale;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.feature.time.CalendarFeatures;
import ai.behavior.feature.time.Recency;

import java.util.SplittableRandom;

/**
 * The 20-column mixed pipeline of the feature benchmarks: 10 numeric columns (scaling, logs, clipping,
 * bucketing, imputation with about 2 % missing values), 8 categorical columns (index, hashing, one-hot,
 * frequency and out-of-fold target encoding over vocabularies of 4 to 5,000 labels) and 2 timestamps
 * (calendar fields with cyclic encodings, recency in days), on a generated frame.
 */
public final class MixedPipelineFixture {
    /** Reference time of the recency column: 2026-01-01T00:00Z. */
    public static final long REFERENCE_MILLIS = 1_767_225_600_000L;

    private MixedPipelineFixture() {
    }

    /** The unfitted pipeline. */
    public static Pipeline pipeline() {
        MissingValues mean = MissingValues.mean().withIndicator();
        return Pipeline.builder()
                .add("price", Standardize.of("price").missing(mean))
                .add("quantity", Log1p.of("quantity"))
                .add("dwell", RobustScale.of("dwell").missing(MissingValues.median()))
                .add("discount", MinMaxScale.of("discount"))
                .add("age", Bucketize.quantiles("age", 10).missingAsUnknown())
                .add("rating", Clip.quantiles("rating", 0.01, 0.99))
                .add("views_7d", Log1p.of("views_7d").thenStandardize())
                .add("carts_7d", Standardize.of("carts_7d"))
                .add("spend_30d", Log1p.of("spend_30d"))
                .add("days_since", Impute.of("days_since", MissingValues.median()))
                .add("category", IndexEncoder.of("category"))
                .add("brand", HashingEncoder.of("brand", 1024))
                .add("region", OneHot.of("region"))
                .add("device", OneHot.of("device").withOther())
                .add("channel", FrequencyEncoder.of("channel"))
                .add("shop", TargetEncoder.of("shop"))
                .add("payment", IndexEncoder.of("payment"))
                .add("segment", IndexEncoder.of("segment"))
                .add("ts", CalendarFeatures.of("ts").withCyclic())
                .add("last_seen", Recency.since("last_seen", REFERENCE_MILLIS).in(Recency.Unit.DAYS))
                .build();
    }

    /** Labels for the target encoder: a 0/1 column loosely tied to price. */
    public static FitContext context(FeatureFrame frame) {
        double[] price = frame.numeric("price");
        double[] y = new double[frame.rows()];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int r = 0; r < y.length; r++) {
            double p = Double.isNaN(price[r]) ? 0.1 : 0.05 + 0.1 / (1 + price[r] / 50);
            y[r] = rnd.nextDouble() < p ? 1 : 0;
        }
        return FitContext.withLabels(y);
    }

    /** A frame of {@code rows} generated rows. */
    public static FeatureFrame frame(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        FeatureFrame.Builder b = FeatureFrame.builder(rows);
        b.numeric("price", numbers(rows, rnd, 0.02, r -> Math.exp(3 + r.nextGaussian())));
        b.numeric("quantity", numbers(rows, rnd, 0, r -> r.nextInt(1, 6)));
        b.numeric("dwell", numbers(rows, rnd, 0.02, r -> 5 + 60 * r.nextDouble() * r.nextDouble()));
        b.numeric("discount", numbers(rows, rnd, 0, r -> r.nextDouble() * 0.5));
        b.numeric("age", numbers(rows, rnd, 0.02, r -> r.nextInt(16, 90)));
        b.numeric("rating", numbers(rows, rnd, 0, r -> 1 + 4 * r.nextDouble()));
        b.numeric("views_7d", numbers(rows, rnd, 0, r -> r.nextInt(0, 200)));
        b.numeric("carts_7d", numbers(rows, rnd, 0, r -> r.nextInt(0, 10)));
        b.numeric("spend_30d", numbers(rows, rnd, 0, r -> r.nextDouble() < 0.7 ? 0 : 500 * r.nextDouble()));
        b.numeric("days_since", numbers(rows, rnd, 0.02, r -> r.nextInt(0, 365)));
        b.categorical("category", codes(rows, rnd, 200), labels("cat", 200));
        b.categorical("brand", codes(rows, rnd, 5000), labels("brand", 5000));
        b.categorical("region", codes(rows, rnd, 12), labels("region", 12));
        b.categorical("device", codes(rows, rnd, 4), labels("device", 4));
        b.categorical("channel", codes(rows, rnd, 20), labels("channel", 20));
        b.categorical("shop", codes(rows, rnd, 100), labels("shop", 100));
        b.categorical("payment", codes(rows, rnd, 6), labels("pay", 6));
        b.categorical("segment", codes(rows, rnd, 8), labels("seg", 8));
        long[] ts = new long[rows];
        long[] seen = new long[rows];
        for (int r = 0; r < rows; r++) {
            ts[r] = REFERENCE_MILLIS - rnd.nextLong(0, 90L * 86_400_000L);
            seen[r] = REFERENCE_MILLIS - rnd.nextLong(0, 365L * 86_400_000L);
        }
        b.timestamps("ts", ts).timestamps("last_seen", seen);
        return b.build();
    }

    private interface Draw {
        double next(SplittableRandom rnd);
    }

    private static double[] numbers(int rows, SplittableRandom rnd, double missingShare, Draw draw) {
        double[] v = new double[rows];
        for (int r = 0; r < rows; r++) {
            v[r] = rnd.nextDouble() < missingShare ? Double.NaN : draw.next(rnd);
        }
        return v;
    }

    private static int[] codes(int rows, SplittableRandom rnd, int size) {
        int[] c = new int[rows];
        for (int r = 0; r < rows; r++) {
            // a skewed draw, so frequent labels exist beside a long tail
            double u = rnd.nextDouble();
            c[r] = (int) Math.min(size - 1, Math.floor(size * u * u));
        }
        return c;
    }

    private static IdIndex labels(String prefix, int size) {
        IdIndex.Builder b = IdIndex.builder();
        for (int i = 0; i < size; i++) {
            b.intern(prefix + i);
        }
        return b.build();
    }
}
