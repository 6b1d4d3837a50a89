package ai.behavior.bench;

import ai.behavior.bench.jmh.Ml1mShapedMatrix;
import ai.behavior.bench.peers.BehaviorAls;
import ai.behavior.bench.peers.FitTimer;
import ai.behavior.bench.peers.FitTimer.Measured;
import ai.behavior.bench.peers.FitTimer.Timings;
import ai.behavior.bench.peers.HeldOutQuality;
import ai.behavior.bench.peers.RatingColumns;
import ai.behavior.bench.peers.SparkAls;
import ai.behavior.data.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times ALS on the ML-1M-shaped synthetic matrix of the benchmarks ({@link Ml1mShapedMatrix}: 6,040 × 3,706,
 * 1,000,209 ratings 1..5, fixed seed): Apache Spark MLlib in {@code local[N]} and our explicit and implicit
 * ALS on the same ratings in the same JVM.
 * For every setting (explicit / implicit × rank) it reports the cold fit (the first ALS fit in this JVM,
 * only for the first setting run), the median of warm fits (after a few uncounted warm-up fits: Spark's
 * JIT keeps improving over the first three or four fits), the marginal seconds per iteration, and the
 * quality of a fit on an 80 % split (RMSE for explicit, Recall@10 for implicit, with popularity beside it).
 * Beside every fit it prints the process CPU seconds: with {@code local[2]} an uncontended fit uses close to
 * 2 CPU seconds per second; a much lower ratio means the machine was busy and the wall time is inflated.
 *
 * <pre>
 * java [SparkAls.JAVA17_JVM_FLAGS] -Xmx4g \
 *   -cp behavior-bench/target/benchmarks.jar:$(cat behavior-bench/target/spark-peer.classpath) \
 *   ai.behavior.bench.AlsSpeedComparison --modes explicit --ranks 10 --iterations 10 --threads 2 --warm 3
 * </pre>
 * (the full flag list is in {@link SparkAls}). Run one setting per JVM to get a cold figure for each.
 *
 * <p>Options: {@code --modes explicit,implicit} {@code --ranks 10,64} {@code --iterations 10}
 * {@code --threads 2} {@code --discard 2} {@code --warm 3} {@code --seed 42} {@code --no-per-iteration}
 * {@code --no-quality} {@code --impl spark,behavior} (which implementations to time; the first one timed in
 * the JVM gets the cold figure, so time each alone for both cold figures).
 * The machine's load average is printed beside every fit: on a shared machine, repeat noisy runs.
 */
public final class AlsSpeedComparison {
    private static final double TEST_FRACTION = 0.2;
    private static final int RECALL_K = 10;

