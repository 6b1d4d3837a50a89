package ai.behavior.linear;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.numeric.Standardize;
import ai.behavior.modelfile.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticRegressionTest {
    @TempDir
    Path tmp;

    @Test
    void unpenalisedFitSatisfiesTheOptimalityConditions() {
        // At the maximum-likelihood solution the score equations hold: sum(p - y) = 0 and sum((p - y) x) = 0.
        Random rnd = new Random(3);
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(0.5 + 1.5 * x[i]))) ? 1 : 0;
        }
        FeatureFrame f = FeatureFrame.builder(n).numeric("x", x).build();
        Pipeline.Fit fit = Pipeline.builder().add("x", Standardize.of("x")).build().fitTransform(f,
                FitContext.unsupervised());
        LogisticModel m = LogisticRegression.fit(fit.training(), y, LogisticOptions.defaults().l2(0), fit.pipeline());
        double[] p = m.predict(fit.training());
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < n; i++) {
            s0 += p[i] - y[i];
            s1 += (p[i] - y[i]) * fit.training().dense(i, 0);
        }
        assertEquals(0, s0 / n, 1e-5);
        assertEquals(0, s1 / n, 1e-5);
        assertTrue(m.training().converged());
        assertTrue(m.weight("x") > 1.0, "slope on the standardised x: " + m.weight("x"));
    }

    @Test
    void categoricalWeightsReproduceEachCategorysRateWithoutPenalty() {
        // one categorical column and no penalty: the fitted probability of each category is its empirical rate
        String[] shop = {"a", "a", "a", "a", "b", "b", "b", "b", "b", "c", "c"};
        double[] y = {1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0};   // rates a 1/4, b 3/5, c 1/2
        FeatureFrame f = FeatureFrame.builder(shop.length).categorical("shop", shop).build();
        Pipeline.Fit fit = Pipeline.builder().add("shop", new IdentityIndex("shop")).build()
                .fitTransform(f, FitContext.unsupervised());
        LogisticModel m = LogisticRegression.fit(fit.training(), y, LogisticOptions.defaults().l2(0), fit.pipeline());
        double[] p = m.predict(fit.training());
        assertEquals(0.25, p[0], 1e-5);
        assertEquals(0.6, p[4], 1e-5);
        assertEquals(0.5, p[9], 1e-5);
    }

    @Test
    void saveLoadKeepsPipelineAndPredictions() throws IOException {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 0, 1, 0, 1, 1};
        FeatureFrame f = FeatureFrame.builder(6).numeric("x", x).build();
        Pipeline.Fit fit = Pipeline.builder().add("x", Standardize.of("x")).build().fitTransform(f,
                FitContext.unsupervised());
        LogisticModel m = LogisticRegression.fit(fit.training(), y, LogisticOptions.defaults().l2(0.1), fit.pipeline());
        m.save(tmp.resolve("lr"));
        LogisticModel again = LogisticModel.load(tmp.resolve("lr"));
        FeatureFrame test = FeatureFrame.builder(2).numeric("x", new double[] {-3, 9}).build();
        assertArrayEquals(m.predict(test), again.predict(test));
        Files.writeString(tmp.resolve("lr").resolve("dense_weights"), "junk");
        assertThrows(ModelFileException.class, () -> LogisticModel.load(tmp.resolve("lr")));
    }

    @Test
    void badLabelsAndEmptyDataAreClearErrors() {
        FeatureFrame f = FeatureFrame.builder(2).numeric("x", new double[] {1, 2}).build();
        Pipeline.Fit fit = Pipeline.builder().add("x", Standardize.of("x")).build().fitTransform(f,
                FitContext.unsupervised());
        FeatureMatrix m = fit.training();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(m, new double[] {0, 2}, LogisticOptions.defaults(), null));
        assertTrue(e.getMessage().contains("label 1 is 2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(m, new double[] {0}, LogisticOptions.defaults(), null));
        assertThrows(IllegalArgumentException.class, () -> LogisticOptions.defaults().l2(-1));
    }
}
