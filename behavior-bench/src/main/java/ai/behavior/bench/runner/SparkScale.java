package ai.behavior.bench.runner;

import ai.behavior.bench.jmh.Ml1mShapedMatrix;
import ai.behavior.bench.peers.SparkAls;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpOptions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.spark.BatchScores;
import ai.behavior.spark.IndexedFrame;
import ai.behavior.spark.SparkAlsOptions;
import ai.behavior.spark.SparkAlsTrainer;
import ai.behavior.spark.SparkBatchScorer;
import ai.behavior.spark.SparkBinaryMetrics;
import ai.behavior.spark.SparkBinaryResult;
import ai.behavior.spark.SparkIds;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code spark-scale}: the behavior-spark module in {@code local[N]} beside the single-machine path on the
 * ML-1M-shaped synthetic matrix ({@link Ml1mShapedMatrix}, seed 42: 6,040 × 3,706, 1,000,209 ratings):
 * <ol>
 *   <li>batch scoring of all 1,000,209 (user, item) pairs with a saved MLP and its feature pipeline
 *       ({@code SparkBatchScorer}: one model load per partition, batches of 4,096) against
 *       {@code MlpModel.predict} on the driver, and the AUC of both over the same pairs
 *       ({@code SparkBinaryMetrics} against {@code RocAuc});</li>
 *   <li>implicit ALS rank 10, 10 iterations, trained by Spark MLlib through {@code SparkAlsTrainer} (cold and
 *       warm fit, then conversion into our {@code ImplicitAls}) against our {@code ImplicitAls.fit}.</li>
 * </ol>
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run spark-scale --threads 2
 * }</pre>
 *
 * <p>The pairs' features are the user's and the item's rating counts (standardised by the pipeline), the
 * label "rating >= 4"; the MLP (16-8-1) trains for one epoch on the first 200,000 pairs, outside the clock.
 * Spark's figures exclude starting the session and building the DataFrame (both logged). Without Spark on the
 * class path the single-machine figures are still measured and the Spark part is reported as skipped.
 */
public final class SparkScale implements Scenario {
    private static final long SEED = 42;
    private static final int RANK = 10;
    private static final int ITERATIONS = 10;
    private static final int BATCH = 4_096;
    private static final String SPARK = "behavior-spark";

    @Override
    public String name() {
        return "spark-scale";
    }

    @Override
    public String dataset() {
        return "synthetic ML-1M-shaped";
    }

    @Override
    public String description() {
        return "1M pairs scored with a saved MLP and ALS rank 10 trained, on Spark local[N] beside one machine";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return DataStatus.present("generated in memory (Ml1mShapedMatrix seed " + SEED + "); Spark: "
                + SparkPeer.unavailable().map(why -> "not on the class path").orElse("on the class path"));
    }

