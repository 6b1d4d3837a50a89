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

    /** Items a and b in category X, c in category Y; user u's events around the cut-off. */
    private static Interactions fixture(boolean withFuture) {
        var b = Interactions.builder()
                .add("u", "a", EventType.VIEW, CUT - 30 * H, 1f)
                .add("u", "b", EventType.VIEW, CUT - 5 * H, 1f)
                .add("u", "a", EventType.VIEW, CUT - 2 * H, 1f)
                .add("u", "a", EventType.CART, CUT - 3 * H / 2, 1f)
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
        // rows in item order a, b, c; views: a at -30 h and -2 h, b at -5 h, c at -0.5 h; a carted at -1.5 h
        assertArrayEquals(new double[] {1, 0, 0}, p.labels(), "a bought 3 h after the cut-off; b only after 60 h");
        assertArrayEquals(new double[] {2, 1, 1}, f.numeric("pair_views"));
        assertArrayEquals(new double[] {1, 1, 1}, f.numeric("pair_views_24h"));
        assertArrayEquals(new double[] {30, 5, 0.5}, f.numeric("pair_hours_since_first_view"), 1e-12);
        assertArrayEquals(new double[] {2, 5, 0.5}, f.numeric("pair_hours_since_last_view"), 1e-12);
        assertArrayEquals(new double[] {2, 3, 1}, f.numeric("pair_view_recency_rank"), "c, then a, then b");
        assertArrayEquals(new double[] {1, 0, 0}, f.numeric("pair_carts"));
        assertEquals(1.5, f.numeric("pair_hours_since_last_cart")[0], 1e-12);
        assertTrue(Double.isNaN(f.numeric("pair_hours_since_last_cart")[1]), "never carted: NaN for the pipeline");
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, f.numeric("pair_view_share"), 1e-12, "of 4 views");
        // a's tokens, oldest first: its own view 30 h before, b (same category) 5 h, its view 2 h, its cart
        // 1.5 h, c (other category) 0.5 h
        int[] tokens = f.sequences(PurchasePairs.TOKENS)[0];
        String[] labels = new String[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            labels[k] = f.vocabulary(PurchasePairs.TOKENS).id(tokens[k]);
        }
        assertArrayEquals(new String[] {"view|item|3d", "view|category|6h", "view|item|6h", "cart|item|6h",
            "view|other|1h"}, labels);
    }

    @Test
    void featuresIgnoreEverythingAtOrAfterTheCutoff() {
        FeatureFrame full = pairs(fixture(true)).frame();
        FeatureFrame past = pairs(fixture(false)).frame();
        for (String c : full.columnNames()) {
            if (!c.equals(PurchasePairs.TOKENS)) {
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
    void wholePathOnASmallTaobaoShapedLog(@TempDir Path tmp) throws IOException {
        TaobaoShapedLog log = TaobaoShapedLog.generate(160, 3);
        Path csv = log.write(tmp.resolve("UserBehavior.csv"));
        TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults().withFolds(2)
                .withEarlierCutoffs(2).withFullGrid(false).withEnsemble(1).withEpochs(8).withBootstrap(50)
                .withNegativeRate(0.5));
        System.out.println(r.toTable());
        // the test rows and positives, counted straight from the CSV rows: pairs viewed before the cut-off, and
        // those bought in the 2 days after it
        long cut = TaobaoPurchaseOptions.DEFAULT_CUTOFF.getEpochSecond();
        Set<String> viewed = new HashSet<>();
        Map<String, Boolean> bought = new HashMap<>();
        for (String[] e : log.events()) {
            long t = Long.parseLong(e[4]);
            String pair = e[0] + "|" + e[1];
            if (e[3].equals("pv") && t < cut) {
                viewed.add(pair);
            }
            if (e[3].equals("buy") && t >= cut && t < cut + 2 * 86_400) {
                bought.put(pair, true);
            }
        }
        long positives = viewed.stream().filter(bought::containsKey).count();
        assertEquals(viewed.size(), r.value(TaobaoPurchaseTask.DATA, "test_rows"));
        assertEquals(positives, r.value(TaobaoPurchaseTask.DATA, "test_positives"));
        assertTrue(positives >= 20, "enough positives in the fixture: " + positives);
        for (String m : List.of(TaobaoPurchaseTask.LOGISTIC, TaobaoPurchaseTask.MLP, TaobaoPurchaseTask.SEQUENCE)) {
            for (String metric : List.of("auc", "auc_ci_low", "auc_ci_high", "log_loss", "f1", "val_auc")) {
                double v = r.value(m, metric);
                assertTrue(v >= 0 && v <= (metric.equals("log_loss") ? 10 : 1), m + " " + metric + " " + v);
            }
            assertTrue(r.value(m, "auc_ci_low") <= r.value(m, "auc") && r.value(m, "auc") <= r.value(m, "auc_ci_high"));
        }
        // the planted cart -> buy signal is strong: every model finds it
        for (String m : List.of(TaobaoPurchaseTask.LOGISTIC, TaobaoPurchaseTask.MLP, TaobaoPurchaseTask.SEQUENCE)) {
            assertTrue(r.value(m, "auc") > 0.8, m + "\n" + r.toTable());
        }
        assertTrue(r.protocol().contains("2017-12-02 00:00 UTC+8"), r.protocol());
    }

    /**
     * The issue asks the neural models to beat the logistic baseline here. On this 814-user sample they do not
     * (docs/purchase-prediction.md: all three AUCs lie within each other's bootstrap intervals, the baseline
     * nominally first), so this guards what was measured, with a fast setting (3 folds, no grid, one seed): each
     * neural AUC is above 0.8 and above the lower end of the baseline's 95 % interval.
     */
    @Test
    void neuralModelsMatchTheBaselineWithinItsIntervalOnTheRealTaobaoData() throws IOException {
        Path csv = Path.of(System.getProperty("behavior.datasets", "../shared/datasets"), "taobao-userbehavior",
                "UserBehavior_head.csv");
        assumeTrue(Files.isRegularFile(csv), "real dataset " + csv.toAbsolutePath().normalize()
                + " is absent: skipping the Taobao comparison");
        TaobaoPurchaseReport r = TaobaoPurchaseTask.run(csv, TaobaoPurchaseOptions.defaults().withFolds(3)
                .withFullGrid(false).withEnsemble(1).withBootstrap(200));
        System.out.println(r.toTable());
        assertEquals(62, r.value(TaobaoPurchaseTask.DATA, "test_positives"));
        assertEquals(44_235, r.value(TaobaoPurchaseTask.DATA, "test_rows"));
        double low = r.value(TaobaoPurchaseTask.LOGISTIC, "auc_ci_low");
        for (String m : List.of(TaobaoPurchaseTask.MLP, TaobaoPurchaseTask.SEQUENCE)) {
            double auc = r.value(m, "auc");
            assertTrue(auc > 0.8 && auc > low, m + " AUC " + auc + " vs the baseline's interval from " + low + "\n"
                    + r.toTable());
        }
    }
}
