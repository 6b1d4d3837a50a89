package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.metric.RegressionMetrics;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.Planted;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.feature.Padding;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpTest {
    private static final Planted TRAIN = Planted.binary(20_000, 1);
    private static final Planted VALID = Planted.binary(4_000, 2);
    private static final Planted TEST = Planted.binary(10_000, 3);

    static MlpOptions quick(MlpTask task) {
        return new MlpOptions(task, List.of(32, 16), 0.0, MlpNorm.NONE, 16, TrainingOptions.defaults()
                .withEpochs(8).withBatchSize(256).withLearningRate(3e-3).withDevice(DevicePolicy.CPU));
    }

    private static double auc(Planted data, double[] p) {
        return RocAuc.of(data.truthInts(), p);
    }

    @Test
    void embeddingSizesFollowTheDocumentedRule() {
        // min(max, round(1.6 * c^0.56)): 1 -> round(1.6) = 2; 10 -> round(5.81) = 6; 100 -> round(21.09) = 21
        assertEquals(2, MlpArchitecture.embeddingDim(1, 16));
        assertEquals(6, MlpArchitecture.embeddingDim(10, 16));
        assertEquals(21, MlpArchitecture.embeddingDim(100, 50));
        assertEquals(16, MlpArchitecture.embeddingDim(100, 16));
        assertEquals(1, MlpArchitecture.embeddingDim(1000, 1));
        MlpArchitecture a = MlpArchitecture.of(Planted.SCHEMA, MlpOptions.binary());
        // cardinality 5: round(1.6 * 5^0.56) = round(3.94) = 4; input width = 2 dense + 4
        assertEquals(List.of(4), a.embeddingDims());
        assertEquals(6, a.inputWidth());
    }

    @Test
    void binaryMlpApproachesThePlantedOptimum() {
        try (MlpModel m = Mlp.fit(TRAIN.matrix(), TRAIN.labels(), VALID.matrix(), VALID.labels(),
                quick(MlpTask.BINARY), null)) {
            double[] p = m.predict(TEST.matrix());
            double model = auc(TEST, p);
            double oracle = auc(TEST, TEST.truth()); // the planted probabilities: the best any model can do
            TrainingResult r = m.training().orElseThrow();
            System.out.printf(Locale.ROOT, "planted binary: test AUC %.4f, oracle %.4f, training %.0f rows/s, "
                    + "kept epoch %d of %d%n", model, oracle, r.rowsPerSecond(), r.bestEpoch(), r.epochs().size());
            assertTrue(model > oracle - 0.01, "AUC " + model + " vs oracle " + oracle);
            assertEquals("val_auc", r.metricName());
            for (double x : p) {
                assertTrue(x > 0 && x < 1, "probability " + x);
            }
            // calibrated on average: mean prediction within 0.02 of the label rate
            double mean = java.util.Arrays.stream(p).average().orElseThrow();
            double rate = java.util.Arrays.stream(TEST.labels()).average().orElseThrow();
            assertEquals(rate, mean, 0.02);
        }
    }

    @Test
    void regressionMlpReachesTheNoiseFloorInLabelUnits() {
        Planted train = Planted.regression(20_000, 4);
        Planted valid = Planted.regression(4_000, 5);
        Planted test = Planted.regression(5_000, 6);
        try (MlpModel m = Mlp.fit(train.matrix(), train.labels(), valid.matrix(), valid.labels(),
                quick(MlpTask.REGRESSION), null)) {
            double rmse = RegressionMetrics.rmse(test.labels(), m.predict(test.matrix()));
            // the noise sd is 0.5, so 0.5 is the floor; the labels' own sd is about 2.7
            System.out.printf(Locale.ROOT, "planted regression: test RMSE %.4f (floor 0.5)%n", rmse);
            assertTrue(rmse < 0.6, "RMSE " + rmse);
            assertEquals("val_rmse", m.training().orElseThrow().metricName());
            assertTrue(m.labelScale() > 2 && m.labelScale() < 3.5, "label sd " + m.labelScale());
        }
    }

    @Test
    void batchNormLayerNormAndDropoutVariantsTrain() {
        Planted train = Planted.binary(8_000, 7);
        double oracle = auc(TEST, TEST.truth());
        MlpOptions base = quick(MlpTask.BINARY);
        for (MlpOptions o : new MlpOptions[] {base.withNorm(MlpNorm.BATCH).withDropout(0.1),
                base.withNorm(MlpNorm.LAYER)}) {
            try (MlpModel m = Mlp.fit(train.matrix(), train.labels(), o, null)) {
                double a = auc(TEST, m.predict(TEST.matrix()));
                assertTrue(a > oracle - 0.02, o.norm() + ": AUC " + a + " vs oracle " + oracle);
            }
        }
    }

    @Test
    void withoutHiddenLayersItIsLogisticRegression() {
        // No hidden layer: a linear model over the dense columns and the embedding, which can express exactly what
        // a one-hot logistic regression can. The core's L-BFGS logistic regression is the reference.
        Planted train = Planted.binary(8_000, 7);
        LogisticModel reference = LogisticRegression.fit(train.matrix(), train.labels(), LogisticOptions.defaults(),
                null);
        double expected = auc(TEST, reference.predict(TEST.matrix()));
        MlpOptions linear = quick(MlpTask.BINARY).withHidden().withTraining(quick(MlpTask.BINARY).training()
                .withEpochs(15).withLearningRate(2e-2));
        try (MlpModel m = Mlp.fit(train.matrix(), train.labels(), linear, null)) {
            double a = auc(TEST, m.predict(TEST.matrix()));
            assertEquals(expected, a, 0.005, "linear MLP AUC vs logistic regression");
        }
    }

    @Test
    void denseOnlyAndCategoricalOnlyInputsWork() {
        FeatureSchema denseOnly = new FeatureSchema(List.of(new FeatureSpec.Dense("x")));
        FeatureSchema catOnly = new FeatureSchema(List.of(new FeatureSpec.Categorical("c", 3)));
        int n = 400;
        FeatureMatrix d = new FeatureMatrix(denseOnly, n);
        FeatureMatrix c = new FeatureMatrix(catOnly, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;                                   // label = parity
            d.denseBlock()[i] = (float) (y[i] * 2 - 1);     // x = +-1 separates perfectly
            c.categoricalBlock()[i] = 1 + (int) y[i];       // index 1 or 2 separates perfectly
        }
        MlpOptions o = quick(MlpTask.BINARY).withTraining(quick(MlpTask.BINARY).training().withEpochs(30)
                .withBatchSize(64).withLearningRate(1e-2));
        try (MlpModel m = Mlp.fit(d, y, o, null)) {
            assertEquals(1.0, RocAuc.of(toInts(y), m.predict(d)), 0);
        }
        try (MlpModel m = Mlp.fit(c, y, o, null)) {
            double[] p = m.predict(c);
            assertEquals(1.0, RocAuc.of(toInts(y), p), 0);
            assertTrue(p[1] > 0.9 && p[0] < 0.1, p[0] + " " + p[1]);
        }
    }

    @Test
    void badInputsFailNamingColumnRowAndValue() {
        MlpOptions o = quick(MlpTask.BINARY);
        FeatureMatrix m = Planted.binary(10, 9).matrix();
        double[] y = Planted.binary(10, 9).labels();
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(m, new double[9], o, null));
        assertTrue(e.getMessage().contains("9 labels for 10 rows"), e.getMessage());
        double[] twos = y.clone();
        twos[3] = 2;
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(m, twos, o, null));
        assertTrue(e.getMessage().contains("label 3 is 2.0"), e.getMessage());
        double[] nan = y.clone();
        nan[4] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(m, nan, o.withTask(MlpTask.REGRESSION), null));
        assertTrue(e.getMessage().contains("label 4 is NaN"), e.getMessage());

        FeatureMatrix badDense = Planted.binary(10, 9).matrix();
        badDense.denseBlock()[2 * 6 + 1] = Float.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(badDense, y, o, null));
        assertTrue(e.getMessage().contains("'x2' is Infinity at row 6"), e.getMessage());

        FeatureMatrix badIndex = Planted.binary(10, 9).matrix();
        badIndex.categoricalBlock()[5] = 5;
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(badIndex, y, o, null));
        assertTrue(e.getMessage().contains("'c' is 5 at row 5") && e.getMessage().contains("[0, 5)"), e.getMessage());

        FeatureMatrix empty = new FeatureMatrix(Planted.SCHEMA, 0);
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(empty, new double[0], o, null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());

        double[] oneClass = new double[10];
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(m, y, m, oneClass, o, null));
        assertTrue(e.getMessage().contains("only class 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.fit(m, y, m, null, o, null));
        assertTrue(e.getMessage().contains("together"), e.getMessage());

        FeatureSchema withSequence = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Sequence("recent", 10, 5, Padding.LEFT)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.fit(new FeatureMatrix(withSequence, 4), new double[] {0, 1, 0, 1}, o, null));
        assertTrue(e.getMessage().contains("sequence feature 'recent'"), e.getMessage());

        FeatureSchema other = new FeatureSchema(List.of(new FeatureSpec.Dense("x1"), new FeatureSpec.Dense("x2"),
                new FeatureSpec.Categorical("c", 6)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.fit(m, y, new FeatureMatrix(other, 10), y, o, null));
        assertTrue(e.getMessage().contains("validation") && e.getMessage().contains("cardinality=6"), e.getMessage());
    }

    @Test
    void predictionChecksItsInputAndTheModelsLifetime() {
        Planted small = Planted.binary(600, 10);
        MlpModel m = Mlp.fit(small.matrix(), small.labels(), quick(MlpTask.BINARY), null);
        FeatureSchema other = new FeatureSchema(List.of(new FeatureSpec.Dense("x1"), new FeatureSpec.Dense("z"),
                new FeatureSpec.Categorical("c", 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.predict(new FeatureMatrix(other, 3)));
        assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("x2"), e.getMessage());
        FeatureMatrix bad = Planted.binary(3, 11).matrix();
        bad.categoricalBlock()[2] = -1;
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(bad));
        assertTrue(e.getMessage().contains("'c' is -1 at row 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> m.predict(ai.behavior.feature.FeatureFrame.builder(1).build()));
        // row ranges and the out array
        double[] all = m.predict(small.matrix());
        double[] part = new double[5];
        m.newPredictor().predict(small.matrix(), 100, 105, part, 0);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 100, 105), part);
        assertEquals(0, m.predict(new FeatureMatrix(Planted.SCHEMA, 0)).length);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.predict(small.matrix()));
    }

    @Test
    void optionsRoundTripAsJsonAndRejectBadValues() {
        MlpOptions o = MlpOptions.regression().withHidden(7, 3).withNorm(MlpNorm.LAYER).withDropout(0.25)
                .withMaxEmbeddingDim(9);
        assertEquals(o, MlpOptions.fromJson(o.toJson()));
        assertThrows(IllegalArgumentException.class, () -> o.withDropout(1));
        assertThrows(IllegalArgumentException.class, () -> o.withHidden(4, 0));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxEmbeddingDim(0));
    }

    static int[] toInts(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }
}
