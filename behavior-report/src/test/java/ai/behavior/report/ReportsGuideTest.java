package ai.behavior.report;

import ai.behavior.analysis.Calibration;
import ai.behavior.analysis.ImportanceMetric;
import ai.behavior.analysis.ImportanceResult;
import ai.behavior.analysis.KMeans;
import ai.behavior.analysis.KMeansOptions;
import ai.behavior.analysis.KMeansResult;
import ai.behavior.analysis.KSelection;
import ai.behavior.analysis.PermutationImportance;
import ai.behavior.analysis.SegmentReport;
import ai.behavior.analysis.Segmentation;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.numeric.Log1p;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import ai.behavior.metric.PrecisionRecallCurve;
import ai.behavior.metric.RocAuc;
import ai.behavior.metric.RocCurve;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code of docs/reports.md, run by the build so the guide cannot rot: segment the users of a synthetic
 * shop, train and evaluate a purchase model under a temporal protocol, explain it, and write the report.
 */
class ReportsGuideTest {
    private static final long DAY = 86_400_000L;

    @Test
    void guide() throws Exception {
        // --- guide: data and features ---
        ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(2_000).withSeed(3));
        Interactions log = shop.interactions();
        long start = log.minTimestamp();
        long trainCut = start + 14 * DAY;
        long testCut = start + 21 * DAY;
        FeatureFrame trainUsers = UserAggregates.compute(log, trainCut, AggregateOptions.defaults());
        FeatureFrame testUsers = UserAggregates.compute(log, testCut, AggregateOptions.defaults());
        Pipeline pipeline = Pipeline.builder()
                .add("recency", Standardize.of(UserAggregates.RECENCY_DAYS))
                .add("frequency", Log1p.of(UserAggregates.FREQUENCY).thenStandardize())
                .add("spend", Log1p.of(UserAggregates.MONETARY_SUM).thenStandardize())
                .add("sessions", Log1p.of(UserAggregates.SESSIONS).thenStandardize())
                .build();
        FittedPipeline features = pipeline.fit(trainUsers);
        FeatureMatrix train = features.transform(trainUsers);
        FeatureMatrix test = features.transform(testUsers);

        // --- guide: segmentation ---
        KSelection scan = Segmentation.chooseK(train, 2, 6, KMeansOptions.of(2).withSeed(7), System.out);
        KMeansResult segments = KMeans.fit(train, KMeansOptions.of(scan.best().k()).withSeed(7));
        SegmentReport profile = Segmentation.profile(trainUsers, segments.assignments(),
                log.filter(r -> log.timestamp(r) < trainCut), shop.items());
        System.out.println(profile.toTable());

        // --- guide: a purchase model under a temporal protocol ---
        double[] yTrain = purchasedWithin(log, trainUsers, trainCut, 7);
        double[] yTest = purchasedWithin(log, testUsers, testCut, 7);
        LogisticModel model = LogisticRegression.fit(train, yTrain, LogisticOptions.defaults(), features);
        double[] p = model.predict(test);
        int[] truth = toInts(yTest);
        EvaluationProtocol protocol = EvaluationProtocol.pointwise("features before day 14, label = purchase "
                + "in days 14-21 (train); features before day 21, label = purchase in days 21-28 (test)")
                .withOrdering(Ordering.TEMPORAL).withDataset("synthetic shop, 2,000 users");
        MetricsReport results = MetricsReport.builder("Purchase within 7 days", protocol)
                .row("logistic", Map.of("AUC", RocAuc.of(truth, p), "AP", PrecisionRecallCurve.of(truth, p)
                        .averagePrecision()))
                .build();
        ImportanceResult importance = PermutationImportance.of(ImportanceMetric.auc()).withSeed(7)
                .compute(model::predict, test, yTest);

        // --- guide: the report ---
        Report report = Report.builder("Purchase model on the synthetic shop")
                .protocol(protocol)
                .dataSummary(DataSummary.of(log))
                .metrics(results)
                .plot(Plots.roc("logistic", RocCurve.of(truth, p)))
                .plot(Plots.precisionRecall("logistic", PrecisionRecallCurve.of(truth, p)))
                .plot(Plots.calibration("logistic", Calibration.of(truth, p, 10)))
                .text("Feature importance", importance.toTable())
                .text("User segments", scan.toTable() + "\n" + profile.toTable(),
                        "k-means on standardised recency, log frequency, log spend and log sessions.")
                .build();
        Path out = Path.of(System.getProperty("report.outputDir", "target/report-check"), "guide");
        Files.createDirectories(out);
        report.writeHtml(out.resolve("purchase-report.html"));
        Plots.roc("logistic", RocCurve.of(truth, p)).savePng(out.resolve("roc.png"));
        // --- end of guide ---

        assertTrue(Files.size(out.resolve("purchase-report.html")) > 10_000);
        assertTrue(RocAuc.of(truth, p) > 0.6, results.toTable());
        assertEquals(segments.k(), profile.segments().size());
        assertTrue(scan.best().silhouette() > 0, scan.toTable());
        System.out.println(importance.toTable());
    }

    /** 1 for each user (row of {@code users}) with a purchase in {@code [cutoff, cutoff + days)}. */
    static double[] purchasedWithin(Interactions log, FeatureFrame users, long cutoff, int days) {
        double[] y = new double[users.rows()];
        long end = cutoff + days * DAY;
        for (int r = 0; r < log.size(); r++) {
            long t = log.timestamp(r);
            if (log.type(r) == EventType.PURCHASE && t >= cutoff && t < end) {
                int row = users.keys().indexOf(log.users().id(log.user(r)));
                if (row >= 0) {
                    y[row] = 1;
                }
            }
        }
        return y;
    }

    private static int[] toInts(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }
}
