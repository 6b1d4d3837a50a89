package ai.behavior.bench.runner;

import ai.behavior.bench.peers.FitTimer;
import ai.behavior.bench.peers.RatingColumns;
import ai.behavior.bench.peers.SparkAls;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The Spark MLlib side of {@code als-speed}: one {@code local[N]} session holding the ratings, timed fits.
 * Only this class (through {@link SparkAls}) touches Spark's classes, and {@link AlsSpeed} reaches it only
 * after {@link #unavailable()} found them, so the runner works without Spark.
 *
 * <pre>{@code
 * try (SparkPeer spark = SparkPeer.start(2, RatingColumns.of(log), System.out)) {
 *     FitTimer.Timings t = spark.time(true, 64, FitTimer.Plan.of(10, 1, 3), System.out);
 * }
 * }</pre>
 */
final class SparkPeer implements AutoCloseable {
    /** A class of Spark SQL and one of Spark MLlib: both must load for the peer to run. */
    private static final String[] PROBES = {"org.apache.spark.sql.SparkSession",
            "org.apache.spark.ml.recommendation.ALS"};

    private final SparkAls spark;
    private final SparkAls.Ratings ratings;

    private SparkPeer(SparkAls spark, SparkAls.Ratings ratings) {
        this.spark = spark;
        this.ratings = ratings;
    }

    /**
     * Why Spark cannot run in this JVM, or empty when its classes load. Touches no Spark class directly, so
     * it is safe to call without Spark.
     */
    static Optional<String> unavailable() {
        return unavailable(PROBES);
    }

    /** Why one of {@code probes} (class names) does not load, or empty when all do. */
    static Optional<String> unavailable(String... probes) {
        for (String probe : probes) {
            try {
                Class.forName(probe, false, SparkPeer.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of("Spark MLlib is not on the class path (" + probe + " did not load: " + e
                        + "); behavior-bench.jar finds it in peer-lib/ beside itself, which mvn package fills");
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code local[threads]} Spark and loads {@code data} into it (neither is part of any fit time).
     * Sets the system properties of {@link SparkAls#JAVA17_JVM_FLAGS} that are not set yet (a jar manifest
     * can carry the {@code --add-opens} flags but not {@code -D} ones).
     */
    static SparkPeer start(int threads, RatingColumns data, PrintStream log) {
        for (String flag : SparkAls.JAVA17_JVM_FLAGS) {
            if (flag.startsWith("-D")) {
                String[] kv = flag.substring(2).split("=", 2);
                if (System.getProperty(kv[0]) == null) {
                    System.setProperty(kv[0], kv[1]);
                }
            }
        }
        SparkAls spark = SparkAls.start(threads);
        try {
            log.printf(Locale.ROOT, "spark %s local[%d] started in %.1f s; %s%n", spark.sparkVersion(), threads,
                    spark.startSeconds(), SparkAls.blasReport());
            SparkAls.Ratings ratings = spark.load(data.user(), data.item(), data.rating(), data.users(),
                    data.items());
            log.printf(Locale.ROOT, "spark: ratings DataFrame built and cached in %.1f s (not part of any fit)%n",
                    ratings.buildSeconds());
            return new SparkPeer(spark, ratings);
        } catch (RuntimeException | LinkageError e) {
            spark.close();
            throw e;
        }
    }

    /** {@code "Spark MLlib 4.1.0 ALS"} with the version on the class path. */
    String name() {
        return "Spark MLlib " + spark.sparkVersion() + " ALS";
    }

    /** Times Spark's ALS at one setting with Spark's defaults otherwise (regParam 0.1, alpha 1, 10 × 10 blocks). */
    FitTimer.Timings time(boolean implicit, int rank, FitTimer.Plan plan, PrintStream log) {
        SparkAls.Options options = implicit ? SparkAls.Options.implicit(rank, plan.iterations())
                : SparkAls.Options.explicit(rank, plan.iterations());
        return FitTimer.measure("spark " + options.describe(),
                iterations -> spark.fit(ratings, options.withMaxIter(iterations)).seconds(), plan, false, log);
    }

    /** Drops the cached ratings and stops the session. */
    @Override
    public void close() {
        try {
            ratings.close();
        } finally {
            spark.close();
        }
    }
}
