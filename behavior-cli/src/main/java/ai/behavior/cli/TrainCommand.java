package ai.behavior.cli;

import ai.behavior.cli.config.ModelKind;
import ai.behavior.cli.config.OptionsBinder;
import ai.behavior.cli.config.PurchaseSpec;
import ai.behavior.cli.config.TrainConfig;
import ai.behavior.cli.data.LoadedData;
import ai.behavior.cli.data.SplitRecord;
import ai.behavior.cli.model.AlignedLogs;
import ai.behavior.cli.model.PurchaseModels;
import ai.behavior.cli.model.PurchaseTasks;
import ai.behavior.cli.model.RecommenderModels;
import ai.behavior.cli.model.RunRecord;
import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.task.UserPurchaseTask;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.split.SplitResult;
import com.google.gson.Gson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code behavior train}: fits a model declared in a JSON configuration and saves it, with a record of the
 * configuration, data and split, to a model folder that {@code evaluate} and {@code recommend} read.
 *
 * <pre>
 * behavior train --config als.json --data shop/split/train.csv --out models/als
 * behavior train --config buy.json --data shop/events.csv --users shop/users.csv --items shop/items.csv --out m/buy
 * </pre>
 */
@Command(name = "train", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = {"Train a model from a declared configuration (a JSON file; see docs/cli.md) and save it to "
                + "--out: run.json (configuration, data, split) and model/ (the SDK's checksummed model files).",
                "Models: implicit-als, bpr, item-knn, popularity, biased-mf (recommenders) and purchase-logistic, "
                        + "purchase-mlp (purchase within a horizon, per user)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", required = true, description = "the training configuration")
    Path config;

    @Option(names = "--data", paramLabel = "PATH", required = true,
            description = "the events to train on (split first when the configuration has a split)")
    Path data;

    @ArgGroup(validate = false, heading = SchemaOptions.HEADING)
    SchemaOptions schema = new SchemaOptions();

    @Option(names = "--validation", paramLabel = "PATH",
            description = "recommenders without a configured split: validation events for earlyStopping")
    Path validation;

    @Option(names = "--users", paramLabel = "FILE", description = "purchase models: user attribute table (CSV)")
    Path users;

    @Option(names = "--items", paramLabel = "FILE",
            description = "purchase models: item attribute table (CSV) with a category column")
    Path items;

    @Option(names = "--out", paramLabel = "MODEL_DIR", required = true, description = "the model folder to write")
    Path out;

    @Option(names = "--quiet", description = "no progress lines on standard error")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        TrainConfig c = TrainConfig.read(config);
        checkFlags(c);
        checkOut();
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = quiet ? ProgressListener.quiet() : p -> {
            err.println(ProgressListener.format(p));
            err.flush();
        };
        LoadedData d = schema.read(data, "--data");
        w.println("model: " + c.model() + " " + new Gson().toJson(c.options()));
        w.printf(Locale.ROOT, "data: %s (%,d events, %,d users, %,d items)%n", data, d.log().size(),
                d.log().activeUsers(), d.log().activeItems());
        Files.createDirectories(out);
        RunRecord run = c.model().recommender() ? recommender(c, d, progress, w) : purchase(c, d, progress, w);
        run.write(out);
        w.printf(Locale.ROOT, "trained in %.2f s; saved to %s (%s + %s/)%n", run.seconds(), out, RunRecord.FILE,
                RunRecord.MODEL);
        return ExitCode.OK;
    }

    private RunRecord recommender(TrainConfig c, LoadedData d, ProgressListener progress, PrintWriter w)
            throws IOException {
        Interactions train;
        Interactions valid = null;
        String splitText;
        Ordering ordering;
        if (c.split() != null) {
            SplitResult parts = c.split().toSplit().apply(d.log());
            train = parts.train();
            valid = parts.validation();
            splitText = parts.describe();
            ordering = c.split().ordering();
            w.println("split: " + splitText + " (training on the train part; evaluate re-applies this split)");
        } else {
            Optional<SplitRecord> made = SplitRecord.beside(data);
            splitText = made.map(r -> r.describe() + "; trained on " + data.getFileName())
                    .orElse("none: trained on all of " + data);
            ordering = made.map(SplitRecord::ordering).orElse(Ordering.RANDOM);
            train = d.log();
            if (validation != null) {
                AlignedLogs a = AlignedLogs.of(train.users(), train.items(), train,
                        schema.read(validation, "--validation").log());
                train = a.parts().get(0);
                valid = a.parts().get(1);
                w.printf(Locale.ROOT, "validation: %s (%,d events)%n", validation, valid.size());
            }
            w.println("split: " + splitText);
        }
        long t0 = System.nanoTime();
        ItemScorer model = RecommenderModels.fit(c.model(), train, c.options(),
                new OptionsBinder.Context(valid, c.file()), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        RecommenderModels.save(c.model(), model, RunRecord.modelFolder(out));
        String note = RecommenderModels.trainingNote(model);
        if (!note.isEmpty()) {
            w.println(note);
        }
        return new RunRecord(c.model(), c.raw(), data.toString(), d.name(), d.format().label(), splitText, ordering,
                null, null, null, Instant.now(), seconds);
    }

    private RunRecord purchase(TrainConfig c, LoadedData d, ProgressListener progress, PrintWriter w)
            throws IOException {
        PurchaseSpec p = c.purchase();
        PurchaseModels.Options options = PurchaseModels.Options.bind(c.model(), c.options(),
                new OptionsBinder.Context(null, c.file()));
        AttributeTable userTable = schema.attributes(users, "--users", w);
        AttributeTable itemTable = items != null ? schema.attributes(items, "--items", w) : d.items();
        long cutoff = p.cutoffFor(d.log().maxTimestamp());
        UserPurchaseTask task = PurchaseTasks.build(d.log(), itemTable, userTable, cutoff, p.horizon());
        w.printf(Locale.ROOT, "task: purchase within %s days after %s; %,d users with events before it, %,d bought "
                        + "(%.1f %%); %d feature columns%n", number(p.horizonDays()), Instant.ofEpochMilli(cutoff),
                task.labels().size(), task.labels().positives(), 100 * task.labels().positiveRate(),
                task.users().columnNames().size());
        long t0 = System.nanoTime();
        PurchaseModels.Fitted f = PurchaseModels.fitAndSave(task, p, options, RunRecord.modelFolder(out), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String splitText = p.describeSplit();
        w.printf(Locale.ROOT, "split: %s: %,d train users%s, %,d test users held out for evaluate%n", splitText,
                f.train().size(), f.validation() == null ? "" : String.format(Locale.ROOT, " + %,d validation",
                        f.validation().size()), f.split().test().size());
        return new RunRecord(c.model(), c.raw(), data.toString(), d.name(), d.format().label(), splitText,
                Ordering.TEMPORAL, users == null ? null : users.toString(), items == null ? null : items.toString(),
                Instant.ofEpochMilli(cutoff), Instant.now(), seconds);
    }

    /** Flags that do not go with the configured model, and option keys the model does not have. */
    private void checkFlags(TrainConfig c) {
        ModelKind k = c.model();
        if (k.recommender()) {
            if (users != null || items != null) {
                throw new UsageException((users != null ? "--users" : "--items") + ": attribute tables are used by the "
                        + "purchase models only, not " + k);
            }
            if (validation != null && c.split() != null) {
                throw new UsageException("--validation: the configuration's split already makes the validation "
                        + "part; drop one of them");
            }
        } else if (validation != null) {
            throw new UsageException("--validation: purchase models take validation users from the configuration "
                    + "(\"split\": {\"validation\": 0.2})");
        }
        List<String> allowed = k.recommender() ? RecommenderModels.allowedKeys(k) : PurchaseModels.allowedKeys(k);
        for (String key : c.options().keySet()) {
            if (!allowed.contains(key)) {
                throw new ai.behavior.cli.config.ConfigException(c.file() + ": unknown key 'options." + key
                        + "' for model '" + k + "'; allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    /** Refuses to write into a folder that holds something other than a model this tool wrote. */
    private void checkOut() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out: " + out + " is a file, not a folder");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(RunRecord.FILE))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UsageException("--out: " + out + " exists and is not a model folder written by "
                            + "'behavior train'; refusing to replace it");
                }
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
