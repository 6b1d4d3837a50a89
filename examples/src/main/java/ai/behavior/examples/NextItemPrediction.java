package ai.behavior.examples;

import ai.behavior.data.Interactions;
import ai.behavior.io.MovieLens;
import ai.behavior.models.sequence.AttentionWeights;
import ai.behavior.models.sequence.NextItemEvaluation;
import ai.behavior.models.sequence.SequenceOptions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.synth.SyntheticShop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Next-item prediction on MovieLens-100K (or a synthetic shop): popularity, an LSTM (GRU4Rec-style) and a
 * Transformer (SASRec-style) under leave-last-out by time, HR@10 and NDCG@10 under full ranking and under 100
 * sampled negatives, each table with its protocol. Settings are selected on each user's second-to-last event
 * (validation), never on the last one (test).
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.NextItemPrediction \
 *     --data ../shared/datasets/ml-100k
 * </pre>
 *
 * <p>Every rating of ML-100K is one implicit event, ordered by timestamp (ties in file order). {@code --grid}
 * chooses the settings: {@code selection} (default) trains the selection grid of
 * {@link NextItemEvaluation.Options#selection} and tests each family's best on validation; {@code defaults}
 * trains the one setting per family of {@link NextItemEvaluation.Options#defaults} (the settings chosen on
 * validation; half the time). The output ends with paired-bootstrap intervals between the models and what the
 * chosen Transformer attends to for the first test user ({@code SequenceModel.attention}); {@code --json DIR}
 * also writes {@code ranks.tsv}, each test user's rank of the held-out item per model. Exit codes: 0 done, 2 bad
 * arguments, 3 the data folder is missing (the message says what was expected).
 */
@Command(name = "next-item", mixinStandardHelpOptions = true,
        description = "Next-item prediction: popularity, LSTM and Transformer, leave-last-out, full and sampled.")
public final class NextItemPrediction implements Callable<Integer> {
    @Option(names = "--data", description = "folder with ml-100k.inter, RecBole atomic files (default: "
            + "${DEFAULT-VALUE})")
    Path data = Path.of("../shared/datasets/ml-100k");

    @Option(names = "--synthetic", description = "use a synthetic shop of this many users instead of --data")
    Integer syntheticUsers;

    @Option(names = "--grid", description = "selection or defaults (default: ${DEFAULT-VALUE})")
    String grid = "selection";

    @Option(names = "--models", split = ",", description = "families to train, e.g. LSTM,Transformer (default: all "
            + "of the grid; popularity always runs)")
    List<String> families;

    @Option(names = "--epochs", description = "cap on training epochs per setting (default: each setting's own)")
    Integer epochs;

    @Option(names = "--seed", description = "seed of the negative sampling and of training (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--seeds", split = ",", description = "training seeds, e.g. 42,7,3: every setting is trained "
            + "once per seed, chosen on its mean validation NDCG@10 and tested with every seed's model (default: the "
            + "grid's own)")
    List<Long> seeds;

    @Option(names = "--json", description = "folder to write full.json and sampled.json into")
    Path jsonDir;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    private final PrintStream out;

    NextItemPrediction(PrintStream out) {
        this.out = out;
    }

    /** Runs the comparison; see the class comment for exit codes. */
    public static void main(String[] args) {
        OfflineDjl.configure();
        System.exit(new CommandLine(new NextItemPrediction(System.out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        String chosenGrid = grid.toLowerCase(Locale.ROOT);   // SELECTION and Defaults are accepted too
        if (!chosenGrid.equals("selection") && !chosenGrid.equals("defaults")) {
            System.err.println("--grid must be 'selection' or 'defaults', got '" + grid + "'");
            return 2;
        }
        Interactions log;
        String dataset;
        if (syntheticUsers != null) {
            log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(syntheticUsers).withSeed(seed))
                    .interactions();
            dataset = "synthetic shop, " + syntheticUsers + " users";
        } else {
            if (!Files.isRegularFile(data.resolve("ml-100k.inter"))) {
                System.err.println("MovieLens-100K is not at " + data.toAbsolutePath().normalize()
                        + ": expected ml-100k.inter (RecBole atomic files). Pass --data FOLDER, or --synthetic USERS.");
                return 3;
            }
            log = MovieLens.read(data).interactions();
            dataset = "ml-100k";
        }
        out.printf(Locale.ROOT, "%s: %,d events, %,d users, %,d items%n", dataset, log.size(), log.activeUsers(),
                log.activeItems());
        ConsoleProgress progress = quiet ? null : new ConsoleProgress(System.err);
        NextItemEvaluation.Options options = (chosenGrid.equals("selection") ? NextItemEvaluation.Options.selection()
                : NextItemEvaluation.Options.defaults()).withDataset(dataset).withSeed(seed).withLog(out)
                .withProgress(progress == null ? ProgressListener.quiet() : progress);
        options = options.withModels(adjust(options.models()));
        if (seeds != null) {
            options = options.withTrainingSeeds(seeds.toArray(Long[]::new));
        }
        long started = System.nanoTime();
        NextItemEvaluation.Result r;
        try {
            r = NextItemEvaluation.run(log, options);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        out.println();
        out.print(r.describe());
        for (NextItemEvaluation.ModelRun run : r.runs()) {
            if (run.attention() != null) {
                // explainability: the positions the chosen Transformer leans on when predicting the test event
                AttentionWeights w = run.attention();
                out.printf(Locale.ROOT, "%s attention for user %s (%d input events, oldest = position 0), the 5 "
                        + "events the last position attends to most, as item@position weight:%n", run.name(),
                        r.users().get(0), w.length());
                out.print(w.describeLast(5));
            }
        }
        out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (jsonDir != null) {
            Files.createDirectories(jsonDir);
            r.full().writeJson(jsonDir.resolve("full.json"));
            r.sampled().writeJson(jsonDir.resolve("sampled.json"));
            writeRanks(r, jsonDir.resolve("ranks.tsv"));
        }
        return 0;
    }

    /**
     * Per test user (by id, in the evaluation's order), model and training seed, the held-out item's 0-based rank
     * in the top K (-1 = not in it) under both protocols: what a paired bootstrap between runs needs.
     */
    private static void writeRanks(NextItemEvaluation.Result r, Path file) throws IOException {
        StringBuilder s = new StringBuilder("user\tmodel\tseed\tfull_rank\tsampled_rank\n");
        for (NextItemEvaluation.ModelRun run : r.runs()) {
            for (NextItemEvaluation.SeedRun test : run.tests()) {
                for (int u = 0; u < test.fullRanks().length; u++) {
                    s.append(r.users().get(u)).append('\t').append(run.name()).append('\t').append(test.seed())
                            .append('\t').append(test.fullRanks()[u]).append('\t').append(test.sampledRanks()[u])
                            .append('\n');
                }
            }
        }
        Files.writeString(file, s);
    }

    /** The families asked for, every setting with the training seed and, when given, the epoch cap. */
    private Map<String, List<SequenceOptions>> adjust(Map<String, List<SequenceOptions>> models) {
        Map<String, List<SequenceOptions>> out = new LinkedHashMap<>();
        if (families != null) {
            for (String f : families) {
                if (models.keySet().stream().noneMatch(f::equalsIgnoreCase)) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "unknown model family '" + f
                            + "'; the grid has " + models.keySet());
                }
            }
        }
        models.forEach((name, settings) -> {
            if (families == null || families.stream().anyMatch(name::equalsIgnoreCase)) {
                out.put(name, settings.stream().map(s -> s.withTraining(s.training().withSeed(seed)
                        .withEpochs(epochs == null ? s.training().epochs() : epochs))).toList());
            }
        });
        return out;
    }
}
