package ai.behavior.spark;

import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.als.LatentFactors;
import ai.behavior.recsys.mf.AlsOptions;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.RatingRange;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.List;
import java.util.Objects;

/**
 * Trains Spark MLlib's ALS on an {@link IndexedFrame} and converts the result into OUR recommenders:
 * implicit ALS into {@link ImplicitAls}, explicit ALS into {@link BiasedMf} (mean and biases zero, since
 * Spark's model has none). Serving ({@code Recommender} with seen-item filtering, popularity fallback), fold-in,
 * similar items, save / load and {@code TopNEvaluator} are then the same code as for a model fitted on one
 * machine.
 *
 * <pre>{@code
 * IndexedFrame f = SparkIds.index(events, "user", "item", train.users(), train.items());
 * ImplicitAls als = SparkAlsTrainer.fitImplicit(f, null, SparkAlsOptions.implicit(32, 10)).model();
 * }</pre>
 *
 * <p><b>Exact conversion.</b> The factor rows are copied bit for bit; users and items that have no factors in
 * Spark's model (no training pair) get zero rows and zero counts, so a {@code Recommender} treats such users
 * as unknown. Scores are the float dot products of Spark's factors.
 *
 * <p><b>Pairs.</b> Duplicate (user, item) rows are aggregated before fitting: implicit values are summed (or,
 * with no value column, counted, as {@link Weighting#counts()} does); explicit ratings are averaged.
 *
 * <p><b>Fold-in.</b> Our fold-in solves with a plain lambda; the converted implicit model uses
 * {@code regParam * (mean pairs per user)}, the lambda that matches Spark's ALS-WR penalty for a user with
 * the mean number of pairs (see {@link SparkAlsOptions}).
 */
public final class SparkAlsTrainer {
    private SparkAlsTrainer() {
    }

    /**
     * A fitted model with Spark's own model beside it.
     *
     * @param spark   Spark's model (its factor DataFrames are cached by Spark until unpersisted)
     * @param model   the converted model
     * @param pairs   (user, item) pairs fitted
     * @param seconds wall clock of {@code ALS.fit}, aggregation excluded
     * @param <M>     our model type
     */
    public record Fitted<M>(ALSModel spark, M model, long pairs, double seconds) {
    }

    /**
     * Implicit ALS on summed values (or event counts when {@code valueColumn} is null).
     *
     * @throws IllegalArgumentException if the options are explicit, or a value is negative
     */
    public static Fitted<ImplicitAls> fitImplicit(IndexedFrame events, String valueColumn, SparkAlsOptions options) {
        if (!options.implicitPrefs()) {
            throw new IllegalArgumentException("fitImplicit needs implicit options (SparkAlsOptions.implicit)");
        }
        requireFinite(events, valueColumn);
        Column agg = valueColumn == null ? functions.count(functions.lit(1)).cast("float")
                : functions.sum(functions.col(valueColumn)).cast("float");
        Dataset<Row> pairs = aggregate(events, agg);
        if (!pairs.filter(functions.col("rating").lt(0)).limit(1).isEmpty()) {
            throw new IllegalArgumentException("implicit ALS needs values >= 0; column '" + valueColumn
                    + "' sums to a negative value for some (user, item) pair");
        }
        Run run = run(events, pairs, options);
        double meanPairs = (double) run.pairs / Math.max(1, countPositive(run.userCounts));
        ImplicitAls.Options ours = new ImplicitAls.Options(options.rank(), options.maxIter(),
                Math.max(options.regParam() * meanPairs, Double.MIN_NORMAL), options.alpha(), 0,
                ImplicitAls.Options.defaults().threads(), options.seed(),
                valueColumn == null ? Weighting.counts() : Weighting.ratings(), null, ProgressListener.quiet());
        LatentFactors f = LatentFactors.of(events.users().size(), events.items().size(), options.rank(),
                run.userRows, run.itemRows, null);
        ImplicitAls model = ImplicitAls.fromFactors(events.users(), events.items(), f, run.userCounts,
                run.itemCounts, ours);
        return new Fitted<>(run.model, model, run.pairs, run.seconds);
    }

