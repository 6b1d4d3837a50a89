package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.linear.LogisticModel;
import ai.behavior.linear.LogisticOptions;
import ai.behavior.linear.LogisticRegression;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermutationImportanceTest {
    private static final FeatureSchema SCHEMA = new FeatureSchema(List.of(new FeatureSpec.Dense("x1"),
            new FeatureSpec.Dense("x2"), new FeatureSpec.Categorical("colour", 4)));

    /** n rows: x1, x2 standard normal, colour uniform in 1..3; y ~ Bernoulli(sigmoid(2 x1)). */
    private static Data data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FeatureMatrix x = new FeatureMatrix(SCHEMA, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double x1 = gaussian(random);
            x.denseBlock()[2 * i] = (float) x1;
            x.denseBlock()[2 * i + 1] = (float) gaussian(random);
            x.categoricalBlock()[i] = 1 + random.nextInt(3);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-2 * x1)) ? 1 : 0;
        }
        return new Data(x, y);
    }

    private record Data(FeatureMatrix x, double[] y) {
    }

    private static double gaussian(SplittableRandom r) { // Box-Muller
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void logisticModelNeedsX1Only() {
        Data train = data(3000, 1);
        Data test = data(2000, 2);
        LogisticModel model = LogisticRegression.fit(train.x(), train.y(), LogisticOptions.defaults(), null);
        ImportanceResult r = PermutationImportance.of(ImportanceMetric.auc()).withRepeats(5).withSeed(7)
                .compute(model::predict, test.x(), test.y());
        assertEquals("x1", r.features().get(0).feature());
        // AUC of a logistic signal with slope 2 is about 0.83; shuffling x1 leaves about 0.5
        assertTrue(r.get("x1").mean() > 0.25, r.toTable());
        assertTrue(Math.abs(r.get("x2").mean()) < 0.01, r.toTable());
        assertTrue(Math.abs(r.get("colour").mean()) < 0.01, r.toTable());
        assertTrue(r.baseline() > 0.78 && r.baseline() < 0.88, r.toTable());

        ImportanceResult loss = PermutationImportance.of(ImportanceMetric.logLoss())
                .compute(MatrixPredictor.perRow(model::predict), test.x(), test.y());
        assertEquals("x1", loss.features().get(0).feature());
        assertTrue(loss.get("x1").mean() > 0.1, loss.toTable()); // log-loss rises when x1 is shuffled
    }

    @Test
    void ignoredFeaturesScoreExactlyZeroAndTheInputIsUnchanged() {
        Data d = data(200, 3);
        float[] denseBefore = d.x().denseBlock().clone();
        int[] catsBefore = d.x().categoricalBlock().clone();
        MatrixPredictor onlyX1 = m -> {
            double[] p = new double[m.rows()];
            for (int i = 0; i < p.length; i++) {
                p[i] = m.dense(i, 0);
            }
            return p;
        };
        ImportanceResult r = PermutationImportance.of(ImportanceMetric.auc()).compute(onlyX1, d.x(), d.y());
        assertEquals(0.0, r.get("x2").mean());
        assertEquals(0.0, r.get("x2").sd());
        assertEquals(0.0, r.get("colour").mean());
        assertTrue(r.get("x1").mean() > 0.2, r.toTable());
        assertArrayEquals(denseBefore, d.x().denseBlock());
        assertArrayEquals(catsBefore, d.x().categoricalBlock());
    }

    @Test
    void twoRowsByHand() {
        // x1 = [0, 1], truth = [0, 1], prediction = x1, RMSE: baseline 0. A permutation of two rows is the
        // identity (RMSE 0, drop 0) or the swap (predictions [1, 0], RMSE 1, drop 1). With m the share of
        // swaps, the mean drop is m and the population sd sqrt(m (1 - m)).
        FeatureMatrix x = new FeatureMatrix(new FeatureSchema(List.of(new FeatureSpec.Dense("x1"))), 2);
        x.denseBlock()[1] = 1;
        MatrixPredictor identity = m -> new double[] {m.dense(0, 0), m.dense(1, 0)};
        ImportanceResult r = PermutationImportance.of(ImportanceMetric.rmse()).withRepeats(8).withSeed(11)
                .compute(identity, x, new double[] {0, 1});
        assertEquals(0.0, r.baseline());
        double[] drops = r.get("x1").drops();
        int swaps = 0;
        for (double drop : drops) {
            assertTrue(drop == 0.0 || drop == 1.0, "drop " + drop);
            swaps += (int) drop;
        }
        assertTrue(swaps > 0 && swaps < 8, "seed 11 gives both outcomes among 8 repeats: " + swaps);
        double m = swaps / 8.0;
        assertEquals(m, r.get("x1").mean(), 1e-12);
        assertEquals(Math.sqrt(m * (1 - m)), r.get("x1").sd(), 1e-12);
    }

    @Test
    void groupsShuffleTogetherAndSeedsReproduce() {
        Data d = data(300, 4);
        MatrixPredictor sum = m -> {
            double[] p = new double[m.rows()];
            for (int i = 0; i < p.length; i++) {
                p[i] = m.dense(i, 0) + m.dense(i, 1);
            }
            return p;
        };
        PermutationImportance pi = PermutationImportance.of(ImportanceMetric.auc()).withSeed(5)
                .withGroup("both", "x1", "x2");
        ImportanceResult a = pi.compute(sum, d.x(), d.y());
        assertEquals(List.of("both", "colour"), a.features().stream().map(FeatureImportance::feature).toList());
        assertEquals(a, pi.compute(sum, d.x(), d.y()));
        assertNotEquals(a.get("both"), pi.withSeed(6).compute(sum, d.x(), d.y()).get("both"));
        assertTrue(a.toTable().startsWith("permutation importance: AUC drop"), a.toTable());
    }

    @Test
    void badInputIsAClearError() {
        Data d = data(20, 5);
        MatrixPredictor zeros = m -> new double[m.rows()];
        PermutationImportance pi = PermutationImportance.of(ImportanceMetric.auc());
        assertThrows(IllegalArgumentException.class, () -> pi.compute(zeros, d.x(), new double[3]));
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> pi.compute(m -> new double[1], d.x(), d.y()));
        assertTrue(wrongLength.getMessage().contains("1 predictions for 20 rows"), wrongLength.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> pi.withGroup("g", "nope").compute(zeros, d.x(), d.y()));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> pi.withGroup("a", "x1").withGroup("b", "x1").compute(zeros, d.x(), d.y()));
        double[] notBinary = d.y().clone();
        notBinary[3] = 0.5;
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> pi.compute(zeros, d.x(), notBinary));
        assertTrue(label.getMessage().contains("truth[3] = 0.5"), label.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pi.withRepeats(0));
        FeatureMatrix one = new FeatureMatrix(SCHEMA, 1);
        assertThrows(IllegalArgumentException.class, () -> pi.compute(zeros, one, new double[] {1}));
    }
}
