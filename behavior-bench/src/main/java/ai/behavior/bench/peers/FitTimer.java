package ai.behavior.bench.peers;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Times repeated fits of one model the same way for ours and for a peer: an optional cold fit (the first in
 * the JVM), uncounted warm-up fits, counted warm fits, and one-iteration fits from which the marginal cost of
 * one more iteration follows. Every fit is printed with the load average and the CPU seconds this JVM used.
 *
 * <pre>{@code
 * FitTimer.Timings t = FitTimer.measure("ours", iters -> fitSeconds(iters), FitTimer.Plan.of(10, 1, 3), false, System.out);
 * double perIteration = t.secondsPerIteration();
 * }</pre>
 *
 * <p>With {@code local[2]} an uncontended fit uses close to 2 CPU seconds per wall second; a much lower ratio
 * means the fit waited for cores (another process, or the peer's own scheduling), so its wall time is
 * pessimistic.
 */
public final class FitTimer {
    private FitTimer() {
    }

    /** Something that fits a model with a given number of iterations and returns the wall-clock seconds. */
    @FunctionalInterface
    public interface TimedFit {
        /** Fits once with {@code iterations} iterations; returns the seconds of the fit alone. */
        double fitSeconds(int iterations);
    }

    /**
     * How many fits to time.
     *
     * @param iterations   iterations of every full fit, {@code >= 1}
     * @param discard      uncounted warm-up fits, {@code >= 0}
     * @param warm         counted warm fits, {@code >= 1}
     * @param perIteration also time {@code warm} one-iteration fits (needs {@code iterations >= 2})
     */
    public record Plan(int iterations, int discard, int warm, boolean perIteration) {
        /** Validates the counts. */
        public Plan {
            if (iterations < 1 || discard < 0 || warm < 1) {
                throw new IllegalArgumentException("need iterations >= 1, discard >= 0, warm >= 1; got "
                        + iterations + ", " + discard + ", " + warm);
            }
            if (perIteration && iterations < 2) {
                throw new IllegalArgumentException("seconds per iteration need at least 2 iterations, got "
                        + iterations);
            }
        }

        /** A plan with one-iteration fits (so {@link Timings#secondsPerIteration()} is measured). */
        public static Plan of(int iterations, int discard, int warm) {
            return new Plan(iterations, discard, warm, true);
        }
    }

    /**
     * One fit: wall-clock seconds and the CPU seconds this JVM used meanwhile (all threads, GC and JIT).
     *
     * @param wall wall-clock seconds
     * @param cpu  process CPU seconds (NaN where the JVM does not report it)
     */
    public record Measured(double wall, double cpu) {
    }

    /**
     * Timings of one implementation at one setting.
     *
     * @param cold         the first fit in this JVM, null when an earlier fit warmed the JVM
     * @param warm         each counted warm fit (after the discarded warm-up fits)
     * @param oneIteration each warm one-iteration fit (empty when not measured)
     * @param iterations   iterations of the full fits
     */
    public record Timings(Measured cold, Measured[] warm, Measured[] oneIteration, int iterations) {
        /** Median wall seconds of the counted warm fits. */
        public double warmMedian() {
            return median(warm, Measured::wall);
        }

        /** Median process CPU seconds of the counted warm fits. */
        public double warmCpuMedian() {
            return median(warm, Measured::cpu);
        }

        /**
         * (median full fit − median one-iteration fit) / (iterations − 1): the cost of one more sweep; NaN when
         * one-iteration fits were not timed.
         */
        public double secondsPerIteration() {
            return oneIteration.length == 0 ? Double.NaN
                    : (warmMedian() - median(oneIteration, Measured::wall)) / (iterations - 1);
        }

        /** Wall seconds of every fit timed (cold, warm and one-iteration; not the discarded warm-ups). */
        public double totalSeconds() {
            double sum = cold == null ? 0 : cold.wall();
            for (Measured m : warm) {
                sum += m.wall();
            }
            for (Measured m : oneIteration) {
                sum += m.wall();
            }
            return sum;
        }
    }

    /**
     * Cold (when {@code cold}), discarded warm-up, counted warm and one-iteration fits of one implementation
     * at one setting, each printed to {@code log}.
     */
    public static Timings measure(String name, TimedFit fit, Plan plan, boolean cold, PrintStream log) {
        Measured coldFit = cold ? timed(name, "cold (first fit in this JVM)", fit, plan.iterations(), log) : null;
        for (int k = 0; k < plan.discard(); k++) {
            timed(name, "warm-up " + (k + 1) + " (not counted)", fit, plan.iterations(), log);
        }
        Measured[] warm = new Measured[plan.warm()];
        for (int k = 0; k < warm.length; k++) {
            warm[k] = timed(name, "warm " + (k + 1), fit, plan.iterations(), log);
        }
        Measured[] one = new Measured[plan.perIteration() ? plan.warm() : 0];
        for (int k = 0; k < one.length; k++) {
            one[k] = timed(name, "warm 1-iteration " + (k + 1), fit, 1, log);
        }
        return new Timings(coldFit, warm, one, plan.iterations());
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg ("?" where unavailable). */
    public static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Median of one field of {@code v}; NaN when empty. */
    public static double median(Measured[] v, ToDoubleFunction<Measured> field) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = Arrays.stream(v).mapToDouble(field).sorted().toArray();
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** One fit, printed with the load average and the CPU seconds this JVM used meanwhile. */
    private static Measured timed(String name, String what, TimedFit fit, int iterations, PrintStream log) {
        System.gc();
        String before = load();
        long cpu0 = processCpuNanos();
        double seconds = fit.fitSeconds(iterations);
        double cpu = cpu0 < 0 ? Double.NaN : (processCpuNanos() - cpu0) / 1e9;
        log.printf(Locale.ROOT, "%-70s %-32s %7.2f s  cpu %6.2f s (x%.2f)  load before %s, after %s%n",
                name + " iters=" + iterations, what, seconds, cpu, cpu / seconds, before, load());
        return new Measured(seconds, cpu);
    }

    /** CPU time of this JVM (all threads, GC and JIT included), or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
