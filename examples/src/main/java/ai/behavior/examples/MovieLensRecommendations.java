package ai.behavior.examples;

import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.io.MovieLens;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.ImplicitAls;
import ai.behavior.recsys.bpr.Bpr;
import ai.behavior.recsys.eval.RatingCrossValidation;
import ai.behavior.recsys.eval.RatingTrainer;
import ai.behavior.recsys.eval.TopNEvaluator;
import ai.behavior.recsys.eval.TopNResult;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.recsys.knn.Reweighting;
import ai.behavior.recsys.knn.Similarity;
import ai.behavior.recsys.mf.AlsOptions;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.SgdOptions;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * MovieLens-100K recommendations under the two published protocols, every number with its protocol:
 * rating prediction (5-fold CV by event: RMSE / MAE of biased MF by SGD and ALS beside the biases-only
 * baseline) and implicit top-N (75/25 split stratified per user, every rating a positive, full ranking, seen
 * items excluded, K = 10: popularity, item-kNN, BPR and implicit ALS).
 *
 * <pre>
 * java -cp examples/target/behavior-quickstart.jar ai.behavior.examples.MovieLensRecommendations --data ../shared/datasets/ml-100k
 * </pre>
 *
 * <p>Exit codes: 0 done, 2 bad arguments, 3 the data folder is missing (the message says what was expected).
 */
@Command(name = "movielens", mixinStandardHelpOptions = true,
        description = "ML-100K rating prediction (5-fold CV) and implicit top-N (75/25 per user), with protocols.")
public final class MovieLensRecommendations implements Callable<Integer> {
    @Option(names = "--data", description = "folder with ml-100k.inter/.user/.item (default: ${DEFAULT-VALUE})")
    Path data = Path.of("../shared/datasets/ml-100k");

    @Option(names = "--threads", description = "threads for training and evaluation (default: ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--skip-ratings", description = "skip the 5-fold rating cross-validation")
    boolean skipRatings;

    @Option(names = "--skip-topn", description = "skip the implicit top-N evaluation")
    boolean skipTopN;

    @Option(names = "--json", description = "folder to write ratings.json and topn.json into")
    Path jsonDir;

    private final PrintStream out;

    MovieLensRecommendations(PrintStream out) {
        this.out = out;
    }

    /** Runs the comparison; see the class comment for exit codes. */
    public static void main(String[] args) {
        System.exit(ExampleCommand.execute(new MovieLensRecommendations(System.out), args));
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(data.resolve("ml-100k.inter"))) {
            System.err.println("MovieLens-100K is not at " + data.toAbsolutePath().normalize()
                    + ": expected ml-100k.inter (RecBole atomic files). Pass --data FOLDER.");
            return 3;
        }
        Interactions ratings = MovieLens.read(data).interactions();
        out.printf("ML-100K: %,d ratings, %,d users, %,d items%n%n", ratings.size(), ratings.numUsers(),
                ratings.numItems());
        if (jsonDir != null) {
            Files.createDirectories(jsonDir);
        }
        if (!skipRatings) {
            MetricsReport r = ratingPrediction(ratings);
            out.println(r.toTable());
            if (jsonDir != null) {
                r.writeJson(jsonDir.resolve("ratings.json"));
            }
        }
        if (!skipTopN) {
            MetricsReport r = topN(ratings);
            out.println(r.toTable());
            if (jsonDir != null) {
                r.writeJson(jsonDir.resolve("topn.json"));
            }
        }
        return 0;
    }

    /** 5-fold CV by event of explicit biased MF against the biases-only baseline. */
    MetricsReport ratingPrediction(Interactions ratings) {
        Map<String, RatingTrainer> trainers = new LinkedHashMap<>();
        trainers.put("SGD, Surprise SVD defaults", train -> BiasedMf.fitSgd(train, SgdOptions.defaults()));
        trainers.put("SGD, 100 factors, 50 epochs, lr .01, reg .1", train -> BiasedMf.fitSgd(train,
                SgdOptions.defaults().withEpochs(50).withLearningRate(0.01).withRegularization(0.1)));
        trainers.put("ALS-WR, rank 10, lambda .1", train -> BiasedMf.fitAls(train, AlsOptions.defaults()));
        trainers.put("ALS-WR, rank 50, lambda .12", train -> BiasedMf.fitAls(train,
                AlsOptions.defaults().withFactors(50).withRegularization(0.12)));
        return RatingCrossValidation.byEvent(5, 42).compare("ML-100K rating prediction", ratings, trainers);
    }

    /** The implicit top-N protocol for every recommender family. */
    MetricsReport topN(Interactions ratings) {
        SplitResult parts = new RandomSplit(Ratios.trainTest(0.75, 0.25), RandomSplit.Scope.PER_USER, 42)
                .apply(ratings);
        EvaluationProtocol protocol = EvaluationProtocol.fullRanking(parts.describe(), 10).withDataset("ml-100k");
        Interactions train = parts.train();
        UserItemMatrix seen = UserItemMatrix.of(train, Weighting.counts()); // every rating is a positive
        Popularity popularity = Popularity.fit(train, Popularity.Options.defaults());
        Map<String, Function<Interactions, ItemScorer>> models = new LinkedHashMap<>();
        models.put("popularity", t -> popularity);
        models.put("item-kNN, cosine, 100 neighbours", t -> ItemKnn.fit(t, ItemKnn.Options.defaults()
                .withThreads(threads)));
        models.put("item-kNN, BM25(3, .25), dot, 400", t -> ItemKnn.fit(t, ItemKnn.Options.defaults()
                .withNeighbours(400).withSimilarity(Similarity.DOT_PRODUCT).withReweighting(Reweighting.bm25(3.0, 0.25))
                .withThreads(threads)));
        models.put("BPR, defaults (64 factors, 30 epochs)", t -> Bpr.fit(t, Bpr.Options.defaults()
                .withThreads(threads)));
        // selected by NDCG@10 on an 80/20 per-user split of the training part (seed 7), never on the test part
        models.put("BPR, 128 factors, lr .02, reg .02, 400 epochs", t -> Bpr.fit(t, Bpr.Options.defaults()
                .withFactors(128).withLearningRate(0.02).withRegularization(0.02).withEpochs(400)
                .withThreads(threads)));
        models.put("implicit ALS, defaults (64 factors)", t -> ImplicitAls.fit(t, ImplicitAls.Options.defaults()
                .withThreads(threads)));
        Map<String, TopNResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Interactions, ItemScorer>> m : models.entrySet()) {
            long t0 = System.nanoTime();
            ItemScorer model = m.getValue().apply(train);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            TopNResult r = TopNEvaluator.evaluate(new Recommender(model, seen, popularity), train, parts.test(),
                    protocol, TopNEvaluator.Options.defaults().withThreads(threads));
            out.printf("  %-46s fit %.2f s, evaluated in %.2f s%n", m.getKey(), fitSeconds, r.seconds());
            results.put(m.getKey(), r);
        }
        out.println();
        return TopNResult.report("ML-100K implicit top-10", results);
    }
}
