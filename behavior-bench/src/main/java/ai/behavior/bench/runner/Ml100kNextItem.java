package ai.behavior.bench.runner;

import ai.behavior.data.Interactions;
import ai.behavior.eval.MetricsReport;
import ai.behavior.models.sequence.NextItemEvaluation;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ml100k-nextitem}: next-item prediction on MovieLens-100K with {@link NextItemEvaluation}: per user, events
 * in time order, the last one tests and the one before validates (leave-last-out by time); each family's setting is
 * chosen on validation NDCG@10; HR@10, NDCG@10 and MRR@10 of popularity, an LSTM and a SASRec-style Transformer under
 * full ranking and under 100 sampled negatives (the SASRec paper's protocol), each with its printed protocol.
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run ml100k-nextitem
 * }</pre>
 *
 * <p>Training runs on the PyTorch threads DJL is given ({@code -Dai.djl.pytorch.num_threads}); the published table
 * used one. A row's {@code seconds} is the training time of the family's chosen setting, all its seeds (popularity:
 * the whole evaluation's
 * bookkeeping is not split out, so it reports 0).
 */
public final class Ml100kNextItem implements Scenario {
    private final NextItemEvaluation.Options options;

    /**
     * The published protocol: the chosen settings of {@link NextItemEvaluation.Options#defaults()}, each trained with
     * seeds 42, 7 and 3 and reported as the mean over the three models.
     */
    public Ml100kNextItem() {
        this(NextItemEvaluation.Options.defaults().withTrainingSeeds(42L, 7L, 3L));
    }

    /** Other settings (tests use small, fast ones); the dataset name and the log are the runner's. */
    Ml100kNextItem(NextItemEvaluation.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "ml100k-nextitem";
    }

    @Override
    public String dataset() {
        return Ml100kData.NAME;
    }

    @Override
    public String description() {
        return "leave-last-out by time, HR/NDCG@10 full ranking and 100 sampled negatives: popularity, LSTM, "
                + "Transformer";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return Ml100kData.status(datasetsRoot);
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws Exception {
        Interactions log = Ml100kData.read(context.datasetsRoot());
        context.log().printf(Locale.ROOT, "%s: %,d events, %,d users, %,d items; training takes minutes%n", name(),
                log.size(), log.numUsers(), log.numItems());
        NextItemEvaluation.Result r = NextItemEvaluation.run(log, options.withDataset(dataset())
                .withLog(context.log()));
        context.log().print(r.describe());
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        add(out, r.full(), r, context.threads());
        add(out, r.sampled(), r, context.threads());
        return out.build();
    }

    /** Every row of one protocol's table; the model name is the table's row name (family and chosen setting). */
    private static void add(ScenarioOutcome.Builder out, MetricsReport report, NextItemEvaluation.Result r,
                            int threads) {
        out.protocol(report.protocol().describe());
        for (int i = 0; i < report.rows().size(); i++) {
            MetricsReport.Row row = report.rows().get(i);
            NextItemEvaluation.ModelRun run = r.runs().get(i);
            double seconds = run.trainSeconds();
            for (Map.Entry<String, Double> v : row.values().entrySet()) {
                out.add(row.name(), v.getKey(), v.getValue(), seconds, threads);
            }
        }
    }
}
