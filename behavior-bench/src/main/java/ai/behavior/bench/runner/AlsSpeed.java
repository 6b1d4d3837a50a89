package ai.behavior.bench.runner;

import ai.behavior.bench.jmh.Ml1mShapedMatrix;
import ai.behavior.bench.peers.BehaviorAls;
import ai.behavior.bench.peers.FitTimer;
import ai.behavior.bench.peers.RatingColumns;
import ai.behavior.data.Interactions;
import ai.behavior.recsys.als.AlsKernels;
import ai.behavior.recsys.als.ImplicitAls;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code als-speed}: seconds per ALS iteration on the ML-1M-shaped synthetic matrix ({@link Ml1mShapedMatrix},
 * seed 42: 6,040 × 3,706, 1,000,209 ratings), ours beside Apache Spark MLlib's ALS in {@code local[N]} in
 * the same JVM run, and the ratio. Two settings: implicit rank 64 and explicit rank 10, 10 iterations each,
 * Spark's regParam 0.1 and alpha 1. The timing logic is {@code AlsSpeedComparison}'s ({@link FitTimer},
 * {@link BehaviorAls}, {@link SparkPeer}).
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run als-speed --threads 2
 * }</pre>
 *
 * <p>Per setting and implementation: 1 uncounted warm-up fit, 3 counted full fits (their median is
 * {@code "warm fit s"}) and 3 one-iteration fits; {@code "s/iteration"} = (median full − median
 * one-iteration) / 9. The data is generated, so it is always present; {@code --size} changes nothing (the
 * matrix keeps ML-1M's shape). When Spark's classes are not on the class path, or Spark fails, our figures
 * are still measured and the Spark part is reported as skipped with the reason. Our explicit ALS runs on one
 * thread (its row says so); our implicit lambda is its default 30, plain rather than count-scaled as Spark's,
 * which does not change the work per iteration. With {@code --add-modules jdk.incubator.vector} (which the runner
 * adds by starting itself again, {@link VectorModuleRelaunch}; Java prints an incubator warning) our implicit ALS
 * runs its Vector API kernels, without it ({@code -Dbehavior.relaunch=false}) the scalar ones; the protocol line
 * names them ({@link AlsKernels}). Spark runs in the same JVM with the same flags.
 */
public final class AlsSpeed implements Scenario {
    private static final long SEED = 42;
    private static final FitTimer.Plan PLAN = FitTimer.Plan.of(10, 1, 3);
    private static final String SPARK = "Spark MLlib ALS";

    /** One setting timed on both sides. */
    private record Setting(boolean implicit, int rank) {
        String mode() {
            return implicit ? "implicit" : "explicit";
        }
    }

    private static final List<Setting> SETTINGS = List.of(new Setting(true, 64), new Setting(false, 10));

    @Override
    public String name() {
        return "als-speed";
    }

    @Override
    public String dataset() {
        return "synthetic ML-1M-shaped";
    }

    @Override
    public String description() {
        return "seconds per ALS iteration (implicit rank 64, explicit rank 10): ours beside Spark MLlib local[N]";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return DataStatus.present("generated in memory (Ml1mShapedMatrix seed " + SEED + "); Spark MLlib peer: "
                + SparkPeer.unavailable().map(why -> "not on the class path").orElse("on the class path"));
    }

    @Override
    public ScenarioOutcome run(RunContext context) {
        int threads = context.threads();
        long t0 = System.nanoTime();
        Interactions log = Ml1mShapedMatrix.generate(SEED);
        RatingColumns data = RatingColumns.of(log);
        context.log().printf(Locale.ROOT, "%s: data made in %.1f s: %s%n", name(), (System.nanoTime() - t0) / 1e9,
                data.describe());
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        SparkPeer spark = null;
        Optional<String> missing = SparkPeer.unavailable();
        if (missing.isPresent()) {
            out.skipped(SPARK, missing.get());
        } else {
            try {
                spark = SparkPeer.start(threads, data, context.log());
            } catch (RuntimeException | LinkageError e) {
                out.skipped(SPARK, "Spark did not start: " + e);
            }
        }
        try {
            for (Setting s : SETTINGS) {
                out.protocol(protocol(s, threads));
                FitTimer.Timings theirs = null;
                String theirName = null;
                if (spark != null) {
                    try {
                        theirName = spark.name() + " " + s.mode() + " rank " + s.rank() + ", local[" + threads + "]";
                        theirs = spark.time(s.implicit(), s.rank(), PLAN, context.log());
                    } catch (RuntimeException | LinkageError e) {
                        out.skipped(SPARK + " " + s.mode(), "failed: " + e);
                    }
                }
                int ourThreads = BehaviorAls.threadsUsed(s.implicit(), threads);
                FitTimer.Timings ours = FitTimer.measure(BehaviorAls.describe(s.implicit(), s.rank(), threads),
                        iterations -> BehaviorAls.fitSeconds(log, s.implicit(), s.rank(), iterations, threads),
                        PLAN, false, context.log());
                String ourName = "Behavior " + (s.implicit() ? "ImplicitAls (CG 3)" : "BiasedMf ALS-WR") + " "
                        + s.mode() + " rank " + s.rank();
                add(out, ourName, ours, ourThreads);
                if (theirs != null) {
                    add(out, theirName, theirs, threads);
                    double seconds = ours.totalSeconds() + theirs.totalSeconds();
                    String ratio = "ratio Spark / Behavior, " + s.mode() + " rank " + s.rank();
                    out.add(ratio, "warm fit ratio", theirs.warmMedian() / ours.warmMedian(), seconds, threads);
                    if (theirs.secondsPerIteration() > 0 && ours.secondsPerIteration() > 0) {
                        out.add(ratio, "s/iteration ratio", theirs.secondsPerIteration() / ours.secondsPerIteration(),
                                seconds, threads);
                    }
                }
            }
        } finally {
            if (spark != null) {
                spark.close();
            }
        }
        return out.build();
    }

    private static void add(ScenarioOutcome.Builder out, String model, FitTimer.Timings t, int threads) {
        if (t.secondsPerIteration() > 0) {
            out.add(model, "s/iteration", t.secondsPerIteration(), t.totalSeconds(), threads);
        } else { // only on a machine so busy that one iteration took as long as ten: no figure rather than a wrong one
            out.skipped(model + " s/iteration", String.format(Locale.ROOT, "the median 1-iteration fit was not faster"
                    + " than the median full fit (%.3f s per iteration): the machine was too busy; run again",
                    t.secondsPerIteration()));
        }
        out.add(model, "warm fit s", t.warmMedian(), t.totalSeconds(), threads);
        if (Double.isFinite(t.warmCpuMedian())) { // NaN where the JVM does not report process CPU time
            out.add(model, "warm fit cpu s", t.warmCpuMedian(), t.totalSeconds(), threads);
        }
    }

    /** The timing protocol in words, printed above the table and written into every JSON line. */
    private static String protocol(Setting s, int threads) {
        double lambda = ImplicitAls.Options.defaults().regularization();
        return String.format(Locale.ROOT, "timing: Ml1mShapedMatrix seed %d (%,d users x %,d items, %,d ratings"
                        + " 1-5), same ratings for both in one JVM; %s ALS rank %d, %d iterations, Spark regParam 0.1"
                        + " (count-scaled) and alpha 1, 10x10 blocks, local[%d]; ours %s; warm fit = median of %d"
                        + " fits after %d discarded; s/iteration = (warm fit - median 1-iteration fit) / %d",
                SEED, Ml1mShapedMatrix.USERS, Ml1mShapedMatrix.ITEMS, Ml1mShapedMatrix.RATINGS, s.mode(), s.rank(),
                PLAN.iterations(), threads,
                s.implicit() ? "alpha 1, plain lambda " + lambda + ", " + threads + " threads, "
                        + AlsKernels.forFactors(s.rank()) + " kernels"
                        : "ALS-WR lambda 0.1, biases, 1 thread",
                PLAN.warm(), PLAN.discard(), PLAN.iterations() - 1);
    }
}
