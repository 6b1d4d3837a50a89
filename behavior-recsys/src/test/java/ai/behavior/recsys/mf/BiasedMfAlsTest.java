package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.split.Fold;
import ai.behavior.split.KFold;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasedMfAlsTest {
    private static final Interactions PLANTED = PlantedRatings.generate(300, 200, 3, 40, 0.1, 12);

    /**
     * The last half-step of an epoch sets every item's (b_i, q_i) to the exact minimiser given the users, so
     * the saved item parameters must equal a direct LU solve of that item's normal equations built from the
     * saved user parameters.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void itemStepEqualsADirectSolveOfTheNormalEquations(boolean weighted) {
        Interactions log = PlantedRatings.generate(7, 6, 2, 4, 0.3, 5);
        AlsOptions o = AlsOptions.defaults().withFactors(2).withEpochs(3).withRegularization(0.3)
                .withBiasRegularization(0.2).withWeightedRegularization(weighted);
        BiasedMf m = BiasedMf.fitAls(log, o);
        UserItemMatrix byItem = UserItemMatrix.of(log, Weighting.ratings()).transpose();
        int k = 2;
        for (int i = 0; i < log.numItems(); i++) {
            int n = byItem.rowLength(i);
            if (n == 0) {
                continue;
            }
            RealMatrix a = new Array2DRowRealMatrix(k + 1, k + 1);
            RealVector b = new ArrayRealVector(k + 1);
            for (int e = byItem.rowStart(i); e < byItem.rowEnd(i); e++) {
                int u = byItem.col(e);
                float[] pu = m.userFactors(u);
                double[] x = {1, pu[0], pu[1]};
                double target = byItem.value(e) - m.globalMean() - m.userBias(u);
                for (int r = 0; r <= k; r++) {
                    b.addToEntry(r, target * x[r]);
                    for (int c = 0; c <= k; c++) {
                        a.addToEntry(r, c, x[r] * x[c]);
                    }
                }
            }
            double s = weighted ? n : 1;
            a.addToEntry(0, 0, 0.2 * s);
            a.addToEntry(1, 1, 0.3 * s);
            a.addToEntry(2, 2, 0.3 * s);
            RealVector sol = new LUDecomposition(a).getSolver().solve(b);
            assertEquals(sol.getEntry(0), m.itemBias(i), 1e-5, "b_i of item " + i);
            assertEquals(sol.getEntry(1), m.itemFactors(i)[0], 1e-5, "q_i0 of item " + i);
            assertEquals(sol.getEntry(2), m.itemFactors(i)[1], 1e-5, "q_i1 of item " + i);
        }
    }

    @Test
    void objectiveNeverIncreases() {
        List<Progress> seen = new ArrayList<>();
        BiasedMf.fitAls(PLANTED, AlsOptions.defaults().withFactors(5).withEpochs(6).withProgress(seen::add));
        assertEquals(6, seen.size());
        for (int e = 1; e < seen.size(); e++) {
            double before = seen.get(e - 1).metrics().get("objective");
            double after = seen.get(e).metrics().get("objective");
            assertTrue(after <= before + 1e-9, "epoch " + (e + 1) + ": " + after + " > " + before);
            assertTrue(seen.get(e).metrics().containsKey("train_rmse"));
        }
        assertEquals("biased-mf als", seen.get(0).task());
    }

    @Test
    void plantedLowRankIsRecoveredFarBetterThanBiasesAlone() {
        Fold fold = KFold.byEvent(5, 4).apply(PLANTED).get(1);
        BiasedMf mf = BiasedMf.fitAls(fold.train(), AlsOptions.defaults().withFactors(3).withEpochs(10)
                .withRegularization(0.05));
        BiasedMf biasesOnly = BiasedMf.fitAls(fold.train(), AlsOptions.defaults().withFactors(0)
                .withRegularization(0.05));
        double mfRmse = PlantedRatings.rmse(mf, fold.test());
        double baseRmse = PlantedRatings.rmse(biasesOnly, fold.test());
        assertTrue(baseRmse > 0.6, "biases cannot explain the factors: " + baseRmse);
        assertTrue(mfRmse < 0.4 * baseRmse, "mf " + mfRmse + " vs biases only " + baseRmse);
    }

    @Test
    void biasesOnlyAlsHasTheClosedFormOfARidgeMean() {
        // One user, two items: with 0 factors and weighting off, each step is a ridge mean of residuals.
        Interactions log = PlantedRatings.of("a", "x", 4, "a", "y", 2);
        BiasedMf m = BiasedMf.fitAls(log, AlsOptions.defaults().withFactors(0).withEpochs(1)
                .withRegularization(1).withWeightedRegularization(false));
        // mean 3; user step with b_i = 0: b_u = (1 + -1) / (2 + 1) = 0; item steps: b_x = 1 / 2, b_y = -1 / 2
        assertEquals(0.0, m.userBias(0), 1e-7);
        assertEquals(0.5, m.itemBias(log.items().indexOf("x")), 1e-7);
        assertEquals(-0.5, m.itemBias(log.items().indexOf("y")), 1e-7);
        BiasedMf w = BiasedMf.fitAls(log, AlsOptions.defaults().withFactors(0).withEpochs(1)
                .withRegularization(1));
        // weighted: lambda scaled by the item's single rating, the same here; the user's by 2: still 0
        assertEquals(0.5, w.itemBias(log.items().indexOf("x")), 1e-7);
    }

    @Test
    void sameSeedSameModel() {
        AlsOptions o = AlsOptions.defaults().withFactors(4).withEpochs(3);
        BiasedMf a = BiasedMf.fitAls(PLANTED, o);
        BiasedMf b = BiasedMf.fitAls(PLANTED, o);
        for (int u = 0; u < 20; u++) {
            for (int i = 0; i < 20; i++) {
                assertEquals(a.predict(u, i), b.predict(u, i));
            }
        }
        assertTrue(a.predict(1, 1) != BiasedMf.fitAls(PLANTED, o.withSeed(9)).predict(1, 1));
    }

    @Test
    void choleskyAgreesWithLuOnRandomSpdSystems() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int n : new int[] {1, 2, 5, 11}) {
            double[][] g = new double[n][n];
            for (double[] row : g) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            RealMatrix gm = new Array2DRowRealMatrix(g);
            RealMatrix a = gm.multiply(gm.transpose());
            for (int j = 0; j < n; j++) {
                a.addToEntry(j, j, 0.5);
            }
            double[] b = new double[n];
            for (int j = 0; j < n; j++) {
                b[j] = random.nextGaussian();
            }
            double[] expected = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(b)).toArray();
            double[] flat = new double[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    flat[r * n + c] = a.getEntry(r, c);
                }
            }
            Cholesky.solve(flat, b, n);
            for (int j = 0; j < n; j++) {
                assertEquals(expected[j], b[j], 1e-9);
            }
        }
    }
}
