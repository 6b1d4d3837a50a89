package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import static ai.behavior.feature.categorical.Frames.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetEncoderTest {
    private static final FeatureFrame TRAIN = labels("a", "a", "b", "b", "b", null);
    private static final double[] Y = {1, 1, 0, 0, 1, 0};

    private static Pipeline pipeline(TargetEncoder e) {
        return Pipeline.builder().add("c", e).build();
    }

    @Test
    void newDataUsesSmoothedWholeTrainingMeans() {
        // prior = 3/6 = 0.5, m = 2: a = (2 + 2*0.5) / (2 + 2) = 0.75, b = (1 + 1) / (3 + 2) = 0.4;
        // missing and unseen -> prior 0.5
        FittedPipeline p = pipeline(TargetEncoder.of("c").smoothing(2)).fit(TRAIN, FitContext.withLabels(Y));
        assertArrayEquals(new float[] {0.75f, 0.4f, 0.5f, 0.5f}, p.transform(labels("a", "b", null, "zz")).denseBlock());
        TargetEncoder.Fitted f = (TargetEncoder.Fitted) p.step("c");
        assertEquals(0.5, f.prior(), 1e-12);
        assertEquals(0.75, f.encoding("a"), 1e-7);
        assertEquals(0.5, f.encoding(null), 1e-12);
    }

    @Test
    void trainingRowsGetOutOfFoldEncodings() {
        // Folds of 6 rows, 3 folds, seed 7 (checked here so a change of the fold rule shows up as such):
        // fold 0 = rows 2,3 (b,b; y 0,0), fold 1 = rows 0,5 (a,missing; y 1,0), fold 2 = rows 1,4 (a,b; y 1,1).
        assertArrayEquals(new int[] {1, 2, 0, 0, 2, 1}, TargetEncoder.folds(6, 3, 7));
        // Out-of-fold priors: fold 0 -> rows 0,1,4,5 mean 3/4; fold 1 -> rows 1,2,3,4 mean 2/4; fold 2 -> rows
        // 0,2,3,5 mean 1/4. With m = 2:
        // row 0 (a, fold 1): other-fold a = row 1 (sum 1, n 1): (1 + 2*0.5) / 3 = 2/3
        // row 1 (a, fold 2): other-fold a = row 0 (sum 1, n 1): (1 + 2*0.25) / 3 = 0.5
        // rows 2,3 (b, fold 0): other-fold b = row 4 (sum 1, n 1): (1 + 2*0.75) / 3 = 5/6
        // row 4 (b, fold 2): other-fold b = rows 2,3 (sum 0, n 2): (0 + 2*0.25) / 4 = 0.125
        // row 5 (missing, fold 1): prior of fold 1's complement = 0.5
        Pipeline.Fit fit = pipeline(TargetEncoder.of("c").smoothing(2))
                .fitTransform(TRAIN, FitContext.withLabels(Y).seed(7).folds(3));
        assertArrayEquals(new float[] {2f / 3, 0.5f, 5f / 6, 5f / 6, 0.125f, 0.5f}, fit.training().denseBlock(), 1e-6f);
        // the same frame as new data gets the whole-training encodings
        assertArrayEquals(new float[] {0.75f, 0.75f, 0.4f, 0.4f, 0.4f, 0.5f},
                fit.pipeline().transform(TRAIN).denseBlock());
    }

    @Test
    void foldsAreBalancedAndDeterministic() {
        int[] f = TargetEncoder.folds(103, 5, 42);
        int[] sizes = new int[5];
        for (int x : f) {
            sizes[x]++;
        }
        assertArrayEquals(new int[] {21, 21, 21, 20, 20}, sizes);   // 103 = 5 * 20 + 3
        assertArrayEquals(f, TargetEncoder.folds(103, 5, 42));
        assertNotEquals(java.util.Arrays.toString(f), java.util.Arrays.toString(TargetEncoder.folds(103, 5, 43)));
    }

    /**
     * Every row has its own category and a noise label. Naive (in-sample) encoding with m = 0 returns each row's
     * own label, a perfect leak; out of fold a row's category has no other rows, so it gets the mean label of
     * the other folds, which does not depend on its own label.
     */
    @Test
    void uniqueCategoriesDoNotLeakTheirOwnLabel() {
        int n = 20;
        String[] ids = new String[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            ids[r] = "u" + r;
            y[r] = (r * 7 + 3) % 5 == 0 ? 1 : (r % 3) * 0.5;   // an arbitrary noise pattern
        }
        FeatureFrame train = labels(ids);
        Pipeline p = pipeline(TargetEncoder.of("c").smoothing(0));
        FitContext ctx = FitContext.withLabels(y).seed(11).folds(4);
        Pipeline.Fit fit = p.fitTransform(train, ctx);
        float[] naive = fit.pipeline().transform(train).denseBlock();
        float[] oof = fit.training().denseBlock();
        int[] fold = TargetEncoder.folds(n, 4, 11);
        for (int r = 0; r < n; r++) {
            assertEquals((float) y[r], naive[r], 1e-7, "naive encoding of row " + r);
            double sum = 0;
            int rows = 0;
            for (int s = 0; s < n; s++) {
                if (fold[s] != fold[r]) {
                    sum += y[s];
                    rows++;
                }
            }
            assertEquals(15, rows);
            assertEquals((float) (sum / rows), oof[r], 1e-6, "out-of-fold encoding of row " + r);
        }
        // changing one row's label leaves that row's own training encoding unchanged
        double[] y2 = y.clone();
        y2[3] += 100;
        float[] oof2 = p.fitTransform(train, FitContext.withLabels(y2).seed(11).folds(4)).training().denseBlock();
        assertEquals(oof[3], oof2[3]);
        int other = 0;
        while (fold[other] == fold[3]) {
            other++;
        }
        assertNotEquals(oof[other], oof2[other]);   // a row of another fold does see row 3's label
    }

    @Test
    void constantCategoryEncodesAsShrunkMean() {
        // one category, labels 1,0,0,1 -> prior 0.5, a = (2 + 10*0.5) / (4 + 10) = 0.5
        FittedPipeline p = pipeline(TargetEncoder.of("c"))
                .fit(labels("a", "a", "a", "a"), FitContext.withLabels(new double[] {1, 0, 0, 1}).folds(2));
        assertArrayEquals(new float[] {0.5f}, p.transform(labels("a")).denseBlock());
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline(TargetEncoder.of("c")).fit(TRAIN));
        assertTrue(e.getMessage().contains("target encoding of column 'c' needs training labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TargetEncoder.of("c").fit(labels(), FitContext.withLabels(new double[0])));
        e = assertThrows(IllegalArgumentException.class, () -> pipeline(TargetEncoder.of("c"))
                .fit(labels("a", "b"), FitContext.withLabels(new double[] {1, 0}).folds(3)));
        assertTrue(e.getMessage().contains("needs at least 3 training rows, got 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FitContext.withLabels(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> TargetEncoder.of("c").smoothing(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TargetEncoder.of("c").smoothing(-1));
        assertThrows(IllegalArgumentException.class, () -> TargetEncoder.of("c").smoothing(Double.POSITIVE_INFINITY));
        TargetEncoder.Fitted f = TargetEncoder.of("c").fit(TRAIN, FitContext.withLabels(Y));
        e = assertThrows(IllegalArgumentException.class, () -> f.bindForTraining(labels("a"), null));
        assertTrue(e.getMessage().contains("fitted on 6 rows"), e.getMessage());
    }
}
