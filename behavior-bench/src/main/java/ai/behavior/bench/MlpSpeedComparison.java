package ai.behavior.bench;

import ai.behavior.bench.peers.BareDjlMlp;
import ai.behavior.bench.peers.MlpFixture;
import ai.behavior.models.mlp.Mlp;
import ai.behavior.models.mlp.MlpModel;
import ai.behavior.models.mlp.MlpPredictor;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MLP training and inference speed, ours beside a bare DJL loop on the same network, data and batch, in one JVM
 * run: the speed targets. For each PyTorch thread count:
 * <ul>
 *   <li><b>training</b>: {@code Mlp.fit} (our training loop, no validation) and {@link BareDjlMlp} (DJL's
 *   {@code Trainer} with {@code EasyTrain.trainBatch} and {@code step}) each train {@code epochs} epochs over the
 *   same rows, alternating which goes first; the first pair is an uncounted warm-up. Rows per second count the
 *   training steps only (shuffling and set-up excluded on both sides). Target: ours at least 0.9x the peer.</li>
 *   <li><b>batched inference</b>: 1,024-row batches through {@link MlpPredictor} and through the peer's plain
 *   block forward, repeated timed rounds, alternating. Target: at least 3 million rows/s on 1 thread.</li>
 *   <li><b>single-row latency</b>: p50 and p99 of one-row calls, for the 32-wide network (ours and the peer) and
 *   for the tests' embedding network ({@link MlpFixture#embeddingSchema()}). Target: p50 under 20 us.</li>
 * </ul>
 * The network is {@code 32 -> 128 -> 64 -> 1} (see {@link MlpFixture}); every figure is the median over the
 * counted rounds, printed with the load average before and after it (on a shared 2-core machine, repeat noisy
 * runs). Batched inference is also given as {@code 1,024 / median call time} ("rows/s p50"): on a busy machine
 * some calls are preempted, and the median call is what an uncontended core does.
 *
 * <p><b>Threads and OpenMP.</b> libtorch parallelises with OpenMP, whose idle threads spin before they sleep.
 * When the machine runs more threads than it has cores, that spinning steals the cores the work needs: here,
 * 2-thread training fell from about 250,000 to 4,000 rows/s at load 5 on 2 cores. Run multi-threaded
 * measurements (and multi-threaded services on shared machines) with {@code OMP_WAIT_POLICY=PASSIVE} in the
 * environment; the header line prints the OpenMP variables in force.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp behavior-bench/target/benchmarks.jar ai.behavior.bench.MlpSpeedComparison \
 *   --threads 1,2 --rows 65536 --epochs 2 --repeats 5
 * </pre>
 *
 * <p>Options: {@code --threads 1,2} {@code --rows 65536} {@code --epochs 2} {@code --repeats 5}
 * {@code --latency-calls 20000} {@code --seed 42} {@code --only training|inference}. The benchmark runner's
 * {@code mlp-speed} scenario calls {@link #run(Settings, PrintStream)}.
 */
public final class MlpSpeedComparison {
    private static final String OURS = "Behavior Mlp";
    private static final String BARE = "bare DJL Trainer loop";

    private MlpSpeedComparison() {
    }

    /**
     * What to run.
     *
     * @param threads      PyTorch intra-op thread counts to measure, each {@code >= 1}
     * @param rows         training rows (and the pool inference batches are drawn from), at least 2 batches
     * @param epochs       epochs per timed training run, {@code >= 1}
     * @param repeats      counted rounds per figure, {@code >= 1} (plus one uncounted warm-up round)
     * @param latencyCalls one-row calls per latency figure, {@code >= 100}
     * @param seed         data and initialisation seed
     * @param training     whether to time training
     * @param inference    whether to time inference
     */
    public record Settings(List<Integer> threads, int rows, int epochs, int repeats, int latencyCalls, long seed,
                           boolean training, boolean inference) {
        /** Validates. */
        public Settings {
            threads = List.copyOf(threads);
            if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            if (rows < 2 * MlpFixture.BATCH || epochs < 1 || repeats < 1 || latencyCalls < 100) {
                throw new IllegalArgumentException("need rows >= " + 2 * MlpFixture.BATCH + ", epochs >= 1, repeats"
                        + " >= 1, latencyCalls >= 100; got " + rows + ", " + epochs + ", " + repeats + ", "
                        + latencyCalls);
            }
        }

        /** 1 and 2 threads, 65,536 rows, 2 epochs, 5 rounds, 20,000 latency calls, seed 42, everything. */
        public static Settings defaults() {
            return new Settings(List.of(1, 2), 65_536, 2, 5, 20_000, 42, true, true);
        }

        /** A copy with other thread counts. */
        public Settings withThreads(List<Integer> value) {
            return new Settings(value, rows, epochs, repeats, latencyCalls, seed, training, inference);
        }

        static Settings parse(String[] args) {
            Settings s = defaults();
            List<Integer> threads = s.threads();
            int rows = s.rows();
            int epochs = s.epochs();
            int repeats = s.repeats();
            int calls = s.latencyCalls();
            long seed = s.seed();
            boolean training = true;
            boolean inference = true;
            for (int k = 0; k < args.length; k++) {
                String a = args[k];
                if (k + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++k];
                if (a.equals("--threads")) {
                    threads = Arrays.stream(v.split(",")).map(t -> Integer.parseInt(t.trim())).toList();
                } else if (a.equals("--rows")) {
                    rows = Integer.parseInt(v);
                } else if (a.equals("--epochs")) {
                    epochs = Integer.parseInt(v);
                } else if (a.equals("--repeats")) {
                    repeats = Integer.parseInt(v);
                } else if (a.equals("--latency-calls")) {
                    calls = Integer.parseInt(v);
                } else if (a.equals("--seed")) {
                    seed = Long.parseLong(v);
                } else if (a.equals("--only")) {
                    training = v.equals("training");
                    inference = v.equals("inference");
                    if (!training && !inference) {
                        throw new IllegalArgumentException("--only takes training or inference, got " + v);
                    }
                } else {
                    throw new IllegalArgumentException("unknown option " + a + " (known: --threads --rows --epochs"
                            + " --repeats --latency-calls --seed --only)");
                }
            }
            return new Settings(threads, rows, epochs, repeats, calls, seed, training, inference);
        }
    }

    /**
     * One figure.
     *
     * @param model   what was timed
     * @param metric  the metric's name ("rows/s", "p50 us", "ratio")
     * @param value   the median over the counted rounds
     * @param seconds wall-clock seconds spent measuring it
     * @param threads PyTorch intra-op threads
     * @param note    the rounds' spread and the load averages around the measurement
     */
    public record Measurement(String model, String metric, double value, double seconds, int threads, String note) {
    }

    /** Runs the comparison; see the class comment for options. */
    public static void main(String[] args) {
        Settings s = Settings.parse(args);
        List<Measurement> all = run(s, System.out);
        System.out.println();
        System.out.println("summary (medians; load average = 1, 5, 15 minutes):");
        for (Measurement m : all) {
            System.out.printf(Locale.ROOT, "%-46s %2d thread(s) %-12s %14s   %s%n", m.model(), m.threads(), m.metric(),
                    format(m.value()), m.note());
        }
    }

    /** Measures everything {@code s} asks for, printing progress to {@code log}; returns the figures. */
    public static List<Measurement> run(Settings s, PrintStream log) {
        log.printf(Locale.ROOT, "java %s, %d cores, load %s; network %d -> %s -> 1, batch %d; %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), load(), MlpFixture.WIDTH,
                MlpFixture.HIDDEN, MlpFixture.BATCH, openMp());
        boolean passive = "PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"));
        if (s.threads().stream().anyMatch(t -> t > 1) && !passive) {
            log.println("note: OMP_WAIT_POLICY is not PASSIVE: on a machine busier than its cores, OpenMP's spinning "
                    + "threads can make multi-threaded PyTorch many times slower (measured here: 2-thread training "
                    + "about 4,000 rows/s instead of 250,000 at load 5 on 2 cores)");
        }
        MlpFixture.Data data = MlpFixture.generate(s.rows(), s.seed());
        List<Measurement> out = new ArrayList<>();
        Engine.getInstance(); // loads libtorch before any of its thread settings is touched
        int before = JniUtils.getNumThreads();
        try {
            for (int t : s.threads()) {
                JniUtils.setNumThreads(t);
                log.printf(Locale.ROOT, "--- PyTorch intra-op threads: %d%n", JniUtils.getNumThreads());
                if (s.training()) {
                    training(s, data, t, log, out);
                }
                if (s.inference()) {
                    inference(s, data, t, log, out);
                }
            }
        } finally {
            JniUtils.setNumThreads(before);
        }
        return out;
    }

    private static void training(Settings s, MlpFixture.Data data, int threads, PrintStream log,
                                 List<Measurement> out) {
        long t0 = System.nanoTime();
        String loadBefore = load();
        double[] ours = new double[s.repeats()];
        double[] bare = new double[s.repeats()];
        double[] ratio = new double[s.repeats()];
        for (int round = 0; round <= s.repeats(); round++) {
            double o;
            double b;
            if (round % 2 == 0) {
                o = trainOurs(s, data);
                b = trainBare(s, data);
            } else {
                b = trainBare(s, data);
                o = trainOurs(s, data);
            }
            log.printf(Locale.ROOT, "training round %d%s: ours %,.0f rows/s, bare DJL %,.0f rows/s (%.2fx), load %s%n",
                    round, round == 0 ? " (warm-up, not counted)" : "", o, b, o / b, load());
            if (round > 0) {
                ours[round - 1] = o;
                bare[round - 1] = b;
                ratio[round - 1] = o / b;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String around = "load " + loadBefore + " -> " + load();
        out.add(new Measurement(OURS + " training (Mlp.fit)", "rows/s", median(ours), seconds, threads,
                spread(ours) + "; " + around));
        out.add(new Measurement(BARE + " training", "rows/s", median(bare), seconds, threads,
                spread(bare) + "; " + around));
        out.add(new Measurement("training ours / bare DJL", "ratio", median(ratio), seconds, threads,
                "median of per-round ratios " + spread(ratio) + "; target >= 0.9"));
    }

    /** Rows per second of our training steps (the loop's own figure: shuffling and validation excluded). */
    private static double trainOurs(Settings s, MlpFixture.Data data) {
        try (MlpModel m = Mlp.fit(data.matrix(), data.labels(), MlpFixture.options(s.epochs(), s.seed()), null)) {
            return m.training().orElseThrow().rowsPerSecond();
        }
    }

    /** Rows per second of the peer's training steps, epochs shuffled as our loop shuffles them (not timed). */
    private static double trainBare(Settings s, MlpFixture.Data data) {
        int n = data.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom shuffle = new SplittableRandom(s.seed());
        double nanos = 0;
        try (BareDjlMlp bare = BareDjlMlp.create(MlpFixture.WIDTH, MlpFixture.HIDDEN, MlpFixture.BATCH,
                (float) MlpFixture.LEARNING_RATE, s.seed())) {
            for (int e = 0; e < s.epochs(); e++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                long start = System.nanoTime();
                bare.epoch(data.x(), data.labels32(), order);
                nanos += System.nanoTime() - start;
            }
        }
        return (double) n * s.epochs() / (nanos / 1e9);
    }

    private static void inference(Settings s, MlpFixture.Data data, int threads, PrintStream log,
                                  List<Measurement> out) {
        long t0 = System.nanoTime();
        String loadBefore = load();
        MlpFixture.Data small = MlpFixture.generateWithEmbedding(8_192, s.seed());
        try (MlpModel model = Mlp.fit(data.matrix(), data.labels(), MlpFixture.options(1, s.seed()), null);
             MlpModel withEmbedding = Mlp.fit(small.matrix(), small.labels(), MlpFixture.embeddingOptions(1,
                     s.seed()), null);
             BareDjlMlp bare = BareDjlMlp.create(MlpFixture.WIDTH, MlpFixture.HIDDEN, MlpFixture.BATCH,
                     (float) MlpFixture.LEARNING_RATE, s.seed())) {
            MlpPredictor ours = model.newPredictor();
            double[] scores = new double[MlpFixture.BATCH];
            float[] logits = new float[MlpFixture.BATCH];
            int batches = data.rows() / MlpFixture.BATCH;
            int perRound = 300; // batches per round: about 0.1 s at 3 million rows/s
            double[] o = new double[s.repeats()];
            double[] b = new double[s.repeats()];
            long[] ourCalls = new long[s.repeats() * perRound];
            long[] bareCalls = new long[s.repeats() * perRound];
            RowTask ourBatch = k -> ours.predict(data.matrix(), k, k + MlpFixture.BATCH, scores, 0);
            RowTask bareBatch = k -> bare.forward(data.x(), k, k + MlpFixture.BATCH, logits);
            for (int round = 0; round <= s.repeats(); round++) {
                int at = Math.max(0, round - 1) * perRound; // the warm-up round's calls are overwritten
                double ro;
                double rb;
                if (round % 2 == 0) {
                    ro = batchRate(perRound, batches, ourBatch, ourCalls, at);
                    rb = batchRate(perRound, batches, bareBatch, bareCalls, at);
                } else {
                    rb = batchRate(perRound, batches, bareBatch, bareCalls, at);
                    ro = batchRate(perRound, batches, ourBatch, ourCalls, at);
                }
                log.printf(Locale.ROOT, "inference round %d%s: batches of %d: ours %,.0f rows/s, bare DJL %,.0f "
                        + "rows/s, load %s%n", round, round == 0 ? " (warm-up, not counted)" : "", MlpFixture.BATCH,
                        ro, rb, load());
                if (round > 0) {
                    o[round - 1] = ro;
                    b[round - 1] = rb;
                }
            }
            Arrays.sort(ourCalls);
            Arrays.sort(bareCalls);
            String around = "load " + loadBefore + " -> " + load();
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.add(new Measurement(OURS + " inference, batches of 1,024", "rows/s", median(o), seconds, threads,
                    spread(o) + "; " + around + (threads == 1 ? "; target >= 3,000,000" : "")));
            out.add(new Measurement(BARE + " inference, batches of 1,024", "rows/s", median(b), seconds, threads,
                    spread(b) + "; " + around));
            // a busy machine preempts some calls; the median call is what an uncontended core does
            out.add(new Measurement(OURS + " inference, batches of 1,024", "rows/s p50", MlpFixture.BATCH * 1e9
                    / p(ourCalls, 50), seconds, threads, "1,024 / median call time over " + ourCalls.length
                    + " calls; " + around));
            out.add(new Measurement(BARE + " inference, batches of 1,024", "rows/s p50", MlpFixture.BATCH * 1e9
                    / p(bareCalls, 50), seconds, threads, "1,024 / median call time over " + bareCalls.length
                    + " calls; " + around));

            double[] single = new double[1];
            MlpPredictor embedded = withEmbedding.newPredictor();
            long[][] nanos = latencies(s.latencyCalls(), new int[] {data.rows(), data.rows(), small.rows()},
                    k -> ours.predict(data.matrix(), k, k + 1, single, 0),
                    k -> bare.forward(data.x(), k, k + 1, logits),
                    k -> embedded.predict(small.matrix(), k, k + 1, single, 0));
            long[] ourNanos = nanos[0];
            long[] bareNanos = nanos[1];
            long[] embNanos = nanos[2];
            around = "load " + loadBefore + " -> " + load();
            seconds = (System.nanoTime() - t0) / 1e9;
            addLatency(out, OURS + " single row, 32 -> 128 -> 64 -> 1", ourNanos, seconds, threads, around);
            addLatency(out, BARE + " single row, 32 -> 128 -> 64 -> 1", bareNanos, seconds, threads, around);
            addLatency(out, OURS + " single row, 2 dense + 1 embedding -> 64 -> 32 -> 1", embNanos, seconds,
                    threads, around);
            log.printf(Locale.ROOT, "single-row p50: ours %.1f us, bare DJL %.1f us, ours with an embedding %.1f us; "
                    + "load %s%n", p(ourNanos, 50) / 1e3, p(bareNanos, 50) / 1e3, p(embNanos, 50) / 1e3, load());
        }
    }

    /** Something done with the batch starting at row {@code k}. */
    private interface RowTask {
        void run(int k);
    }

    /** Rows per second over {@code calls} batch calls; each call's nanoseconds go to {@code nanos[at..]}. */
    private static double batchRate(int calls, int batches, RowTask task, long[] nanos, int at) {
        long start = System.nanoTime();
        long last = start;
        for (int c = 0; c < calls; c++) {
            task.run((c % batches) * MlpFixture.BATCH);
            long now = System.nanoTime();
            nanos[at + c] = now - last;
            last = now;
        }
        return (double) calls * MlpFixture.BATCH / ((last - start) / 1e9);
    }

    /**
     * Nanoseconds of {@code calls} one-row calls of each task (after as many uncounted ones), sorted; the tasks
     * take turns in chunks of 500 calls so that a change in the machine's load hits them alike.
     */
    private static long[][] latencies(int calls, int[] rows, RowTask... tasks) {
        long[][] nanos = new long[tasks.length][calls];
        int chunk = 500;
        for (int pass = 0; pass < 2; pass++) { // pass 0 warms up
            for (int from = 0; from < calls; from += chunk) {
                for (int t = 0; t < tasks.length; t++) {
                    for (int c = from; c < Math.min(calls, from + chunk); c++) {
                        int row = (int) ((c * 7919L) % rows[t]);
                        long start = System.nanoTime();
                        tasks[t].run(row);
                        nanos[t][c] = System.nanoTime() - start;
                    }
                }
            }
        }
        for (long[] n : nanos) {
            Arrays.sort(n);
        }
        return nanos;
    }

    private static void addLatency(List<Measurement> out, String model, long[] sorted, double seconds, int threads,
                                   String around) {
        String note = String.format(Locale.ROOT, "%,d calls; p90 %.1f us; %s", sorted.length, p(sorted, 90) / 1e3,
                around);
        out.add(new Measurement(model, "p50 us", p(sorted, 50) / 1e3, seconds, threads,
                note + (model.startsWith(OURS) ? "; target < 20" : "")));
        out.add(new Measurement(model, "p99 us", p(sorted, 99) / 1e3, seconds, threads, note));
    }

    private static double p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * percentile / 100))];
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    private static String spread(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return "rounds " + c.length + ", min " + format(c[0]) + ", max " + format(c[c.length - 1]);
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The OpenMP settings libtorch reads at start-up (they cannot change inside a running JVM). */
    static String openMp() {
        StringBuilder b = new StringBuilder("OpenMP env:");
        for (String v : new String[] {"OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT"}) {
            b.append(' ').append(v).append('=').append(System.getenv(v) == null ? "(unset)" : System.getenv(v));
        }
        return b.toString();
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
