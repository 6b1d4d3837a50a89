package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.Padding;
import ai.behavior.models.fusion.Fusion;
import ai.behavior.models.fusion.FusionMode;
import ai.behavior.models.fusion.FusionModel;
import ai.behavior.models.fusion.FusionOptions;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.tasks.TaobaoPurchaseOptions;
import ai.behavior.models.tasks.TaobaoPurchaseReport;
import ai.behavior.models.tasks.TaobaoPurchaseTask;
import ai.behavior.models.twotower.TwoTower;
import ai.behavior.models.twotower.TwoTowerData;
import ai.behavior.models.twotower.TwoTowerModel;
import ai.behavior.models.twotower.TwoTowerOptions;
import ai.behavior.models.twotower.TwoTowerScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Taobao example: its missing-data exit code, and a quick run on a small log written in Taobao's format. */
class TaobaoPurchasePredictionTest {
    @Test
    void missingDataExitsWithThree(@TempDir Path empty) {
        assertEquals(3, new CommandLine(new TaobaoPurchasePrediction(System.out)).execute("--data", empty.toString()));
    }

    @Test
    void quickRunOnATaobaoShapedLogPrintsTheTableAndItsProtocol(@TempDir Path dir) throws IOException {
        Path csv = write(dir.resolve(TaobaoPurchasePrediction.FILE));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new TaobaoPurchasePrediction(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--data", dir.toString(), "--folds", "2", "--quick", "--quiet");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        assertTrue(Files.isRegularFile(csv));
        for (String model : new String[] {"logistic regression", "MLP", "sequence + pair features (fusion)"}) {
            assertTrue(text.contains("| " + model), model + " missing from\n" + text);
        }
        assertTrue(text.contains("protocol: (user, item) pairs viewed before a cut-off c"), text);
        assertTrue(text.contains("5 daily origins 2017-11-28 00:00 .. 2017-12-02 00:00 UTC+8"), text);
        for (String day : new String[] {"2017-11-28", "2017-11-29", "2017-11-30", "2017-12-01", "2017-12-02"}) {
            assertTrue(text.contains("positives_" + day), day + " missing from\n" + text);
        }
        assertTrue(text.contains("diff_ci_low"), text);
        assertTrue(text.contains("wall time"), text);
    }

    /** The task snippet of docs/purchase-prediction.md, on the small log. */
    @Test
    void guideTaskSnippetRuns(@TempDir Path dir) throws IOException {
        Path csv = write(dir.resolve(TaobaoPurchasePrediction.FILE));
        TaobaoPurchaseOptions quick = TaobaoPurchaseOptions.defaults().withFolds(3).withFullGrid(false).withEnsemble(1);
        TaobaoPurchaseReport report = TaobaoPurchaseTask.run(csv, quick);
        System.out.println(report.toTable());
        double auc = report.value(TaobaoPurchaseTask.SEQUENCE, "auc");
        double gain = report.value(TaobaoPurchaseTask.SEQUENCE, "auc_minus_baseline");
        double low = report.value(TaobaoPurchaseTask.SEQUENCE, "diff_ci_low");
        assertTrue(auc > 0.5 && auc <= 1, "AUC " + auc);
        assertEquals(auc - report.value(TaobaoPurchaseTask.LOGISTIC, "auc"), gain, 1e-12);
        assertTrue(low <= report.value(TaobaoPurchaseTask.SEQUENCE, "diff_ci_high"), report.toTable());
        TaobaoPurchaseOptions single = quick.withTestOrigins(1);
        assertEquals(1, single.testOrigins());
    }

    /** The fusion snippet of docs/purchase-prediction.md: a sequence (ids 2..5) and a dense attribute. */
    @Test
    void guideFusionSnippetRuns() {
        FeatureSchema schema = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Sequence("history", 6, 4, Padding.LEFT)));
        FeatureMatrix train = rows(schema, 400, 1);
        FeatureMatrix valid = rows(schema, 200, 2);
        FeatureMatrix test = rows(schema, 50, 3);
        double[] trainLabels = labels(train);
        double[] validLabels = labels(valid);
        FusionOptions fusion = FusionOptions.defaults().withMode(FusionMode.ATTENTION).withDim(16);
        try (FusionModel model = Fusion.fit(train, trainLabels, valid, validLabels, SequenceEncoderFactory.meanPool(16), fusion)) {
            double[] p = model.predict(test);
            assertEquals(50, p.length);
        }
    }

    /** The two-tower snippet of docs/purchase-prediction.md: three users, three items, served top-1. */
    @Test
    void guideTwoTowerSnippetRuns() {
        Interactions log = Interactions.builder()
                .add("u0", "a", EventType.VIEW, 1L, 1f).add("u1", "b", EventType.VIEW, 2L, 1f)
                .add("u2", "c", EventType.VIEW, 3L, 1f).add("u0", "b", EventType.VIEW, 4L, 1f).build();
        FeatureMatrix userRows = new FeatureMatrix(new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Sequence("history", 5, 2, Padding.LEFT))), 3);
        for (int u = 0; u < 3; u++) {
            userRows.denseBlock()[u] = u;
            userRows.sequenceIds(0)[u * 2 + 1] = 2 + u;
            userRows.sequenceMask(0)[u * 2 + 1] = 1;
        }
        FeatureMatrix itemRows = new FeatureMatrix(new FeatureSchema(List.of(new FeatureSpec.Categorical("id", 4))), 3);
        itemRows.categoricalBlock()[0] = 1;
        itemRows.categoricalBlock()[1] = 2;
        itemRows.categoricalBlock()[2] = 3;
        TwoTowerData pairs = new TwoTowerData(userRows, itemRows, new int[] {0, 1, 2, 0}, new int[] {0, 1, 2, 1});
        UserItemMatrix seen = UserItemMatrix.of(log, Weighting.counts());
        Popularity popularity = Popularity.fit(log, Popularity.Options.defaults());
        try (TwoTowerModel towers = TwoTower.fit(pairs, null, SequenceEncoderFactory.meanPool(32), TwoTowerOptions.defaults())) {
            TwoTowerScorer scorer = towers.scorer(log.users(), userRows, log.items(), itemRows);
            Recommender recommender = new Recommender(scorer, seen, popularity);
            Recommendations top = recommender.recommend("u1", 1);
            assertEquals(Recommendations.Source.MODEL, top.source());
            assertEquals(1, top.itemIds().size());
            assertTrue(!top.itemIds().contains("b"), "b was seen");
        }
    }

    private static FeatureMatrix rows(FeatureSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix m = new FeatureMatrix(schema, n);
        for (int i = 0; i < n; i++) {
            m.denseBlock()[i] = (float) r.nextGaussian();
            for (int p = 0; p < 4; p++) {
                m.sequenceIds(0)[i * 4 + p] = 2 + r.nextInt(4);
                m.sequenceMask(0)[i * 4 + p] = 1;
            }
        }
        return m;
    }

    /** 1 when the dense value plus the share of ids 2 and 3 in the sequence exceeds 0.5. */
    private static double[] labels(FeatureMatrix m) {
        double[] y = new double[m.rows()];
        for (int i = 0; i < y.length; i++) {
            double low = 0;
            for (int p = 0; p < 4; p++) {
                low += m.sequenceIds(0)[i * 4 + p] <= 3 ? 0.25 : 0;
            }
            y[i] = m.denseBlock()[i] + low > 0.5 ? 1 : 0;
        }
        return y;
    }

    /**
     * 120 users over 2017-11-25..12-03 (UTC+8): views in two favourite categories, a view carted with probability
     * 0.15, a cart bought with probability 0.7 within 3 days.
     */
    private static Path write(Path file) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        long start = 1_511_539_200L;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user_id,item_id,category_id,behavior_type,timestamp\n");
            for (int u = 0; u < 120; u++) {
                int[] favourite = {r.nextInt(10), r.nextInt(10)};
                for (int s = 0; s < 8; s++) {
                    long t = start + r.nextLong(9 * 86_400L - 7_200L);
                    for (int v = 0; v < 4; v++) {
                        int category = favourite[r.nextInt(2)];
                        int item = 100 + category * 20 + r.nextInt(20);
                        t += 60;
                        w.write(u + "," + item + "," + category + ",pv," + t + "\n");
                        if (r.nextDouble() < 0.15) {
                            w.write(u + "," + item + "," + category + ",cart," + (t + 10) + "\n");
                            long buy = t + 30 + r.nextLong(3 * 86_400L);
                            if (r.nextDouble() < 0.7 && buy < start + 9 * 86_400L) {
                                w.write(u + "," + item + "," + category + ",buy," + buy + "\n");
                            }
                        }
                    }
                }
            }
        }
        return file;
    }
}
