package ai.behavior.bench.runner;

import ai.behavior.models.tasks.TaobaoPurchaseOptions;
import ai.behavior.models.tasks.TaobaoPurchaseReport;
import ai.behavior.models.tasks.TaobaoPurchaseTask;
import ai.behavior.models.tasks.TaskResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code taobao-purchase}: purchase prediction on Taobao UserBehavior with {@link TaobaoPurchaseTask}: for each
 * (user, item) pair viewed before a cut-off (five daily test origins, pooled), is the item bought within two days
 * after it? AUC with its bootstrap interval and the paired bootstrap interval of each neural model's difference
 * from the logistic baseline, log-loss and F1 of the logistic baseline, the MLP and the sequence model, every
 * model tuned on validation users only, under the protocol the task prints.
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run taobao-purchase
 * }</pre>
 *
 * <p>Each result keeps the task's own protocol line and seconds; the data rows (pairs, positives) come through as
 * model {@code "data"}.
 */
public final class TaobaoPurchase implements Scenario {
    private final TaobaoPurchaseOptions options;

    /** The published protocol: {@link TaobaoPurchaseOptions#defaults()}. */
    public TaobaoPurchase() {
        this(TaobaoPurchaseOptions.defaults());
    }

    /** Other settings (tests use small, fast ones); the log is the runner's. */
    TaobaoPurchase(TaobaoPurchaseOptions options) {
        this.options = options;
    }

    /** The dataset's folder under the datasets root. */
    static final String FOLDER = "taobao-userbehavior";
    /** The file the task reads. */
    static final String FILE = "UserBehavior_head.csv";

    @Override
    public String name() {
        return "taobao-purchase";
    }

    @Override
    public String dataset() {
        return FOLDER;
    }

    @Override
    public String description() {
        return "viewed (user, item) pairs before daily cut-offs, bought after: AUC (paired difference from the "
                + "baseline), log-loss, F1 of logistic, MLP, sequence model";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        Path csv = datasetsRoot.resolve(FOLDER).resolve(FILE);
        if (Files.isRegularFile(csv)) {
            return DataStatus.present(csv.toAbsolutePath().normalize().toString());
        }
        return DataStatus.missing("no " + FILE + " in " + datasetsRoot.resolve(FOLDER).toAbsolutePath().normalize());
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws Exception {
        Path csv = context.datasetsRoot().resolve(FOLDER).resolve(FILE);
        context.log().printf(Locale.ROOT, "%s: reading %s; training takes minutes%n", name(), csv);
        TaobaoPurchaseReport report = TaobaoPurchaseTask.run(csv, options.withLog(context.log()::println));
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this);
        for (TaskResult r : report.rows()) {
            out.protocol(r.protocol());
            out.add(r.model(), r.metric(), r.value(), r.seconds(), context.threads());
        }
        return out.build();
    }
}