    /** The parsed command line. */
    record Settings(List<Boolean> implicitModes, List<Integer> ranks, int iterations, int threads, int discard,
                    int warm, long seed, boolean perIteration, boolean quality, boolean spark, boolean behavior) {
        static Settings parse(String[] args) {
            List<Boolean> modes = List.of(false, true);
            List<Integer> ranks = List.of(10, 64);
            int iterations = 10;
            int threads = 2;
            int discard = 2;
            int warm = 3;
            long seed = 42;
            boolean perIteration = true;
            boolean quality = true;
            List<String> impl = List.of("spark", "behavior");
            for (int k = 0; k < args.length; k++) {
                switch (args[k]) {
                    case "--modes" -> modes = Arrays.stream(args[++k].split(",")).map(m -> switch (m.trim()) {
                        case "explicit" -> false;
                        case "implicit" -> true;
                        default -> throw new IllegalArgumentException("mode must be explicit or implicit: " + m);
                    }).toList();
                    case "--ranks" -> ranks = Arrays.stream(args[++k].split(",")).map(r -> Integer.parseInt(r.trim()))
                            .toList();
                    case "--iterations" -> iterations = Integer.parseInt(args[++k]);
                    case "--threads" -> threads = Integer.parseInt(args[++k]);
                    case "--discard" -> discard = Integer.parseInt(args[++k]);
                    case "--warm" -> warm = Integer.parseInt(args[++k]);
                    case "--seed" -> seed = Long.parseLong(args[++k]);
                    case "--no-per-iteration" -> perIteration = false;
                    case "--no-quality" -> quality = false;
                    case "--impl" -> impl = Arrays.stream(args[++k].split(",")).map(String::trim).toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[k]
                            + " (known: --modes --ranks --iterations --threads --discard --warm --seed"
                            + " --no-per-iteration --no-quality --impl)");
                }
            }
            if (iterations < 2 && perIteration) {
                perIteration = false;
            }
            for (String i : impl) {
                if (!i.equals("spark") && !i.equals("behavior")) {
                    throw new IllegalArgumentException("--impl takes spark, behavior or both: " + i);
                }
            }
            return new Settings(modes, ranks, iterations, threads, discard, warm, seed, perIteration,
                    quality && impl.contains("spark"), impl.contains("spark"), impl.contains("behavior"));
        }
    }

    private AlsSpeedComparison() {
    }

    /** Runs the comparison; see the class comment for options. */
    public static void main(String[] args) {
        Settings s = Settings.parse(args);
        System.out.printf("java %s, %d cores, load %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                load());
        long t0 = System.nanoTime();
        // the benchmarks' shared ML-1M-shaped generator: our JMH benchmarks train on the same matrix
        Interactions log = Ml1mShapedMatrix.generate(s.seed());
        RatingColumns data = RatingColumns.of(log);
        RatingColumns.Split split = data.split(TEST_FRACTION, s.seed() + 1);
        System.out.printf("data (Ml1mShapedMatrix, %.1f s to make, seed %d): %s%n", (System.nanoTime() - t0) / 1e9,
                s.seed(), data.describe());

        List<String> summary = new ArrayList<>();
        boolean jvmWarm = false;
        try (SparkAls spark = SparkAls.start(s.threads())) {
            System.out.printf("spark %s local[%d] started in %.1f s; %s%n", spark.sparkVersion(), s.threads(),
                    spark.startSeconds(), SparkAls.blasReport());
            try (SparkAls.Ratings full = spark.load(data.user(), data.item(), data.rating(), data.users(),
                    data.items())) {
                System.out.printf("ratings DataFrame built and cached in %.1f s (not part of any fit)%n",
                        full.buildSeconds());
                for (boolean implicit : s.implicitModes()) {
                    for (int rank : s.ranks()) {
                        SparkAls.Options options = implicit ? SparkAls.Options.implicit(rank, s.iterations())
                                : SparkAls.Options.explicit(rank, s.iterations());
                        String name = "spark " + options.describe();
                        Timings t = null;
                        if (s.spark()) {
                            t = measure(name, iters -> spark.fit(full, options.withMaxIter(iters)).seconds(), s,
                                    !jvmWarm);
                            jvmWarm = true;
                            summary.add(summaryLine(name, t));
                        }

                        // Ours, on exactly the same ratings, rank, iterations and threads, in this JVM (its cold
                        // figure is a first-fit-in-JVM figure only with --impl behavior: else Spark warmed the JIT).
                        // Implicit: ImplicitAls with alpha as Spark's (confidence 1 + alpha * r); our lambda is
                        // plain, not ALS-WR-scaled, which does not change the work per iteration. Explicit:
                        // BiasedMf.fitAls with ALS-WR on, as Spark's regParam.
                        String ours = BehaviorAls.describe(implicit, rank, s.threads());
                        if (s.behavior()) {
                            Timings o = measure(ours,
                                    iters -> BehaviorAls.fitSeconds(log, implicit, rank, iters, s.threads()), s, !jvmWarm);
                            jvmWarm = true;
                            summary.add(summaryLine(ours, o));
                            if (t != null) {
                                summary.add(String.format(Locale.ROOT, "ratio spark / behavior (warm full fit, %s,"
                                        + " rank %d): %.1fx", implicit ? "implicit" : "explicit", rank,
                                        t.warmMedian() / o.warmMedian()));
                            }
                        }
                    }
                }
            }
            if (s.quality()) {
                summary.addAll(quality(spark, split, s));
            }
        }
        System.out.println();
        System.out.println("summary (seconds, wall clock; warm = median of " + s.warm() + " fits after " + s.discard()
                + " uncounted warm-up fits; warm cpu = median process CPU seconds, x = cpu / wall):");
        summary.forEach(System.out::println);
        System.out.println("load at end: " + load());
    }

    /** Times one implementation at one setting with this run's plan, printing every fit. */
    private static Timings measure(String name, FitTimer.TimedFit fit, Settings s, boolean cold) {
        return FitTimer.measure(name, fit, new FitTimer.Plan(s.iterations(), s.discard(), s.warm(), s.perIteration()),
                cold, System.out);
    }

    private static String summaryLine(String name, Timings t) {
        return String.format(Locale.ROOT, "%-64s cold %6s  warm %6.2f [%s]  warm cpu %6.2f (x%.2f)  per-iteration %s",
                name, t.cold() == null ? "-" : String.format(Locale.ROOT, "%.2f", t.cold().wall()), t.warmMedian(),
                join(t.warm()), t.warmCpuMedian(), t.warmCpuMedian() / t.warmMedian(),
                Double.isNaN(t.secondsPerIteration()) ? "-"
                        : String.format(Locale.ROOT, "%.3f", t.secondsPerIteration()));
    }

    /** Fits each setting on the 80 % split (warm JVM) and scores it on the 20 %. */
    private static List<String> quality(SparkAls spark, RatingColumns.Split split, Settings s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "quality protocol: random %.0f/%.0f split of rows (seed %d); RMSE over"
                        + " test rows whose user and item have factors, raw predictions; Recall@%d over all items"
                        + " not in the user's train rows, every test row relevant, mean over users with test rows",
                100 * (1 - TEST_FRACTION), 100 * TEST_FRACTION, s.seed() + 1, RECALL_K));
        double popularity = HeldOutQuality.recallAtK(HeldOutQuality.popularity(split.train()), split.train(),
                split.test(), RECALL_K);
        lines.add(String.format(Locale.ROOT, "popularity                                                       "
                + "Recall@%d %.4f", RECALL_K, popularity));
        try (SparkAls.Ratings train = spark.load(split.train().user(), split.train().item(), split.train().rating(),
                split.train().users(), split.train().items())) {
            for (boolean implicit : s.implicitModes()) {
                for (int rank : s.ranks()) {
                    SparkAls.Options options = implicit ? SparkAls.Options.implicit(rank, s.iterations())
                            : SparkAls.Options.explicit(rank, s.iterations());
                    String before = load();
                    SparkAls.Fit fit = spark.fit(train, options);
                    String metric;
                    if (implicit) {
                        metric = String.format(Locale.ROOT, "Recall@%d %.4f", RECALL_K, HeldOutQuality.recallAtK(
                                fit.factors()::scoreAll, split.train(), split.test(), RECALL_K));
                    } else {
                        HeldOutQuality.Rmse e = HeldOutQuality.rmse(fit.factors(), split.test());
                        metric = String.format(Locale.ROOT, "RMSE %.4f (%d rows scored, %d without factors)",
                                e.rmse(), e.scored(), e.skipped());
                    }
                    lines.add(String.format(Locale.ROOT, "%-64s %s   (fit on 80%%: %.2f s, load %s)",
                            "spark " + options.describe(), metric, fit.seconds(), before));
                    // Our models are not scored here yet: wrap their factors in a LatentFactors (or pass a
                    // HeldOutQuality.UserScorer) and call the same HeldOutQuality methods on the same split.
                }
            }
        }
        return lines;
    }

    private static String join(Measured[] v) {
        StringBuilder b = new StringBuilder();
        for (Measured x : v) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", x.wall()));
        }
        return b.toString();
    }

    private static String load() {
        return FitTimer.load();
    }
}
