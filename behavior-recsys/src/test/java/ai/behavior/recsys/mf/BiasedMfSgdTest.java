package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.eval.RatingBaseline;
import ai.behavior.split.Fold;
import ai.behavior.split.KFold;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasedMfSgdTest {
    private static final Interactions PLANTED = PlantedRatings.generate(300, 200, 3, 40, 0.1, 11);

    @Test
    void defaultsAreSurprisesSvdDefaults() {
        SgdOptions o = SgdOptions.defaults();
        assertEquals(100, o.factors());
        assertEquals(20, o.epochs());
        assertEquals(0.005, o.learningRate());
        assertEquals(0.005, o.biasLearningRate());
        assertEquals(0.02, o.regularization());
        assertEquals(0.02, o.biasRegularization());
        assertEquals(0.0, o.initMean());
        assertEquals(0.1, o.initStdDev());
        assertEquals("sgd", o.solver());
        SgdOptions all = o.withLearningRate(0.01).withRegularization(0.05);
        assertEquals(0.01, all.biasLearningRate(), "withLearningRate is lr_all");
        assertEquals(0.05, all.biasRegularization(), "withRegularization is reg_all");
    }

    /**
     * Two ratings with different users and items touch disjoint parameters, so the visiting order does not
     * matter and one epoch can be worked out by hand: mean 3, factors start at 0.1 (sd 0), Surprise's
     * learning rate 0.005 and regularisation 0.02.
     */
    @Test
    void oneEpochMatchesTheUpdateRuleWorkedByHand() {
        Interactions log = PlantedRatings.of("a", "x", 5, "b", "y", 1);
        BiasedMf m = BiasedMf.fitSgd(log, SgdOptions.defaults().withFactors(1).withEpochs(1).withInit(0.1, 0));
        int a = log.users().indexOf("a");
        int x = log.items().indexOf("x");
        // e = 5 - (3 + 0 + 0 + 0.1 * 0.1) = 1.99
        // b_u = b_i = 0 + 0.005 * (1.99 - 0.02 * 0) = 0.00995
        // p = q = 0.1 + 0.005 * (1.99 * 0.1 - 0.02 * 0.1) = 0.100985 (both from the old values)
        assertEquals(3.0, m.globalMean(), 1e-12);
        assertEquals(0.00995, m.userBias(a), 1e-7);
        assertEquals(0.00995, m.itemBias(x), 1e-7);
        assertEquals(0.100985, m.userFactors(a)[0], 1e-7);
        assertEquals(0.100985, m.itemFactors(x)[0], 1e-7);
        assertEquals(3.0 + 2 * 0.00995 + 0.100985 * 0.100985, m.predict("a", "x"), 1e-6);
        int b = log.users().indexOf("b");
        // e = 1 - 3.01 = -2.01: b = -0.01005; p = q = 0.1 + 0.005 * (-0.201 - 0.002) = 0.098985
        assertEquals(-0.01005, m.userBias(b), 1e-7);
        assertEquals(0.098985, m.userFactors(b)[0], 1e-7);
    }

    @Test
    void surpriseDefaultsLearnTheTasteOfATinyHandExample() {
        // Two camps: a, b, c love action (a1, a2) and dislike romance (r1, r2); d, e, f the other way.
        Interactions log = PlantedRatings.of(
                "a", "a1", 5, "a", "a2", 5, "a", "r1", 1,
                "b", "a1", 5, "b", "r1", 1, "b", "r2", 1,
                "c", "a2", 5, "c", "r2", 1, "c", "a1", 4,
                "d", "r1", 5, "d", "r2", 5, "d", "a1", 1,
                "e", "r1", 5, "e", "a1", 1, "e", "a2", 2,
                "f", "r2", 4, "f", "a2", 1, "f", "r1", 5);
        BiasedMf m = BiasedMf.fitSgd(log, SgdOptions.defaults().withEpochs(200));
        assertTrue(m.predict("b", "a2") > m.predict("b", "r2") + 0.5, "b likes action: " + m.predict("b", "a2"));
        assertTrue(m.predict("d", "a2") < m.predict("d", "r1") - 0.5, "d likes romance");
        assertEquals(new RatingRange(1, 5), m.clip());
        for (int u = 0; u < log.numUsers(); u++) {
            for (int i = 0; i < log.numItems(); i++) {
                assertTrue(m.predict(u, i) >= 1 && m.predict(u, i) <= 5);
            }
        }
    }

    @Test
    void plantedLowRankIsRecoveredFarBetterThanBiasesAlone() {
        Fold fold = KFold.byEvent(5, 3).apply(PLANTED).get(0);
        BiasedMf mf = BiasedMf.fitSgd(fold.train(), SgdOptions.defaults().withFactors(10).withEpochs(60)
                .withLearningRate(0.01).withRegularization(0.02));
        BiasedMf biasesOnly = BiasedMf.fitSgd(fold.train(), SgdOptions.defaults().withFactors(0).withEpochs(60)
                .withLearningRate(0.01));
        double mfRmse = PlantedRatings.rmse(mf, fold.test());
        double baseRmse = PlantedRatings.rmse(biasesOnly, fold.test());
        RatingBaseline surpriseBaseline = RatingBaseline.fit(fold.train(), RatingBaseline.Options.defaults());
        double sse = 0;
        for (int r = 0; r < fold.test().size(); r++) {
            double e = fold.test().value(r) - surpriseBaseline.predict(fold.test().user(r), fold.test().item(r));
            sse += e * e;
        }
        double surpriseRmse = Math.sqrt(sse / fold.test().size());
        assertTrue(baseRmse > 0.6 && surpriseRmse > 0.6, "biases cannot explain the factors: " + baseRmse);
        assertTrue(mfRmse < 0.5 * baseRmse, "mf " + mfRmse + " vs biases only " + baseRmse);
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        SgdOptions o = SgdOptions.defaults().withFactors(8).withEpochs(5);
        BiasedMf a = BiasedMf.fitSgd(PLANTED, o);
        BiasedMf b = BiasedMf.fitSgd(PLANTED, o);
        BiasedMf c = BiasedMf.fitSgd(PLANTED, o.withSeed(7));
        float[] sa = new float[PLANTED.numItems()];
        float[] sb = new float[PLANTED.numItems()];
        float[] sc = new float[PLANTED.numItems()];
        a.scoreAll(5, sa);
        b.scoreAll(5, sb);
        c.scoreAll(5, sc);
        assertArrayEquals(sa, sb);
        assertNotEquals(sa[0], sc[0]);
        BiasedMf u1 = BiasedMf.fitSgd(PLANTED, o.withOrder(SgdOptions.Order.USER_BY_USER));
        BiasedMf u2 = BiasedMf.fitSgd(PLANTED, o.withOrder(SgdOptions.Order.USER_BY_USER));
        assertEquals(u1.predict(3, 4), u2.predict(3, 4));
    }

    @Test
    void reportsEveryEpochWithTrainingRmse() {
        List<Progress> seen = new ArrayList<>();
        BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withFactors(5).withEpochs(4).withProgress(seen::add));
        assertEquals(4, seen.size());
        for (int e = 0; e < 4; e++) {
            assertEquals(e + 1, seen.get(e).done());
            assertEquals(4, seen.get(e).total());
            assertEquals("biased-mf sgd", seen.get(e).task());
        }
        assertTrue(seen.get(3).metrics().get("train_rmse") < seen.get(0).metrics().get("train_rmse"));
    }

    @Test
    void zeroFactorsFitBiasesOnly() {
        BiasedMf m = BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withFactors(0));
        assertEquals(0, m.factors());
        assertEquals(0, m.userFactors(0).length);
        assertEquals(m.globalMean() + m.userBias(2) + m.itemBias(3), m.score(2, 3), 1e-5);
    }
}
