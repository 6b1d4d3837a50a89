package ai.behavior.bench.runner;

import java.nio.file.Path;

/** A scenario for runner tests: present or missing data, fixed results, or a failure. */
final class FakeScenario implements Scenario {
    enum Kind { OK, MISSING, FAILS }

    private final String name;
    private final Kind kind;

    FakeScenario(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String dataset() {
        return "fake-" + name;
    }

    @Override
    public String description() {
        return "a fake for tests";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return kind == Kind.MISSING ? DataStatus.missing("no fake.csv in " + datasetsRoot)
                : DataStatus.present("in memory");
    }

    @Override
    public ScenarioOutcome run(RunContext context) {
        if (kind == Kind.FAILS) {
            throw new IllegalStateException("fake failure in " + name);
        }
        return ScenarioOutcome.builder(this).protocol("protocol: fake")
                .add("model a", "m1", 0.25, 1.5, context.threads())
                .add("model a", "m2", 2.0, 1.5, context.threads())
                .add("model b", "m1", 0.75, 0.5, 1)
                .skipped("peer", "not installed")
                .build();
    }
}
