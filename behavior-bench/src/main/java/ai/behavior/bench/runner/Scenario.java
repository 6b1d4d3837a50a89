package ai.behavior.bench.runner;

import java.nio.file.Path;

/**
 * One benchmark scenario of the runner: a fixed protocol on one dataset (real or generated), run by
 * {@code java -jar behavior-bench.jar run NAME}. A new scenario is one small class implementing this
 * interface plus one line in {@link Scenarios#all()}.
 *
 * <pre>{@code
 * Scenario s = Scenarios.byName("ml100k-rating").orElseThrow();
 * ScenarioOutcome o = s.run(new RunContext(Path.of("../shared/datasets"), 2, OptionalLong.empty(), System.out));
 * }</pre>
 *
 * <p>Implementations are stateless: {@link #run} may be called more than once, and everything it needs comes
 * from the {@link RunContext}. It prints progress to {@link RunContext#log()}; the runner prints the results
 * table and writes the JSON lines.
 */
public interface Scenario {
    /** The command-line name, lower case with dashes, e.g. {@code "ml100k-rating"}. */
    String name();

    /** The dataset in a few words, e.g. {@code "ml-100k"} or {@code "synthetic ML-1M-shaped"}. */
    String dataset();

    /** One line saying what is measured and against what. */
    String description();

    /**
     * Whether the data this scenario reads is under {@code datasetsRoot} (and where), or why not. Must be
     * cheap: {@code list} calls it for every scenario.
     */
    DataStatus dataStatus(Path datasetsRoot);

    /** Whether the scenario reads {@code --size}; the runner says when it is given to one that does not. */
    default boolean usesSize() {
        return false;
    }

    /**
     * Runs the scenario; called only when {@link #dataStatus} says the data is present.
     *
     * @throws Exception when it cannot finish (the runner reports it and exits 1)
     */
    ScenarioOutcome run(RunContext context) throws Exception;
}
