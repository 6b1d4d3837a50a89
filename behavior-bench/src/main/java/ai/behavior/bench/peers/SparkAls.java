package ai.behavior.bench.peers;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Apache Spark MLlib ALS peer: one {@code local[N]} Spark session in this JVM, ratings from primitive
 * arrays, explicit or implicit ALS fits timed by wall clock, factors handed back as {@link LatentFactors}.
 *
 * <pre>{@code
 * try (SparkAls spark = SparkAls.start(2); SparkAls.Ratings r = spark.load(m.user(), m.item(), m.rating(), m.users(), m.items())) {
 *     SparkAls.Fit fit = spark.fit(r, SparkAls.Options.explicit(10, 10));
 * }
 * }</pre>
 *
 * <h2>Running it</h2>
 * Spark is a {@code provided} dependency of behavior-bench: it is not inside {@code benchmarks.jar}. The
 * build writes the class path to {@code behavior-bench/target/spark-peer.classpath}. On Java 17, plain
 * {@code java} needs the flags Spark's own launcher adds ({@code org.apache.spark.launcher.JavaModuleOptions}
 * in Spark 4.1.0), listed in {@link #JAVA17_JVM_FLAGS}:
 * <pre>
 * java -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector \
 *   --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
 *   --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
 *   --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
 *   --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
 *   --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
 *   --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
 *   --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
 *   -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
 *   -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE \
 *   --enable-native-access=ALL-UNNAMED -Xmx4g \
 *   -cp behavior-bench/target/benchmarks.jar:$(cat behavior-bench/target/spark-peer.classpath) \
 *   ai.behavior.bench.AlsSpeedComparison
 * </pre>
 * Spark 3.x failed at start-up without them ({@code IllegalAccessError ... sun.nio.ch.DirectBuffer}); Spark
 * 4.1.0's ALS also ran here on Java 17 without any of them, but {@code spark-submit} always adds them (and
 * {@code jdk.incubator.vector} gives netlib its vectorised Java BLAS when no native BLAS loads), so timings
 * are taken with them, as Spark runs when deployed. {@link #missingJava17Flags} names any that are absent;
 * {@link #start} warns on stderr. A JMH benchmark of Spark would put the same list in
 * {@code @Fork(jvmArgsAppend = ...)}.
 *
 * <h2>Conventions (parity traps)</h2>
 * Spark's {@code regParam} is scaled by each user's / item's number of ratings (ALS-WR): the user step
 * solves {@code (YᵀY + regParam · n_u · I) x = Yᵀr}. Implicit mode uses confidence {@code 1 + alpha · r}
 * and preference 1 for {@code r > 0}. Convert when our options use a plain lambda.
 *
 * <h2>Offline and quiet</h2>
 * Local mode needs no network beyond the loopback interface: the driver binds to 127.0.0.1, the web UI is
 * off, nothing is fetched ({@code spark.jars.packages} unset). Logging is WARN (the {@code log4j2.properties}
 * of this module, plus {@code setLogLevel}).
 */
public final class SparkAls implements AutoCloseable {
    /** JVM flags Spark 4.1 needs on Java 17 (copied from its launcher's {@code JavaModuleOptions}). */
    public static final List<String> JAVA17_JVM_FLAGS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.type=pooled",
            "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * One ALS configuration, named as in Spark.
     *
     * @param rank          factors per user / item
     * @param maxIter       alternating sweeps (one sweep = users then items)
     * @param regParam      lambda, scaled by rating counts (ALS-WR)
     * @param alpha         implicit confidence slope: {@code c = 1 + alpha * r}
     * @param implicitPrefs implicit-feedback ALS (Hu, Koren, Volinsky) instead of explicit ratings
     * @param seed          random seed of the initial factors
     * @param userBlocks    Spark's numUserBlocks (default 10)
     * @param itemBlocks    Spark's numItemBlocks (default 10)
     */
    public record Options(int rank, int maxIter, double regParam, double alpha, boolean implicitPrefs, long seed,
                          int userBlocks, int itemBlocks) {
        /** Explicit ALS with Spark's defaults (regParam 0.1, 10 blocks each side), seed 42. */
        public static Options explicit(int rank, int maxIter) {
            return new Options(rank, maxIter, 0.1, 1.0, false, 42, 10, 10);
        }

        /** Implicit ALS with Spark's defaults (regParam 0.1, alpha 1.0, 10 blocks each side), seed 42. */
        public static Options implicit(int rank, int maxIter) {
            return new Options(rank, maxIter, 0.1, 1.0, true, 42, 10, 10);
        }

        /** The same options with another number of iterations. */
        public Options withMaxIter(int iterations) {
            return new Options(rank, iterations, regParam, alpha, implicitPrefs, seed, userBlocks, itemBlocks);
        }

        /** Short description for result lines. */
        public String describe() {
            return String.format("%s rank=%d maxIter=%d regParam=%s%s blocks=%dx%d seed=%d",
                    implicitPrefs ? "implicit" : "explicit", rank, maxIter, regParam,
                    implicitPrefs ? " alpha=" + alpha : "", userBlocks, itemBlocks, seed);
        }
    }

    /**
     * A fitted model.
     *
     * @param options        what was fitted
     * @param seconds        wall clock of {@code ALS.fit} alone (Spark's blocking shuffle, all iterations and the
     *                       materialisation of both factor RDDs; not the ratings DataFrame, not collecting)
     * @param collectSeconds wall clock of copying the factors into {@link #factors}
     * @param factors        the factors as primitive arrays
     */
    public record Fit(Options options, double seconds, double collectSeconds, LatentFactors factors) {
    }

    /**
     * The ratings as a DataFrame (columns user int, item int, rating float) held in Spark's block manager
     * with no lineage back to the driver's arrays; close to drop it.
     */
    public static final class Ratings implements AutoCloseable {
        private final Dataset<Row> frame;
        private final List<JavaRDD<?>> held;
        private final int users;
        private final int items;
        private final double buildSeconds;

        private Ratings(Dataset<Row> frame, List<JavaRDD<?>> held, int users, int items, double buildSeconds) {
            this.frame = frame;
            this.held = held;
            this.users = users;
            this.items = items;
            this.buildSeconds = buildSeconds;
        }

        /** Seconds spent building and materialising the DataFrame (not part of any fit time). */
        public double buildSeconds() {
            return buildSeconds;
        }

        /** The DataFrame. */
        public Dataset<Row> frame() {
            return frame;
        }

        @Override
        public void close() {
            held.forEach(rdd -> rdd.unpersist(true));
        }
    }

    private final SparkSession spark;
    private final int threads;
    private final double startSeconds;

    private SparkAls(SparkSession spark, int threads, double startSeconds) {
        this.spark = spark;
        this.threads = threads;
        this.startSeconds = startSeconds;
    }

    /**
     * Starts a {@code local[threads]} Spark session (the only one in this JVM) with the web UI off, the
     * driver bound to the loopback address and logging at WARN; warns on stderr when the JVM lacks the
     * flags of {@link #JAVA17_JVM_FLAGS}.
     */
    public static SparkAls start(int threads) {
        List<String> missing = missingJava17Flags();
        if (!missing.isEmpty()) {
            System.err.println("warning: this JVM lacks JVM flags spark-submit passes on Java 17 " + missing
                    + "; timings are meant with all of: " + String.join(" ", JAVA17_JVM_FLAGS));
        }
        long t0 = System.nanoTime();
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"), "behavior-bench-spark");
        SparkSession spark = SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("behavior-bench-spark-als")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(2 * threads))
                .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return new SparkAls(spark, threads, (System.nanoTime() - t0) / 1e9);
    }

    /** Seconds it took to start the session (JVM class loading included: counts toward "cold"). */
    public double startSeconds() {
        return startSeconds;
    }

    /** Worker threads ({@code N} of {@code local[N]}). */
    public int threads() {
        return threads;
    }

    /** The Spark version actually on the class path. */
    public String sparkVersion() {
        return spark.version();
    }

    /**
     * Which BLAS / LAPACK Spark's ALS will call (native through JNI when the machine has a system BLAS,
     * otherwise netlib's Java implementation): it changes the timings, so print it beside them.
     */
    public static String blasReport() {
        return "BLAS " + implementation("org.apache.spark.ml.linalg.BLAS$", "nativeBLAS")
                + ", LAPACK " + implementation("org.apache.spark.mllib.linalg.LAPACK$", "nativeLAPACK");
    }

    /**
     * Builds the ratings DataFrame from primitive columns ({@code 2 * threads} partitions) and materialises
     * it with a local checkpoint, so fit timings include neither building it nor shipping the driver's rows
     * with every task (a plain {@code cache()} of a parallelized collection keeps the rows in the partition
     * objects, and every stage that reads the cache would serialise ~10 MB per task).
     */
    public Ratings load(int[] user, int[] item, float[] rating, int users, int items) {
        long t0 = System.nanoTime();
        List<Row> rows = new ArrayList<>(user.length);
        for (int k = 0; k < user.length; k++) {
            rows.add(RowFactory.create(user[k], item[k], rating[k]));
        }
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Set<Integer> before = new HashSet<>(jsc.getPersistentRDDs().keySet());
        // slices of at most 20k rows keep each task under ~1 MB while the rows travel to the executors once
        int slices = Math.max(2 * threads, (user.length + 19_999) / 20_000);
        JavaRDD<Row> rdd = jsc.parallelize(rows, slices);
        Dataset<Row> frame = spark.createDataFrame(rdd, schema).localCheckpoint(true).coalesce(2 * threads);
        long n = frame.count();
        if (n != user.length) {
            throw new IllegalStateException("materialised " + n + " of " + user.length + " ratings");
        }
        List<JavaRDD<?>> held = new ArrayList<>();
        jsc.getPersistentRDDs().forEach((id, r) -> {
            if (!before.contains(id)) {
                held.add(r);
            }
        });
        return new Ratings(frame, held, users, items, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Fits ALS on {@code ratings} and times {@code ALS.fit}; then copies the factors out and drops every RDD
     * the fit left cached, so successive fits start from the same state.
     */
    public Fit fit(Ratings ratings, Options o) {
        ALS als = new ALS()
                .setUserCol("user").setItemCol("item").setRatingCol("rating")
                .setRank(o.rank()).setMaxIter(o.maxIter()).setRegParam(o.regParam()).setAlpha(o.alpha())
                .setImplicitPrefs(o.implicitPrefs()).setSeed(o.seed())
                .setNumUserBlocks(o.userBlocks()).setNumItemBlocks(o.itemBlocks())
                .setNonnegative(false);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Set<Integer> cachedBefore = new HashSet<>(jsc.getPersistentRDDs().keySet());
        long t0 = System.nanoTime();
        ALSModel model = als.fit(ratings.frame);
        double seconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        float[] userFactors = new float[ratings.users * o.rank()];
        float[] itemFactors = new float[ratings.items * o.rank()];
        boolean[] hasUser = new boolean[ratings.users];
        boolean[] hasItem = new boolean[ratings.items];
        copy(model.userFactors(), o.rank(), userFactors, hasUser);
        copy(model.itemFactors(), o.rank(), itemFactors, hasItem);
        double collectSeconds = (System.nanoTime() - t1) / 1e9;

        jsc.getPersistentRDDs().forEach((id, rdd) -> {
            if (!cachedBefore.contains(id)) {
                rdd.unpersist(true);
            }
        });
        return new Fit(o, seconds, collectSeconds,
                new LatentFactors(o.rank(), userFactors, itemFactors, hasUser, hasItem));
    }

    private static void copy(Dataset<Row> factors, int rank, float[] into, boolean[] present) {
        for (Row row : factors.collectAsList()) {
            int id = row.getInt(0);
            List<Float> features = row.getList(1);
            for (int f = 0; f < rank; f++) {
                into[id * rank + f] = features.get(f);
            }
            present[id] = true;
        }
    }

    /** Stops the Spark session. */
    @Override
    public void close() {
        spark.stop();
    }

    /**
     * The essential {@code --add-opens} flags of {@link #JAVA17_JVM_FLAGS} that this JVM was started without
     * (empty when all are there).
     */
    public static List<String> missingJava17Flags() {
        Module unnamed = SparkAls.class.getModule();
        List<String> missing = new ArrayList<>();
        String[][] needed = {{"java.base", "java.lang"}, {"java.base", "java.nio"}, {"java.base", "sun.nio.ch"},
                {"java.base", "java.util"}, {"java.base", "java.lang.invoke"}};
        for (String[] pkg : needed) {
            Module m = ModuleLayer.boot().findModule(pkg[0]).orElseThrow();
            if (!m.isOpen(pkg[1], unnamed)) {
                missing.add("--add-opens=" + pkg[0] + "/" + pkg[1] + "=ALL-UNNAMED");
            }
        }
        return missing;
    }

    private static String implementation(String scalaObject, String accessor) {
        try {
            Class<?> c = Class.forName(scalaObject);
            Object module = c.getField("MODULE$").get(null);
            return c.getMethod(accessor).invoke(module).getClass().getName();
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown (" + e + ")";
        }
    }
}