    /** The pairs, their features and labels, and the saved model. */
    private record Pairs(Interactions log, double[] userEvents, double[] itemEvents, int[] label, Path modelDir) {
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws IOException {
        PrintStream log = context.log();
        int threads = context.threads();
        Pairs pairs = pairs(log);
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        out.protocol(String.format(Locale.ROOT, "scoring: Ml1mShapedMatrix seed %d, all %,d (user, item) pairs, "
                + "MLP 16-8-1 + pipeline (standardised user and item rating counts) saved and loaded, batches of "
                + "%,d; single machine = MlpModel.predict on %d PyTorch thread(s); Spark = SparkBatchScorer in "
                + "local[%d], %d partitions, one model load per partition, count() of the cached scores; one timed "
                + "run each after a warm-up", SEED, Ml1mShapedMatrix.RATINGS, BATCH, 1, threads, 2 * threads));
        double[] single;
        try (MlpModel model = MlpModel.load(pairs.modelDir(), DevicePolicy.CPU)) {
            FeatureFrame frame = frame(pairs, 0, pairs.label().length);
            model.predict(frame(pairs, 0, 10_000)); // warm-up
            long t0 = System.nanoTime();
            single = model.predict(frame);
            double s = (System.nanoTime() - t0) / 1e9;
            out.add("single machine MlpModel.predict", "rows/s", single.length / s, s, 1);
            long t1 = System.nanoTime();
            double auc = RocAuc.of(pairs.label(), single);
            out.add("single machine RocAuc", "auc", auc, (System.nanoTime() - t1) / 1e9, 1);
        }
        Optional<String> missing = SparkPeer.unavailable();
        if (missing.isPresent()) {
            out.skipped(SPARK, missing.get());
        } else {
            SparkSide.run(context, pairs, single, out);
        }
        out.protocol(String.format(Locale.ROOT, "training: Ml1mShapedMatrix seed %d, implicit ALS rank %d, %d "
                + "iterations, alpha 1, values = ratings; ours plain lambda %s on %d threads (median of 2 after a "
                + "warm-up); Spark regParam 0.1 (count-scaled, ALS-WR), 10x10 blocks, local[%d]: ALS.fit alone, "
                + "cold (first fit in the JVM) and warm, and fit + conversion into ImplicitAls", SEED, RANK,
                ITERATIONS, ImplicitAls.Options.defaults().regularization(), threads, threads));
        UserItemMatrix m = UserItemMatrix.of(pairs.log(), Weighting.ratings());
        ImplicitAls.Options o = ImplicitAls.Options.defaults().withFactors(RANK).withIterations(ITERATIONS)
                .withAlpha(1.0).withThreads(threads);
        ImplicitAls.fit(m, o);
        double[] fits = new double[2];
        for (int r = 0; r < fits.length; r++) {
            long t0 = System.nanoTime();
            ImplicitAls.fit(m, o);
            fits[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(fits);
        double median = (fits[0] + fits[1]) / 2;
        log.printf(Locale.ROOT, "ours: implicit ALS fits %.2f s, %.2f s%n", fits[0], fits[1]);
        out.add("Behavior ImplicitAls rank " + RANK, "warm fit s", median, fits[0] + fits[1], threads);
        if (missing.isEmpty()) {
            SparkSide.train(context, pairs, out);
            SparkSide.stop();
        }
        return out.build();
    }

    /** Makes the pairs and features, trains and saves the MLP (outside every clock). */
    private static Pairs pairs(PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        Interactions data = Ml1mShapedMatrix.generate(SEED);
        int n = data.size();
        int[] perUser = new int[data.numUsers()];
        int[] perItem = new int[data.numItems()];
        for (int r = 0; r < n; r++) {
            perUser[data.user(r)]++;
            perItem[data.item(r)]++;
        }
        double[] ue = new double[n];
        double[] ie = new double[n];
        int[] label = new int[n];
        for (int r = 0; r < n; r++) {
            ue[r] = perUser[data.user(r)];
            ie[r] = perItem[data.item(r)];
            label[r] = data.value(r) >= 4 ? 1 : 0;
        }
        Pairs p = new Pairs(data, ue, ie, label, Files.createTempDirectory("spark-scale-mlp").resolve("mlp"));
        int trainRows = 200_000;
        FeatureFrame train = frame(p, 0, trainRows);
        Pipeline.Fit fit = Pipeline.builder().add("user_events", Standardize.of("user_events"))
                .add("item_events", Standardize.of("item_events")).build()
                .fitTransform(train, FitContext.unsupervised());
        double[] y = new double[trainRows];
        for (int r = 0; r < trainRows; r++) {
            y[r] = label[r];
        }
        try (MlpModel model = Mlp.fit(fit.training(), y, MlpOptions.binary().withHidden(16, 8).withTraining(
                TrainingOptions.defaults().withEpochs(1).withBatchSize(1024).withDevice(DevicePolicy.CPU)),
                fit.pipeline())) {
            model.save(p.modelDir());
        }
        log.printf(Locale.ROOT, "spark-scale: %,d pairs made and the MLP trained and saved in %.1f s%n", n,
                (System.nanoTime() - t0) / 1e9);
        return p;
    }

    private static FeatureFrame frame(Pairs p, int from, int to) {
        return FeatureFrame.builder(to - from)
                .numeric("user_events", Arrays.copyOfRange(p.userEvents(), from, to))
                .numeric("item_events", Arrays.copyOfRange(p.itemEvents(), from, to)).build();
    }

    /**
     * Everything that touches Spark's classes, loaded only after {@link SparkPeer#unavailable()} found them,
     * so the scenario runs (single machine only) without Spark.
     */
    private static final class SparkSide {
        private static SparkSession spark;
        private static Dataset<Row> frame;

        static void run(RunContext context, Pairs p, double[] single, ScenarioOutcome.Builder out) throws IOException {
            PrintStream log = context.log();
            int threads = context.threads();
            start(threads, log);
            long t0 = System.nanoTime();
            frame = load(p, threads);
            log.printf(Locale.ROOT, "spark: %,d pairs as a DataFrame in %.1f s (not part of any figure)%n",
                    frame.count(), (System.nanoTime() - t0) / 1e9);
            // warm-up (DJL's engine, the model file, Spark's code paths) on a slice keyed by row, which also
            // checks the executors' predictions against the driver's row by row
            BatchScores warm = SparkBatchScorer.score(frame.limit(20_000), p.modelDir().toString(), "row", BATCH);
            double maxDiff = maxDiff(warm.scores(), single);
            BatchScores scores = SparkBatchScorer.score(frame, p.modelDir().toString(), "label", BATCH);
            Dataset<Row> cached = scores.scores().cache();
            long t1 = System.nanoTime();
            long n = cached.count();
            double s = (System.nanoTime() - t1) / 1e9;
            log.printf(Locale.ROOT, "spark: %,d pairs scored in %.2f s, %d model loads, %d batches%n", n, s,
                    scores.modelLoads().value(), scores.batches().value());
            out.add(SPARK + " SparkBatchScorer local[" + threads + "]", "rows/s", n / s, s, threads);
            long t2 = System.nanoTime();
            SparkBinaryResult r = SparkBinaryMetrics.evaluate(cached, "label", "score",
                    EvaluationProtocol.pointwise("all pairs of Ml1mShapedMatrix seed 42, label rating >= 4"));
            double evalSeconds = (System.nanoTime() - t2) / 1e9;
            out.add(SPARK + " SparkBinaryMetrics local[" + threads + "]", "auc", r.auc(), evalSeconds, threads);
            log.printf(Locale.ROOT, "spark: AUC and log-loss in %.2f s: auc %.9f (single machine %.9f), largest "
                    + "|spark - driver| prediction %.2e%n", evalSeconds, r.auc(), RocAuc.of(p.label(), single), maxDiff);
            out.add(SPARK + " vs driver predictions (20,000 rows)", "max abs diff", maxDiff, 0, threads);
            // the distributed AUC against RocAuc on the very predictions Spark scored (collected to the driver)
            List<Row> collected = cached.select("label", "score").collectAsList();
            int[] labels = new int[collected.size()];
            double[] scored = new double[collected.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = collected.get(i).getInt(0);
                scored[i] = collected.get(i).getDouble(1);
            }
            double driverAuc = RocAuc.of(labels, scored);
            log.printf(Locale.ROOT, "spark: RocAuc of the same %,d Spark predictions on the driver %.17f, "
                    + "SparkBinaryMetrics %.17f%n", labels.length, driverAuc, r.auc());
            out.add(SPARK + " AUC vs RocAuc on the same predictions", "abs diff", Math.abs(driverAuc - r.auc()), 0,
                    threads);
            cached.unpersist();
        }

        /** Largest difference between a pair's score on Spark and on the driver, pairs matched by row number. */
        private static double maxDiff(Dataset<Row> scores, double[] single) {
            double max = 0;
            for (Row r : scores.collectAsList()) {
                max = Math.max(max, Math.abs(r.getDouble(1) - single[r.getInt(0)]));
            }
            return max;
        }

        static void train(RunContext context, Pairs p, ScenarioOutcome.Builder out) {
            PrintStream log = context.log();
            int threads = context.threads();
            IndexedFrame events = SparkIds.index(frame, "user", "item", p.log().users(), p.log().items());
            Dataset<Row> indexed = events.frame().localCheckpoint(true);
            IndexedFrame cached = new IndexedFrame(indexed, events.users(), events.items(), "user", "item",
                    SparkIds.USER_INDEX, SparkIds.ITEM_INDEX);
            SparkAlsOptions o = SparkAlsOptions.implicit(RANK, ITERATIONS);
            String name = SPARK + " SparkAlsTrainer (MLlib ALS) rank " + RANK + ", local[" + threads + "]";
            for (String when : new String[] {"cold", "warm"}) {
                long t0 = System.nanoTime();
                SparkAlsTrainer.Fitted<ImplicitAls> fit = SparkAlsTrainer.fitImplicit(cached, "rating", o);
                double total = (System.nanoTime() - t0) / 1e9;
                log.printf(Locale.ROOT, "spark: %s ALS.fit %.2f s, with aggregation, factor copy and conversion "
                        + "%.2f s: %s%n", when, fit.seconds(), total, fit.model());
                out.add(name, when + " fit s", fit.seconds(), total, threads);
                out.add(name, when + " fit+convert s", total, total, threads);
                fit.spark().userFactors().unpersist();
                fit.spark().itemFactors().unpersist();
            }
        }

        static void start(int threads, PrintStream log) {
            for (String flag : SparkAls.JAVA17_JVM_FLAGS) {
                if (flag.startsWith("-D")) {
                    String[] kv = flag.substring(2).split("=", 2);
                    if (System.getProperty(kv[0]) == null) {
                        System.setProperty(kv[0], kv[1]);
                    }
                }
            }
            long t0 = System.nanoTime();
            spark = SparkSession.builder().master("local[" + threads + "]").appName("behavior-bench-spark-scale")
                    .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", String.valueOf(2 * threads))
                    .config("spark.sql.warehouse.dir", Path.of(System.getProperty("java.io.tmpdir"),
                            "behavior-bench-spark").resolve("warehouse").toString())
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            log.printf(Locale.ROOT, "spark %s local[%d] started in %.1f s%n", spark.version(), threads,
                    (System.nanoTime() - t0) / 1e9);
        }

        /** The pairs as (row, user, item, rating, user_events, item_events, label), materialised in 2N partitions. */
        private static Dataset<Row> load(Pairs p, int threads) {
            Interactions data = p.log();
            List<Row> rows = new ArrayList<>(data.size());
            for (int r = 0; r < data.size(); r++) {
                rows.add(RowFactory.create(r, data.users().id(data.user(r)), data.items().id(data.item(r)),
                        data.value(r), p.userEvents()[r], p.itemEvents()[r], p.label()[r]));
            }
            StructType schema = new StructType().add("row", DataTypes.IntegerType, false)
                    .add("user", DataTypes.StringType, false)
                    .add("item", DataTypes.StringType, false).add("rating", DataTypes.FloatType, false)
                    .add("user_events", DataTypes.DoubleType, false).add("item_events", DataTypes.DoubleType, false)
                    .add("label", DataTypes.IntegerType, false);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int slices = Math.max(2 * threads, (rows.size() + 9_999) / 10_000); // tasks under Spark's 1 MB advice
            return spark.createDataFrame(jsc.parallelize(rows, slices), schema).localCheckpoint(true)
                    .coalesce(2 * threads);
        }

        static void stop() {
            if (spark != null) {
                spark.stop();
                spark = null;
                frame = null;
            }
        }
    }

    /**
     * Runs the scenario on its own (before it is listed in {@link Scenarios}):
     * {@code java <Spark's JVM flags> -cp <classes and spark-peer.classpath> ai.behavior.bench.runner.SparkScale 2}.
     */
    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        ScenarioOutcome o = new SparkScale().run(new RunContext(Path.of("."), threads, OptionalLong.empty(),
                System.out));
        o.results().forEach(System.out::println);
        o.skipped().forEach(s -> System.out.println("skipped: " + s));
    }
}
