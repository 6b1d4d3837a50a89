package ai.behavior.bench.runner;

import ai.behavior.bench.MlpSpeedComparison;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code mlp-speed}: rows/s of MLP training (32-128-64-1, batch 1,024) through the SDK beside a bare DJL loop
 * on the same network in the same JVM, batched inference rows/s and single-row latency, and the ratios
 * ({@link MlpSpeedComparison}). {@code --threads N} runs N PyTorch threads (and 1). Set
 * {@code OMP_WAIT_POLICY=PASSIVE} for 2-thread runs on a busy machine: OpenMP's spinning threads otherwise
 * steal the cores.
 *
 * <pre>{@code
 * OMP_WAIT_POLICY=PASSIVE java -jar behavior-bench/target/behavior-bench.jar run mlp-speed --threads 2
 * }</pre>
 */
public final class MlpSpeed implements Scenario {
    @Override
    public String name() {
        return "mlp-speed";
    }

    @Override
    public String dataset() {
        return "synthetic dense rows";
    }

    @Override
    public String description() {
        return "MLP training and inference rows/s through the SDK beside a bare DJL loop, and the ratio";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return DataStatus.present("generated in memory");
    }

    @Override
    public ScenarioOutcome run(RunContext context) {
        List<Integer> threads = context.threads() == 1 ? List.of(1) : List.of(context.threads(), 1);
        MlpSpeedComparison.Settings settings = MlpSpeedComparison.Settings.defaults().withThreads(threads);
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this).protocol("timing: MLP 32-128-64-1 on generated "
                + "dense rows, batch 1,024, SDK and bare DJL in one JVM; medians of " + settings.repeats()
                + " rounds (spread and load averages in the log)");
        for (MlpSpeedComparison.Measurement m : MlpSpeedComparison.run(settings, context.log())) {
            out.add(m.model() + " (" + m.threads() + " thr)", m.metric(), m.value(), m.seconds(), m.threads());
        }
        return out.build();
    }
}
