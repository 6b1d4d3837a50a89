package ai.behavior.bench.runner;

import java.util.List;
import java.util.Optional;

/**
 * The runner's scenarios, in the order {@code list} shows and {@code run all} runs them. Adding a scenario is
 * one line here.
 *
 * <pre>{@code
 * for (Scenario s : Scenarios.all()) System.out.println(s.name());
 * Optional<Scenario> rating = Scenarios.byName("ml100k-rating");
 * }</pre>
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** Every scenario; names are unique. */
    public static List<Scenario> all() {
        return List.of(
                new Ml100kRating(),
                new Ml100kTopN(),
                new Ml100kNextItem(),
                new TaobaoPurchase(),
                new AlsSpeed(),
                new SyntheticShopScenario(),
                new MlpSpeed(),
                new SparkScale());
    }

    /** The scenario called {@code name}, if any. */
    public static Optional<Scenario> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
