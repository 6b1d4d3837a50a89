package ai.behavior.bench.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one scenario run produced: its figures, and the parts it could not run with the reason (for example
 * a peer whose library is not on the class path).
 *
 * <pre>{@code
 * ScenarioOutcome.Builder b = ScenarioOutcome.builder(this).protocol(protocol.describe());
 * return b.add("popularity", "ndcg@10", 0.2486, 0.4, 2).skipped("spark", "not on the class path").build();
 * }</pre>
 *
 * @param results the figures, in the order they were measured (an unmodifiable copy)
 * @param skipped one line per part not run, {@code "what: why"} (an unmodifiable copy)
 */
public record ScenarioOutcome(List<Result> results, List<String> skipped) {
    /** Copies, and rejects a (protocol, model, metric) measured twice. */
    public ScenarioOutcome {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        Set<String> seen = new HashSet<>();
        for (Result r : results) {
            if (!seen.add(r.protocol() + '\n' + r.model() + '\n' + r.metric())) {
                throw new IllegalArgumentException("scenario " + r.scenario() + " reported " + r.model() + " / "
                        + r.metric() + " twice under " + r.protocol());
            }
        }
    }

    /** A builder for {@code scenario}'s results. */
    public static Builder builder(Scenario scenario) {
        return new Builder(scenario.name(), scenario.dataset());
    }

    /** Collects results under a current protocol. Not thread-safe. */
    public static final class Builder {
        private final String scenario;
        private final String dataset;
        private final List<Result> results = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private String protocol;

        private Builder(String scenario, String dataset) {
            this.scenario = scenario;
            this.dataset = dataset;
        }

        /** The protocol of the results added from now on. */
        public Builder protocol(String text) {
            this.protocol = text;
            return this;
        }

        /** Adds one figure under the current protocol. */
        public Builder add(String model, String metric, double value, double seconds, int threads) {
            if (protocol == null) {
                throw new IllegalStateException("set the protocol before adding results of " + scenario);
            }
            results.add(new Result(scenario, dataset, model, metric, value, protocol, seconds, threads));
            return this;
        }

        /** Records a part that was not run, and why. */
        public Builder skipped(String what, String why) {
            skipped.add(what + ": " + why);
            return this;
        }

        /** The outcome. */
        public ScenarioOutcome build() {
            return new ScenarioOutcome(results, skipped);
        }
    }
}
