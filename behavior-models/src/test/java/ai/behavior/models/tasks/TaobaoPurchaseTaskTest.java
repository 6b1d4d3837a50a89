package ai.behavior.models.tasks;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Taobao purchase task: hand-computed pair features and tokens, the leakage guard, the censoring check, the
 * whole path on a small Taobao-shaped log, and (when the real data is present) the comparison.
 */
class TaobaoPurchaseTaskTest {
    private static final long H = 3_600_000L;
    /** The cut-off of the hand fixture: 2017-12-02 00:00 UTC+8. */
    private static final long CUT = TaobaoPurchaseOptions.DEFAULT_CUTOFF.toEpochMilli();

    /** Items a and b in category X, c in category Y; user u's events around the cut-off (b bought 1 h before). */
    private static Interactions fixture(boolean withFuture) {
        var b = Interactions.builder()
                .add("u", "a", EventType.VIEW, CUT - 30 * H, 1f)
                .add("u", "b", EventType.VIEW, CUT - 5 * H, 1f)
                .add("u", "a", EventType.VIEW, CUT - 2 * H, 1f)
                .add("u", "a", EventType.CART, CUT - 3 * H / 2, 1f)
                .add("u", "b", EventType.PURCHASE, CUT - H, 1f)
                .add("u", "c", EventType.VIEW, CUT - H / 2, 1f);
        if (withFuture) {
            b.add("u", "a", EventType.PURCHASE, CUT + 3 * H, 1f)    // inside the 48 h window
                    .add("u", "b", EventType.PURCHASE, CUT + 60 * H, 1f)  // after it
                    .add("u", "c", EventType.VIEW, CUT + H, 1f);
        }
        return b.build();
    }

    private static AttributeTable items() {
        return AttributeTable.builder("item_id").categorical("category")
                .row("a").set("category", "X").row("b").set("category", "X").row("c").set("category", "Y").build();
    }

    private static PurchasePairs pairs(Interactions log) {
        return PurchasePairs.build(log, items(), new long[] {CUT}, Duration.ofDays(2), 10);
    }