    /**
     * Explicit ALS on ratings (pairs averaged), converted to a {@link BiasedMf} with zero mean and biases.
     *
     * @param clip the range predictions are clipped to (e.g. the rating scale)
     * @throws IllegalArgumentException if the options are implicit
     */
    public static Fitted<BiasedMf> fitExplicit(IndexedFrame ratings, String ratingColumn, SparkAlsOptions options,
                                               RatingRange clip) {
        Objects.requireNonNull(ratingColumn, "ratingColumn");
        Objects.requireNonNull(clip, "clip");
        if (options.implicitPrefs()) {
            throw new IllegalArgumentException("fitExplicit needs explicit options (SparkAlsOptions.explicit)");
        }
        requireFinite(ratings, ratingColumn);
        Dataset<Row> pairs = aggregate(ratings, functions.avg(functions.col(ratingColumn)).cast("float"));
        Run run = run(ratings, pairs, options);
        AlsOptions ours = new AlsOptions(options.rank(), options.maxIter(), Math.max(options.regParam(),
                Double.MIN_NORMAL), Math.max(options.regParam(), Double.MIN_NORMAL), true, 0.1, options.seed(), clip,
                null, null, ProgressListener.quiet());
        int nu = ratings.users().size();
        int ni = ratings.items().size();
        BiasedMf model = BiasedMf.fromParameters(ratings.users(), ratings.items(), 0.0, new float[nu],
                new float[ni], run.userRows, run.itemRows, options.rank(), run.userCounts, run.itemCounts, clip, ours);
        return new Fitted<>(run.model, model, run.pairs, run.seconds);
    }

    /**
     * Fails naming the column and the value when a row's value is null, NaN or infinite: aggregation would
     * otherwise drop nulls silently and carry NaN into the factors.
     */
    private static void requireFinite(IndexedFrame f, String valueColumn) {
        if (valueColumn == null) {
            return;
        }
        Column v = functions.col(valueColumn).cast("double");
        List<Row> bad = f.frame().filter(v.isNull().or(functions.isnan(v))
                        .or(v.equalTo(Double.POSITIVE_INFINITY)).or(v.equalTo(Double.NEGATIVE_INFINITY)))
                .select(functions.col(valueColumn)).limit(1).collectAsList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("column '" + valueColumn + "' holds " + bad.get(0).get(0)
                    + "; ALS values must be finite numbers");
        }
    }

    private static Dataset<Row> aggregate(IndexedFrame f, Column value) {
        return f.frame().groupBy(functions.col(f.userIndexColumn()).as("user"),
                functions.col(f.itemIndexColumn()).as("item")).agg(value.as("rating"));
    }

    /** The fit and the copied factors and counts. */
    private record Run(ALSModel model, float[] userRows, float[] itemRows, int[] userCounts, int[] itemCounts,
                       long pairs, double seconds) {
    }

    private static Run run(IndexedFrame f, Dataset<Row> pairs, SparkAlsOptions o) {
        Dataset<Row> cached = pairs.cache();
        try {
            long n = cached.count();
            if (n == 0) {
                throw new IllegalArgumentException("cannot fit ALS on an empty DataFrame");
            }
            ALS als = new ALS().setUserCol("user").setItemCol("item").setRatingCol("rating")
                    .setRank(o.rank()).setMaxIter(o.maxIter()).setRegParam(o.regParam()).setAlpha(o.alpha())
                    .setImplicitPrefs(o.implicitPrefs()).setSeed(o.seed()).setNonnegative(o.nonnegative())
                    .setNumUserBlocks(o.userBlocks()).setNumItemBlocks(o.itemBlocks());
            long t0 = System.nanoTime();
            ALSModel model = als.fit(cached);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int nu = f.users().size();
            int ni = f.items().size();
            float[] userRows = new float[nu * o.rank()];
            float[] itemRows = new float[ni * o.rank()];
            copy(model.userFactors(), o.rank(), userRows);
            copy(model.itemFactors(), o.rank(), itemRows);
            int[] userCounts = counts(cached, "user", nu);
            int[] itemCounts = counts(cached, "item", ni);
            return new Run(model, userRows, itemRows, userCounts, itemCounts, n, seconds);
        } finally {
            cached.unpersist();
        }
    }

    private static void copy(Dataset<Row> factors, int rank, float[] into) {
        for (Row row : factors.collectAsList()) {
            int id = row.getInt(0);
            List<Float> features = row.getList(1);
            for (int k = 0; k < rank; k++) {
                into[id * rank + k] = features.get(k);
            }
        }
    }

    private static int[] counts(Dataset<Row> pairs, String column, int size) {
        int[] out = new int[size];
        for (Row r : pairs.groupBy(column).count().collectAsList()) {
            out[r.getInt(0)] = Math.toIntExact(r.getLong(1));
        }
        return out;
    }

    private static int countPositive(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c > 0 ? 1 : 0;
        }
        return n;
    }
}
