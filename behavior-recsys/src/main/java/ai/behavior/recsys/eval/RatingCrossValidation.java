package ai.behavior.recsys.eval;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.RegressionMetrics;
import ai.behavior.progress.Progress;
import ai.behavior.progress.ProgressListener;
import ai.behavior.split.Fold;
import ai.behavior.split.KFold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * K-fold cross-validation of rating predictors, as Surprise's {@code cross_validate}: the log's ratings are
 * dealt into {@code k} seeded random folds by event; each fold's model is trained on the other folds and its
 * RMSE and MAE measured on the fold's ratings.
 *
 * <pre>{@code
 * RatingCrossValidation cv = RatingCrossValidation.byEvent(5, 42);
 * MetricsReport report = cv.compare("ML-100K ratings", ratings, Map.of("SVD", t -> BiasedMf.fitSgd(t, SgdOptions.defaults())));
 * }</pre>
 *
 * <p>Only the log's {@link EventType#RATING} events are split and scored (other events are dropped first);
 * folds come from {@link KFold#byEvent(int, long)}, so the same log, {@code k} and seed always give the same
 * folds, and every trainer compared in one {@link #compare} call sees the same folds. A test rating of a user
 * or item absent from the fold's training part is still scored, with whatever fallback the predictor uses.
 * The protocol line printed with every result reads e.g. {@code "5-fold CV by event, seed 42"}.
 */
public final class RatingCrossValidation {
    /** Name of the baseline row {@link #compare} adds first. */
    public static final String BASELINE = "baseline (mean + biases)";

    private final KFold kfold;
    private final ProgressListener progress;

    private RatingCrossValidation(KFold kfold, ProgressListener progress) {
        this.kfold = kfold;
        this.progress = progress;
    }

    /**
     * Cross-validation over {@code k} random folds of single ratings drawn with {@code seed}.
     *
     * @throws IllegalArgumentException if {@code k < 2}
     */
    public static RatingCrossValidation byEvent(int k, long seed) {
        return new RatingCrossValidation(KFold.byEvent(k, seed), ProgressListener.quiet());
    }

    /** A copy reporting each finished fold (task {@code "rating cv <name>"}, metrics rmse and mae). */
    public RatingCrossValidation withProgress(ProgressListener listener) {
        return new RatingCrossValidation(kfold, Objects.requireNonNull(listener, "listener"));
    }

    /** Number of folds. */
    public int k() {
        return kfold.k();
    }

    /** The fold seed. */
    public long seed() {
        return kfold.seed();
    }

    /** The split in words, e.g. {@code "5-fold CV by event, seed 42"}. */
    public String describe() {
        return kfold.k() + "-fold CV by event, seed " + kfold.seed();
    }

    /** The pointwise protocol of every result: {@link #describe()} as the split, the fold seed as the seed. */
    public EvaluationProtocol protocol() {
        return EvaluationProtocol.pointwise(describe()).withSeed(kfold.seed());
    }

    /**
     * The folds of {@code log}'s ratings, in fold order.
     *
     * @throws IllegalArgumentException if the log holds fewer than {@code k} ratings
     */
    public List<Fold> folds(Interactions log) {
        Interactions ratings = log.ofTypes(EventType.RATING);
        if (ratings.size() < kfold.k()) {
            throw new IllegalArgumentException("rating cross-validation needs at least " + kfold.k()
                    + " ratings, the log holds " + ratings.size());
        }
        return kfold.apply(ratings);
    }

    /** Cross-validates {@code trainer} on the ratings of {@code log}. */
    public RatingCrossValidationResult evaluate(Interactions log, RatingTrainer trainer) {
        return evaluate("model", folds(log), trainer);
    }

    /**
     * Cross-validates every trainer on the same folds of {@code log} and reports them under
     * {@link #protocol()} (with {@code title} as the report title), after a first row {@value #BASELINE}:
     * {@link RatingBaseline} with Surprise's {@code BaselineOnly} defaults.
     *
     * @param trainers row name to trainer, in the order the rows should appear; names must differ from
     *                 {@value #BASELINE}
     */
    public MetricsReport compare(String title, Interactions log, Map<String, RatingTrainer> trainers) {
        Map<String, RatingCrossValidationResult> results = compareResults(log, trainers);
        return report(title, results);
    }

    /** Like {@link #compare} but returns every result (baseline first) instead of a report. */
    public Map<String, RatingCrossValidationResult> compareResults(Interactions log,
                                                                  Map<String, RatingTrainer> trainers) {
        if (trainers.containsKey(BASELINE)) {
            throw new IllegalArgumentException("the row name '" + BASELINE + "' is reserved for the baseline");
        }
        List<Fold> folds = folds(log);
        Map<String, RatingCrossValidationResult> results = new LinkedHashMap<>();
        results.put(BASELINE, evaluate(BASELINE, folds,
                train -> RatingBaseline.fit(train, RatingBaseline.Options.defaults())));
        trainers.forEach((name, trainer) -> results.put(name, evaluate(name, folds, trainer)));
        return results;
    }

    /** A report of {@code results} (row name to result) under {@link #protocol()}. */
    public MetricsReport report(String title, Map<String, RatingCrossValidationResult> results) {
        MetricsReport.Builder b = MetricsReport.builder(title, protocol()).decimals(4);
        results.forEach((name, r) -> b.row(name, r.values(), Map.of("folds", (long) r.folds().size(),
                "test ratings", r.testRatings())));
        return b.build();
    }

    private RatingCrossValidationResult evaluate(String name, List<Fold> folds, RatingTrainer trainer) {
        Objects.requireNonNull(trainer, "trainer");
        List<RatingFoldScore> scores = new ArrayList<>(folds.size());
        long start = System.nanoTime();
        for (Fold fold : folds) {
            long t0 = System.nanoTime();
            RatingPredictor model = trainer.fit(fold.train());
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            Interactions test = fold.test();
            double[] truth = new double[test.size()];
            double[] predicted = new double[test.size()];
            for (int r = 0; r < test.size(); r++) {
                truth[r] = test.value(r);
                predicted[r] = model.predict(test.user(r), test.item(r));
                if (!Double.isFinite(predicted[r])) {
                    throw new IllegalStateException(name + " predicted " + predicted[r] + " for user '"
                            + test.users().id(test.user(r)) + "', item '" + test.items().id(test.item(r)) + "'");
                }
            }
            RatingFoldScore score = new RatingFoldScore(fold.index(), RegressionMetrics.rmse(truth, predicted),
                    RegressionMetrics.mae(truth, predicted), test.size(), fitSeconds);
            scores.add(score);
            progress.update(new Progress("rating cv " + name, fold.index() + 1L, folds.size(),
                    Map.of("rmse", score.rmse(), "mae", score.mae()), (System.nanoTime() - start) / 1e9));
        }
        return new RatingCrossValidationResult(describe(), scores);
    }
}
