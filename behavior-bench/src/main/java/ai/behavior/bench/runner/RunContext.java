package ai.behavior.bench.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What a scenario gets from the command line.
 *
 * <pre>{@code
 * RunContext ctx = new RunContext(Path.of("../shared/datasets"), 2, OptionalLong.of(1_000_000), System.out);
 * ScenarioOutcome o = scenario.run(ctx);
 * }</pre>
 *
 * @param datasetsRoot the datasets folder ({@code --data}); each scenario knows its sub-folder
 * @param threads      worker threads for models that take a thread count ({@code --threads}), {@code >= 1}
 * @param size         {@code --size} when given (scenarios on generated data of a chosen size read it)
 * @param log          where progress lines go
 */
public record RunContext(Path datasetsRoot, int threads, OptionalLong size, PrintStream log) {
    /** Validates. */
    public RunContext {
        if (datasetsRoot == null || size == null || log == null) {
            throw new IllegalArgumentException("datasetsRoot, size and log must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (size.isPresent() && size.getAsLong() < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size.getAsLong());
        }
    }
}
