package ai.behavior.recsys.eval;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.eval.MetricsReport;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.mf.BiasedMf;
import ai.behavior.recsys.mf.PlantedRatings;
import ai.behavior.recsys.mf.SgdOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingCrossValidationTest {
    private static final Interactions PLANTED = PlantedRatings.generate(200, 120, 3, 30, 0.1, 51);
    private static final RatingTrainer MF = train -> BiasedMf.fitSgd(train, SgdOptions.defaults().withFactors(8)
            .withEpochs(40).withLearningRate(0.01));

    @Test
    void perFoldValuesMeanAndPopulationSd() {
        RatingCrossValidationResult r = RatingCrossValidation.byEvent(3, 7).evaluate(PLANTED, MF);
        assertEquals(3, r.folds().size());
        double[] rmse = r.rmses();
        double mean = (rmse[0] + rmse[1] + rmse[2]) / 3;
        double sd = Math.sqrt(((rmse[0] - mean) * (rmse[0] - mean) + (rmse[1] - mean) * (rmse[1] - mean)
                + (rmse[2] - mean) * (rmse[2] - mean)) / 3);
        assertEquals(mean, r.meanRmse(), 1e-12);
        assertEquals(sd, r.sdRmse(), 1e-12);
        assertEquals(PLANTED.size(), r.testRatings(), "every rating is tested exactly once");
        for (int f = 0; f < 3; f++) {
            assertEquals(f, r.folds().get(f).fold());
            assertTrue(r.folds().get(f).mae() <= r.folds().get(f).rmse());
        }
        assertEquals("3-fold CV by event, seed 7", r.protocol());
        assertArrayEquals(rmse, RatingCrossValidation.byEvent(3, 7).evaluate(PLANTED, MF).rmses(), "deterministic");
    }

    @Test
    void reportHasTheProtocolTheBaselineRowAndEveryModel() {
        Map<String, RatingTrainer> trainers = new LinkedHashMap<>();
        trainers.put("mf", MF);
        trainers.put("mean only", train -> {
            double mean = 0;
            for (int r = 0; r < train.size(); r++) {
                mean += train.value(r) / train.size();
            }
            double m = mean;
            return (u, i) -> m;
        });
        RatingCrossValidation cv = RatingCrossValidation.byEvent(3, 42);
        MetricsReport report = cv.compare("planted ratings", PLANTED, trainers);
        String table = report.toTable();
        assertTrue(table.contains("split=3-fold CV by event, seed 42"), table);
        assertEquals(List.of(RatingCrossValidation.BASELINE, "mf", "mean only"),
                report.rows().stream().map(MetricsReport.Row::name).toList());
        double base = report.value(RatingCrossValidation.BASELINE, "RMSE");
        double mf = report.value("mf", "RMSE");
        double meanOnly = report.value("mean only", "RMSE");
        assertTrue(mf < 0.75 * base, "mf " + mf + " vs baseline " + base);
        assertTrue(base < meanOnly, "biases help: " + base + " vs " + meanOnly);
        assertEquals(42L, report.protocol().seed());
        assertTrue(report.metrics().containsAll(List.of("RMSE", "RMSE sd", "MAE", "MAE sd")));
        assertEquals(PLANTED.size(), (long) report.row("mf").counts().get("test ratings"));
        MetricsReport back = MetricsReport.fromJson(report.toJson());
        assertEquals(mf, back.value("mf", "RMSE"));
    }

    @Test
    void onlyRatingEventsAreSplitAndScored() {
        InteractionsBuilder b = Interactions.builder();
        for (int r = 0; r < PLANTED.size(); r++) {
            b.add(PLANTED.users().id(PLANTED.user(r)), PLANTED.items().id(PLANTED.item(r)), EventType.RATING,
                    PLANTED.timestamp(r), PLANTED.value(r));
            b.add(PLANTED.users().id(PLANTED.user(r)), PLANTED.items().id(PLANTED.item(r)), EventType.VIEW,
                    PLANTED.timestamp(r), 30f);
        }
        Interactions mixed = b.build();
        List<Progress> seen = new ArrayList<>();
        RatingCrossValidationResult r = RatingCrossValidation.byEvent(3, 1).withProgress(seen::add)
                .evaluate(mixed, train -> RatingBaseline.fit(train, RatingBaseline.Options.defaults()));
        assertEquals(PLANTED.size(), r.testRatings());
        assertTrue(r.meanRmse() < 2, "views (value 30) never reach the metrics: " + r.meanRmse());
        assertEquals(3, seen.size());
        assertEquals(3, seen.get(2).done());
    }

    @Test
    void badInputIsRejected() {
        RatingCrossValidation cv = RatingCrossValidation.byEvent(5, 1);
        assertThrows(IllegalArgumentException.class, () -> RatingCrossValidation.byEvent(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> cv.evaluate(PlantedRatings.of("a", "x", 3, "b", "y", 4), MF));
        assertThrows(IllegalArgumentException.class,
                () -> cv.compare("t", PLANTED, Map.of(RatingCrossValidation.BASELINE, MF)));
        assertThrows(IllegalStateException.class, () -> cv.evaluate(PLANTED, train -> (u, i) -> Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RatingCrossValidationResult("p", List.of()));
    }
}
