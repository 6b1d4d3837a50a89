package ai.behavior.bench.runner;

import ai.behavior.bench.peers.FitTimer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The machine and JVM a run happened on, written into every JSON line beside the figure.
 *
 * <pre>{@code
 * RunEnvironment env = RunEnvironment.now();
 * System.out.println(env.jdk() + ", " + env.cores() + " cores");
 * }</pre>
 *
 * @param date  when the run started, ISO-8601 UTC to the second, e.g. {@code "2026-11-22T19:03:09Z"}
 * @param jdk   the Java runtime, vendor and version, e.g. {@code "Eclipse Adoptium 17.0.15+6"}
 * @param cores processors available to this JVM
 */
public record RunEnvironment(String date, String jdk, int cores) {
    /** This JVM, now. */
    public static RunEnvironment now() {
        return new RunEnvironment(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.vendor", "?") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The 1, 5 and 15 minute load averages ("?" where the system does not say). */
    public static String load() {
        return FitTimer.load();
    }

    /** One line for the console. */
    public String describe() {
        return "date " + date + ", " + jdk + ", " + cores + " cores, load " + load();
    }
}