    @Test
    void pairFeaturesTokensAndLabelsAreComputedByHand() {
        PurchasePairs p = pairs(fixture(true));
        FeatureFrame f = p.frame();
        // rows in item order a, b, c; views: a at -30 h and -2 h, b at -5 h, c at -0.5 h; a carted at -1.5 h; b
        // bought at -1 h
        assertArrayEquals(new double[] {1, 0, 0}, p.labels(), "a bought 3 h after the cut-off; b only after 60 h");
        assertArrayEquals(new double[] {2, 1, 1}, f.numeric("pair_views"));
        assertArrayEquals(new double[] {1, 1, 1}, f.numeric("pair_views_24h"));
        assertArrayEquals(new double[] {1, 1, 1}, f.numeric("pair_views_6h"), "a's view at -30 h is older");
        assertArrayEquals(new double[] {30, 5, 0.5}, f.numeric("pair_hours_since_first_view"), 1e-12);
        assertArrayEquals(new double[] {2, 5, 0.5}, f.numeric("pair_hours_since_last_view"), 1e-12);
        assertArrayEquals(new double[] {2, 3, 1}, f.numeric("pair_view_recency_rank"), "c, then a, then b");
        assertArrayEquals(new double[] {1, 0, 0}, f.numeric("pair_carts"));
        assertArrayEquals(new double[] {0, 1, 0}, f.numeric("pair_purchases"));
        assertEquals(1.5, f.numeric("pair_hours_since_last_cart")[0], 1e-12);
        assertTrue(Double.isNaN(f.numeric("pair_hours_since_last_cart")[1]), "never carted: NaN for the pipeline");
        assertTrue(Double.isNaN(f.numeric("pair_hours_since_last_favourite")[0]), "never a favourite");
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, f.numeric("pair_view_share"), 1e-12, "of 4 views");
        assertArrayEquals(new double[] {1, 0, 0}, f.numeric("pair_last_is_cart"), "a's last event is its cart");
        assertArrayEquals(new double[] {0, 0, 0}, f.numeric("pair_last_is_favourite"));
        // after a's last view (-2 h) the user bought b of the same category; after b's (-5 h) viewed a again
        assertArrayEquals(new double[] {0, 1, 0}, f.numeric("pair_category_views_after"));
        assertArrayEquals(new double[] {1, 0, 0}, f.numeric("pair_category_purchases_after"));
        assertArrayEquals(new double[] {0, 0, 1}, f.numeric("pair_category_is_current"), "the last event is c's (Y)");
        assertEquals("X", f.label(PurchasePairs.CATEGORY, 0));
        assertEquals("Y", f.label(PurchasePairs.CATEGORY, 2));
        // a's tokens, oldest first: its own view 30 h before, b (same category) 5 h, its view 2 h, its cart
        // 1.5 h, b's purchase 1 h (1-6 h), c (other category) 0.5 h
        int[] tokens = f.sequences(PurchasePairs.TOKENS)[0];
        String[] labels = new String[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            labels[k] = f.vocabulary(PurchasePairs.TOKENS).id(tokens[k]);
        }
        assertArrayEquals(new String[] {"view|item|3d", "view|category|6h", "view|item|6h", "cart|item|6h",
            "purchase|category|6h", "view|other|1h"}, labels);
    }

    @Test
    void featuresIgnoreEverythingAtOrAfterTheCutoff() {
        FeatureFrame full = pairs(fixture(true)).frame();
        FeatureFrame past = pairs(fixture(false)).frame();
        for (String c : full.columnNames()) {
            if (full.type(c) == ai.behavior.feature.ColumnType.NUMERIC) {
                assertArrayEquals(full.numeric(c), past.numeric(c), c);
            }
        }
        assertArrayEquals(full.sequences(PurchasePairs.TOKENS), past.sequences(PurchasePairs.TOKENS));
    }

    @Test
    void aLabelWindowPastTheLastDayIsRefused() {
        // the fixture's last event is 60 h after the cut-off (2017-12-04 12:00 UTC+8), so its last day ends 72 h
        // after the cut-off: a 4-day window would read days the log does not cover
        TaobaoPurchaseOptions o = TaobaoPurchaseOptions.defaults().withHorizon(Duration.ofDays(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaobaoPurchaseTask.run(fixture(true), items(), o));
        assertTrue(e.getMessage().contains("would be censored"), e.getMessage());
    }

    @Test
    void wholePathOnASmallTaobaoShapedLogWithTwoTestOrigins(@TempDir Path tmp) throws IOException {
        TaobaoShapedLog log = TaobaoShapedLog.generate(160, 3);
        Path csv = log.write(tmp.resolve("UserBehavior.csv"));
        TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults().withFolds(2)
                .withTestOrigins(2).withEarlierCutoffs(2).withFullGrid(false).withEnsemble(1).withEpochs(8)
                .withBootstrap(50).withNegativeRate(0.5));
        System.out.println(r.toTable());
        // the test rows and positives of each origin, counted straight from the CSV rows: pairs viewed before the
        // origin, and those bought in the 2 days after it
        long cut = TaobaoPurchaseOptions.DEFAULT_CUTOFF.getEpochSecond();
        long rows = 0;
        long positives = 0;
        for (long origin : new long[] {cut - 86_400, cut}) {
            Set<String> viewed = new HashSet<>();
            Map<String, Boolean> bought = new HashMap<>();
            for (String[] e : log.events()) {
                long t = Long.parseLong(e[4]);
                String pair = e[0] + "|" + e[1];
                if (e[3].equals("pv") && t < origin) {
                    viewed.add(pair);
                }
                if (e[3].equals("buy") && t >= origin && t < origin + 2 * 86_400) {
                    bought.put(pair, true);
                }
            }
            long p = viewed.stream().filter(bought::containsKey).count();
            String day = origin == cut ? "2017-12-02" : "2017-12-01";
            assertEquals(viewed.size(), r.value(TaobaoPurchaseTask.DATA, "rows_" + day), day);
            assertEquals(p, r.value(TaobaoPurchaseTask.DATA, "positives_" + day), day);
            rows += viewed.size();
            positives += p;
        }
        assertEquals(rows, r.value(TaobaoPurchaseTask.DATA, "test_rows"));
        assertEquals(positives, r.value(TaobaoPurchaseTask.DATA, "test_positives"));
        assertTrue(positives >= 40, "enough positives in the fixture: " + positives);
        List<String> models = List.of(TaobaoPurchaseTask.LOGISTIC, TaobaoPurchaseTask.MLP, TaobaoPurchaseTask.SEQUENCE);
        for (String m : models) {
            for (String metric : List.of("auc", "auc_ci_low", "auc_ci_high", "log_loss", "f1", "val_auc",
                    "auc_2017-12-01", "auc_2017-12-02")) {
                double v = r.value(m, metric);
                assertTrue(v >= 0 && v <= (metric.equals("log_loss") ? 10 : 1), m + " " + metric + " " + v);
            }
            assertTrue(r.value(m, "auc_ci_low") <= r.value(m, "auc") && r.value(m, "auc") <= r.value(m, "auc_ci_high"));
            // the planted cart -> buy signal is strong: every model finds it
            assertTrue(r.value(m, "auc") > 0.8, m + "\n" + r.toTable());
        }
        // the neural models' differences to the baseline: the point difference of the two pooled AUCs, and an
        // interval from paired user draws
        for (String m : models.subList(1, 3)) {
            assertEquals(r.value(m, "auc") - r.value(TaobaoPurchaseTask.LOGISTIC, "auc"),
                    r.value(m, "auc_minus_baseline"), 1e-12);
            assertTrue(r.value(m, "diff_ci_low") < r.value(m, "diff_ci_high"), m);
            double share = r.value(m, "share_not_ahead");
            assertTrue(share >= 0 && share <= 1, m + " " + share);
            // the smallest detectable difference is 2.8 standard errors of the paired draws; a 95 % interval is
            // about 2 x 1.96 of them wide
            double se = r.value(m, "diff_se");
            assertEquals(2.8 * se, r.value(m, "min_detectable_diff"), 1e-12);
            double width = r.value(m, "diff_ci_high") - r.value(m, "diff_ci_low");
            assertTrue(se > 0 && width > 2 * se && width < 6 * se, m + " se " + se + " width " + width);
        }
        assertTrue(r.protocol().contains("2 daily origins 2017-12-01 00:00 .. 2017-12-02 00:00 UTC+8"),
                r.protocol());
    }

    @Test
    void standardDeviationIsTheSampleOne() {
        // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3
        assertEquals(Math.sqrt(5.0 / 3), TaobaoPurchaseTask.standardDeviation(new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void testOriginsMustBeAmongTheCutoffs() {
        TaobaoPurchaseOptions single = TaobaoPurchaseOptions.defaults().withTestOrigins(1);
        assertEquals(5, TaobaoPurchaseOptions.defaults().testOrigins());
        assertEquals(1, single.testOrigins());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaobaoPurchaseOptions.defaults().withEarlierCutoffs(2));
        assertTrue(e.getMessage().contains("testOrigins must be in [1, 1 + earlierCutoffs = 3]"), e.getMessage());
    }

    /**
     * The issue asks the neural models to beat the logistic baseline here. On this 814-user sample they do not
     * clearly do (docs/purchase-prediction.md: pooled over 5 test origins, 255 positives, the differences' paired
     * intervals straddle 0), so this guards what was measured, with a fast setting (3 folds, no grid, one seed):
     * the test set's counts per origin (fixed by the data), each model's AUC above 0.8, and no neural model
     * clearly behind the baseline (the upper end of its paired difference interval above 0).
     */
    @Test
    void neuralModelsAreNotBehindTheBaselineOnTheRealTaobaoData() throws IOException {
        Path csv = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "taobao-userbehavior",
                "UserBehavior_head.csv");
        assumeTrue(Files.isRegularFile(csv), "real dataset " + csv.toAbsolutePath().normalize()
                + " is absent: skipping the Taobao comparison");
        TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults().withFolds(3)
                .withFullGrid(false).withEnsemble(1).withBootstrap(200));
        System.out.println(r.toTable());
        // viewed pairs and later purchases at each origin, 2017-11-28 .. 12-02 (the single cut-off protocol's
        // 44,235 rows and 62 positives are the last origin)
        int[] rows = {19_359, 25_625, 31_798, 37_793, 44_235};
        int[] positives = {41, 47, 53, 52, 62};
        String[] days = {"2017-11-28", "2017-11-29", "2017-11-30", "2017-12-01", "2017-12-02"};
        for (int d = 0; d < days.length; d++) {
            assertEquals(rows[d], r.value(TaobaoPurchaseTask.DATA, "rows_" + days[d]), days[d]);
            assertEquals(positives[d], r.value(TaobaoPurchaseTask.DATA, "positives_" + days[d]), days[d]);
        }
        assertEquals(158_810, r.value(TaobaoPurchaseTask.DATA, "test_rows"));
        assertEquals(255, r.value(TaobaoPurchaseTask.DATA, "test_positives"));
        assertTrue(r.value(TaobaoPurchaseTask.LOGISTIC, "auc") > 0.8, r.toTable());
        for (String m : List.of(TaobaoPurchaseTask.MLP, TaobaoPurchaseTask.SEQUENCE)) {
            double auc = r.value(m, "auc");
            double high = r.value(m, "diff_ci_high");
            assertTrue(auc > 0.8 && high > 0, m + " AUC " + auc + ", difference to the baseline up to " + high + "\n"
                    + r.toTable());
        }
    }
}
