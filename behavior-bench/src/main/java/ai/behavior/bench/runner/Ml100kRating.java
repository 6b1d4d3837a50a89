package ai.behavior.bench.runner;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.eval.RatingBaseline;
import ai.behavior.recsys.eval.RatingCrossValidation;
import ai.behavior.recsys.eval.RatingCrossValidationResult;
import ai.behavior.recsys.eval.RatingTrainer;
import ai.behavior.recsys.mf.AlsOptions;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.SgdOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ml100k-rating}: rating prediction on MovieLens-100K, 5-fold cross-validation by event (seed 42),
 * RMSE and MAE (mean and population sd over folds) of our explicit biased MF beside the mean-plus-biases
 * baseline: SGD with Surprise's SVD defaults, SGD with the tuned setting, ALS-WR with Spark's defaults and
 * ALS-WR rank 50 (the settings of {@code MovieLensRecommendations} in the examples).
 *
 * <pre>{@code
 * java -jar behavior-bench/target/behavior-bench.jar run ml100k-rating
 * }</pre>
 *
 * <p>Every model sees the same folds. All these trainers run on one thread, so {@code --threads} does not
 * change them and each row says threads 1.
 */
public final class Ml100kRating implements Scenario {
    private static final int FOLDS = 5;
    private static final long SEED = 42;

    @Override
    public String name() {
        return "ml100k-rating";
    }

    @Override
    public String dataset() {
        return Ml100kData.NAME;
    }

    @Override
    public String description() {
        return "5-fold CV RMSE/MAE: explicit MF (SGD defaults, tuned SGD, ALS-WR) beside the mean+biases baseline";
    }

    @Override
    public DataStatus dataStatus(Path datasetsRoot) {
        return Ml100kData.status(datasetsRoot);
    }

    @Override
    public ScenarioOutcome run(RunContext context) throws Exception {
        Interactions ratings = Ml100kData.read(context.datasetsRoot());
        context.log().printf(Locale.ROOT, "%s: %,d ratings, %,d users, %,d items%n", name(), ratings.size(),
                ratings.numUsers(), ratings.numItems());
        RatingCrossValidation cv = RatingCrossValidation.byEvent(FOLDS, SEED);
        ScenarioOutcome.Builder out = ScenarioOutcome.builder(this)
                .protocol(cv.protocol().withDataset(dataset()).describe());
        for (Map.Entry<String, RatingTrainer> m : trainers().entrySet()) {
            long t0 = System.nanoTime();
            RatingCrossValidationResult r = cv.evaluate(ratings, m.getValue());
            double seconds = (System.nanoTime() - t0) / 1e9;
            context.log().printf(Locale.ROOT, "  %-50s %s in %.1f s%n", m.getKey(), r, seconds);
            r.values().forEach((metric, value) -> out.add(m.getKey(), metric, value, seconds, 1));
        }
        return out.build();
    }

    /** Row name to trainer, baseline first; settings as in the ML-100K section of docs/benchmarks.md. */
    static Map<String, RatingTrainer> trainers() {
        Map<String, RatingTrainer> t = new LinkedHashMap<>();
        t.put(RatingCrossValidation.BASELINE, train -> RatingBaseline.fit(train, RatingBaseline.Options.defaults()));
        t.put("MF SGD, Surprise SVD defaults (100 f, 20 epochs)", train -> BiasedMf.fitSgd(train,
                SgdOptions.defaults()));
        t.put("MF SGD, 100 f, 50 epochs, lr .01, reg .1", train -> BiasedMf.fitSgd(train,
                SgdOptions.defaults().withEpochs(50).withLearningRate(0.01).withRegularization(0.1)));
        t.put("MF ALS-WR, rank 10, lambda .1", train -> BiasedMf.fitAls(train, AlsOptions.defaults()));
        t.put("MF ALS-WR, rank 50, lambda .12", train -> BiasedMf.fitAls(train,
                AlsOptions.defaults().withFactors(50).withRegularization(0.12)));
        return t;
    }
}
