package ai.behavior.cli;

import ai.behavior.cli.model.RecommenderModels;
import ai.behavior.cli.model.RunRecord;
import ai.behavior.cli.model.Serving;
import ai.behavior.data.Interactions;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommendations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code behavior recommend}: top-K items for users from a trained recommender; users the model does not know
 * get the popularity ranking of the training events, and the output says so.
 *
 * <pre>
 * behavior recommend --model models/als --data shop/split/train.csv --user u1 --user u2 --k 5
 * </pre>
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = {"Print the top-K items for each --user from a recommender trained by 'behavior train'.",
                "--data gives the training events: what each user has already seen (excluded by default) and the "
                        + "popularity that users unknown to the model fall back to (said in the output)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL_DIR", required = true, description = "a folder written by train")
    Path model;

    @Option(names = "--data", paramLabel = "TRAIN_PATH", required = true,
            description = "the events the model was trained on")
    Path data;

    @ArgGroup(validate = false, heading = SchemaOptions.HEADING)
    SchemaOptions schema = new SchemaOptions();

    @Option(names = "--user", paramLabel = "ID", required = true, description = "a user id (repeat for several users)")
    List<String> users;

    @Option(names = "--k", paramLabel = "K", converter = ValueConverters.PositiveIntConverter.class,
            description = "items per user (default: ${DEFAULT-VALUE})")
    int k = 10;

    @Option(names = "--exclude-seen", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "leave out items the user had in the training events (default: on; --no-exclude-seen "
                    + "keeps them)")
    boolean excludeSeen;

    @Override
    public Integer call() throws IOException {
        RunRecord run = RunRecord.read(model);
        if (!run.model().recommender()) {
            throw new UsageException("--model: " + model + " holds a " + run.model() + " model, which scores users, "
                    + "not items; recommend needs implicit-als, bpr, item-knn, popularity or biased-mf");
        }
        ItemScorer scorer = RecommenderModels.load(run.model(), RunRecord.modelFolder(model));
        Interactions train = schema.read(data, "--data").log();
        Serving s = Serving.of(scorer, train, Interactions.builder().build());
        PrintWriter w = spec.commandLine().getOut();
        w.println("model: " + run.model() + " (" + model + "), top " + k + (excludeSeen ? ", seen items excluded"
                : ", seen items kept"));
        RecommendOptions options = RecommendOptions.defaults().withExcludeSeen(excludeSeen);
        for (String user : users) {
            Recommendations r = s.recommender().recommend(user, k, options);
            boolean fallback = r.source() == Recommendations.Source.POPULARITY_FALLBACK;
            w.println(user + ": " + (fallback ? "popularity fallback (" + r.reason() + ")" : "by the model"));
            int rank = 1;
            for (Recommendations.Item item : r.items()) {
                w.printf(Locale.ROOT, "  %2d. %-12s %s %.4f%n", rank++, item.itemId(),
                        fallback ? "popularity" : "score", item.score());
            }
        }
        return ExitCode.OK;
    }
}
