package ai.behavior.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/**
 * The tests' Spark: {@code local[2]}, loopback only, no UI, 4 shuffle partitions, quiet. Every test class of
 * the module shares one session (starting Spark costs seconds on a loaded machine); Spark's own shutdown
 * hook stops it when the test JVM exits, so no class stops it.
 */
final class LocalSpark {
    private LocalSpark() {
    }

    private static SparkSession shared;

    static synchronized SparkSession session() {
        if (shared != null) {
            return shared;
        }
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("behavior-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.sql.warehouse.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "behavior-spark-tests").toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        shared = spark;
        return spark;
    }
}
