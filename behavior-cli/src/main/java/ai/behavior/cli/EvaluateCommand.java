package ai.behavior.cli;

import ai.behavior.cli.config.PurchaseSpec;
import ai.behavior.cli.config.SplitSpec;
import ai.behavior.cli.data.LoadedData;
import ai.behavior.cli.data.SplitRecord;
import ai.behavior.cli.model.PurchaseModels;
import ai.behavior.cli.model.PurchasePredictor;
import ai.behavior.cli.model.PurchaseTasks;
import ai.behavior.cli.model.RecommenderModels;
import ai.behavior.cli.model.RunRecord;
import ai.behavior.cli.model.Serving;
import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.metric.AveragePrecision;
import ai.behavior.metric.F1Threshold;
import ai.behavior.metric.LogLoss;
import ai.behavior.metric.RegressionMetrics;
import ai.behavior.metric.RocAuc;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.recsys.eval.TruthFilter;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.split.SplitResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code behavior evaluate}: scores a trained model on held-out data under a named protocol and prints the
 * protocol above the metrics.
 *
 * <pre>
 * behavior evaluate --model models/als --train split/train.csv --data split/test.csv --protocol full --k 10,20
 * behavior evaluate --model models/buy --data shop/events.csv --users shop/users.csv --items shop/items.csv
 * </pre>
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = {"Evaluate a model folder written by 'behavior train' and print the protocol and the metrics.",
                "Recommenders: top-N metrics at each K (precision, recall, NDCG, hit rate, MRR, MAP, coverage) on "
                        + "--data as held-out events, with --train as the events the model learned from; without "
                        + "--train, the split recorded in the model's configuration is re-applied to --data.",
                "biased-mf also takes --protocol pointwise: RMSE and MAE on the held-out ratings.",
                "Purchase models: AUC, PR-AUC, log-loss and best F1 on the held-out users of the recorded split "
                        + "(pointwise)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL_DIR", required = true, description = "a folder written by train")
    Path model;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = "held-out events (with --train), or the log whose recorded split is re-applied")
    Path data;

    @ArgGroup(validate = false, heading = SchemaOptions.HEADING)
    SchemaOptions schema = new SchemaOptions();

    @Option(names = "--train", paramLabel = "PATH", description = "recommenders: the events the model was trained on")
    Path train;

    @Option(names = "--users", paramLabel = "FILE", description = "purchase models: the user table trained with")
    Path users;

    @Option(names = "--items", paramLabel = "FILE", description = "purchase models: the item table trained with")
    Path items;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", converter = ValueConverters.ProtocolConverter.class,
            description = "full (default for recommenders: every item ranked), sampled-uniform:N, "
                    + "sampled-popularity:N (each held-out item among N sampled negatives), or pointwise")
    CandidateMode protocol;

    @Option(names = "--k", paramLabel = "K", split = ",", converter = ValueConverters.PositiveIntConverter.class,
            description = "recommenders: cut-offs, e.g. 10 or 10,20 (default 10,20)")
    List<Integer> ks;

    @Option(names = "--keep-seen", description = "recommenders: rank items the user had in training too "
            + "(default: they are excluded)")
    boolean keepSeen;

    @Option(names = "--truth", paramLabel = "FILTER", converter = ValueConverters.TruthConverter.class,
            description = "recommenders: which held-out events make an item relevant: all (default), event types "
                    + "like purchase,cart, or min-value:4")
    TruthFilter truth;

    @Option(names = "--seed", paramLabel = "S",
            description = "seed of the sampled negatives (default: ${DEFAULT-VALUE})")
    long seed = EvaluationProtocol.DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "N", description = "threads evaluating users (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report (with its protocol) as JSON")
    Path json;

    @Override
    public Integer call() throws IOException {
        RunRecord run = RunRecord.read(model);
        PrintWriter w = spec.commandLine().getOut();
        if (threads < 1) {
            throw new UsageException("--threads: expected a positive number, got " + threads);
        }
        MetricsReport report = run.model().recommender() ? recommender(run, w) : purchase(run, w);
        w.println(report.rows().size() == 1 && report.metrics().size() > 6 ? report.toTransposedTable()
                : report.toTable());
        if (json != null) {
            report.writeJson(json);
            w.println("report written to " + json);
        }
        return ExitCode.OK;
    }

    private MetricsReport recommender(RunRecord run, PrintWriter w) throws IOException {
        if (users != null || items != null) {
            throw new UsageException((users != null ? "--users" : "--items") + ": attribute tables are for the "
                    + "purchase models; this model is " + run.model());
        }
        ItemScorer scorer = RecommenderModels.load(run.model(), RunRecord.modelFolder(model));
        LoadedData d = schema.read(data, "--data");
        Interactions trainLog;
        Interactions testLog;
        String splitText;
        Ordering ordering;
        String dataset = d.name();
        if (train != null) {
            trainLog = schema.read(train, "--train").log();
            testLog = d.log();
            Optional<SplitRecord> made = SplitRecord.beside(data);
            splitText = made.map(SplitRecord::describe)
                    .orElse("given files: train " + train.getFileName() + ", test " + data.getFileName());
            ordering = made.map(SplitRecord::ordering).orElse(Ordering.RANDOM);
            dataset = made.map(r -> Path.of(r.source()).getFileName() + " (" + r.method() + " split)").orElse(dataset);
        } else {
            SplitSpec s = run.trainConfig().split();
            if (s == null) {
                throw new UsageException("--train: this model was trained without a split in its configuration; pass "
                        + "--train TRAIN_FILE (the events it learned from) and the held-out events as --data");
            }
            SplitResult parts = s.toSplit().apply(d.log());
            trainLog = parts.train();
            testLog = parts.test();
            splitText = parts.describe();
            ordering = s.ordering();
            w.println("re-applied the model's split to " + data + ": evaluating on its test part");
        }
        CandidateMode mode = protocol == null ? new CandidateMode.Full() : protocol;
        if (mode instanceof CandidateMode.Pointwise) {
            return ratingError(run, scorer, testLog, splitText, ordering, dataset);
        }
        Serving s = Serving.of(scorer, trainLog, testLog);
        if (s.newItems() > 0) {
            w.printf(Locale.ROOT, "note: %,d items of the data are not in the model's catalogue; they are never "
                    + "recommended (a held-out one is a miss)%n", s.newItems());
        }
        EvaluationProtocol p = new EvaluationProtocol(dataset, splitText, ordering, mode, !keepSeen,
                ks == null ? List.of(10, 20) : ks, seed);
        TopNEvaluator.Options options = TopNEvaluator.Options.defaults().withThreads(threads)
                .withTruth(truth == null ? TruthFilter.all() : truth);
        TopNResult r = TopNEvaluator.evaluate(s.recommender(), s.train(), s.test(), p, options);
        return r.toReport("Top-N evaluation of " + run.model() + " (" + model.getFileName() + ")",
                run.model().label());
    }

    private MetricsReport ratingError(RunRecord run, ItemScorer scorer, Interactions test, String splitText,
                                      Ordering ordering, String dataset) {
        if (!(scorer instanceof BiasedMf mf)) {
            throw new UsageException("--protocol: pointwise scores ratings and applies to biased-mf only; a "
                    + run.model() + " model ranks items: use full, sampled-uniform:N or sampled-popularity:N");
        }
        rejectRankingFlags("biased-mf with --protocol pointwise");
        Interactions ratings = test.ofTypes(EventType.RATING);
        double[] truthValues = new double[ratings.size()];
        double[] predicted = new double[ratings.size()];
        int n = 0;
        long unknown = 0;
        for (int r = 0; r < ratings.size(); r++) {
            int u = mf.users().indexOf(ratings.users().id(ratings.user(r)));
            int i = mf.items().indexOf(ratings.items().id(ratings.item(r)));
            if (u < 0 || i < 0) {
                unknown++; // a user or item the model has no index for cannot be predicted: counted below
                continue;
            }
            truthValues[n] = ratings.value(r);
            predicted[n++] = mf.predict(u, i);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no held-out RATING event of a user and item the model knows: nothing "
                    + "to score (" + ratings.size() + " ratings, " + unknown + " with an unknown user or item)");
        }
        double[] t = Arrays.copyOf(truthValues, n);
        double[] p = Arrays.copyOf(predicted, n);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("rmse", RegressionMetrics.rmse(t, p));
        values.put("mae", RegressionMetrics.mae(t, p));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ratings scored", (long) n);
        counts.put("ratings not scored (unknown user or item)", unknown);
        EvaluationProtocol protocolUsed = EvaluationProtocol.pointwise(splitText).withOrdering(ordering)
                .withDataset(dataset).withSeed(seed);
        return MetricsReport.builder("Rating prediction of " + run.model() + " (" + model.getFileName() + ")",
                protocolUsed).row(run.model().label(), values, counts).build();
    }

    private MetricsReport purchase(RunRecord run, PrintWriter w) throws IOException {
        if (protocol != null && !(protocol instanceof CandidateMode.Pointwise)) {
            throw new UsageException("--protocol: purchase models score each held-out user (pointwise); use "
                    + "--protocol pointwise or leave it out");
        }
        rejectRankingFlags("a purchase model");
        if (train != null) {
            throw new UsageException("--train: purchase models re-apply their recorded user split to --data");
        }
        if (run.usersFile() != null && users == null) {
            throw new UsageException("--users: this model was trained with the user table " + run.usersFile()
                    + "; pass it again");
        }
        if (run.itemsFile() != null && items == null) {
            throw new UsageException("--items: this model was trained with the item table " + run.itemsFile()
                    + "; pass it again");
        }
        PurchaseSpec p = run.trainConfig().purchase();
        LoadedData d = schema.read(data, "--data");
        AttributeTable userTable = schema.attributes(users, "--users", w);
        AttributeTable itemTable = items != null ? schema.attributes(items, "--items", w) : d.items();
        long cutoff = run.cutoff().toEpochMilli();
        UserPurchaseTask task = PurchaseTasks.build(d.log(), itemTable, userTable, cutoff, p.horizon());
        LabeledUsers test = PurchaseModels.split(task, p).test();
        FeatureFrame frame = task.users().select(test.rowsIn(task.users()));
        double[] prob;
        try (PurchasePredictor predictor = PurchaseModels.load(run.model(), RunRecord.modelFolder(model))) {
            prob = predictor.predict(frame);
        }
        int[] label = Arrays.stream(test.labels()).mapToInt(y -> (int) y).toArray();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("auc", RocAuc.of(label, prob));
        values.put("pr_auc", AveragePrecision.of(label, prob));
        values.put("log_loss", LogLoss.of(label, prob));
        values.put("best_f1", F1Threshold.search(label, prob).f1());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("test users", (long) test.size());
        counts.put("bought", (long) test.positives());
        EvaluationProtocol protocolUsed = task.protocol(run.split()).withDataset(d.name()).withSeed(p.seed());
        w.printf(Locale.ROOT, "held-out users: %,d of %,d (positive rate %.3f)%n", test.size(), task.labels().size(),
                test.positiveRate());
        return MetricsReport.builder("Purchase prediction of " + run.model() + " (" + model.getFileName() + ")",
                protocolUsed).row(run.model().label(), values, counts).build();
    }

    private void rejectRankingFlags(String what) {
        var pr = spec.commandLine().getParseResult();
        for (String flag : new String[] {"--k", "--keep-seen", "--truth"}) {
            if (pr.hasMatchedOption(flag)) {
                throw new UsageException(flag + ": ranks items, which " + what + " does not do");
            }
        }
    }
}
