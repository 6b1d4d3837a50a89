package ai.behavior.recsys.mf;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prediction conventions (clipping, fallbacks) and every rejected input. */
class BiasedMfInputTest {
    private static final Interactions PLANTED = PlantedRatings.generate(60, 40, 2, 15, 0.1, 21);

    private static Interactions withColdUserAndItem() {
        InteractionsBuilder b = Interactions.builder();
        long t = 1_700_000_000_000L;
        b.add("a", "x", EventType.RATING, t, 5f);
        b.add("a", "y", EventType.RATING, t + 1, 3f);
        b.add("b", "x", EventType.RATING, t + 2, 4f);
        b.add("b", "y", EventType.RATING, t + 3, 1f);
        b.add("b", "y", EventType.RATING, t + 4, 2f); // re-rating: the latest wins
        b.add("cold", "x", EventType.VIEW, t + 5, 0f); // a user in the index without ratings
        b.add("a", "new", EventType.VIEW, t + 6, 0f);  // an item in the index without ratings
        return b.build();
    }

    @Test
    void unknownUserOrItemFallsBackToMeanPlusTheKnownBias() {
        Interactions log = withColdUserAndItem();
        for (BiasedMf m : new BiasedMf[] {
                BiasedMf.fitSgd(log, SgdOptions.defaults().withFactors(3).withEpochs(30)),
                BiasedMf.fitAls(log, AlsOptions.defaults().withFactors(3))}) {
            assertEquals(3.5, m.globalMean(), 1e-12, "mean of 5, 3, 4, 2 (the re-rating replaced 1)");
            int cold = log.users().indexOf("cold");
            int neu = log.items().indexOf("new");
            int a = log.users().indexOf("a");
            int x = log.items().indexOf("x");
            assertFalse(m.knowsUser(cold));
            assertFalse(m.knowsItem(neu));
            assertTrue(m.knowsUser(a));
            assertEquals(0, m.userRatingCount(cold));
            assertEquals(2, m.itemRatingCount(x));
            assertEquals(m.clip().clip(m.globalMean() + m.itemBias(x)), m.predict("cold", "x"), 1e-6);
            assertEquals(m.clip().clip(m.globalMean() + m.userBias(a)), m.predict("a", "new"), 1e-6);
            assertEquals(m.globalMean(), m.predict("cold", "new"), 1e-6);
            assertEquals(0, m.userBias(cold));
            assertEquals(0f, m.userFactors(cold)[0]);
        }
    }

    @Test
    void idsOutsideTheIndexAreRejectedByName() {
        BiasedMf m = BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withFactors(2).withEpochs(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict("nobody", "i1"));
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.predict("u1", "no-such-item"));
        assertTrue(e.getMessage().contains("'no-such-item'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.predict(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> m.predict(0, PLANTED.numItems()));
        assertThrows(IllegalArgumentException.class, () -> m.scoreAll(0, new float[3]));
    }

    @Test
    void predictionsAreClippedButRankingScoresAreNot() {
        // c rates y 2 stars above the others, who rate x 2 stars above y: a bias model predicts 7 for (c, x).
        Interactions log = PlantedRatings.of("a", "x", 5, "a", "y", 3, "b", "x", 5, "b", "y", 3, "b", "z", 1,
                "c", "y", 5);
        BiasedMf m = BiasedMf.fitSgd(log, SgdOptions.defaults().withFactors(0).withEpochs(200)
                .withLearningRate(0.05).withRegularization(0));
        assertEquals(new RatingRange(1, 5), m.clip(), "clip range taken from the training ratings");
        int c = log.users().indexOf("c");
        int x = log.items().indexOf("x");
        assertTrue(m.score(c, x) > 5, "raw score " + m.score(c, x));
        assertEquals(5.0, m.predict(c, x));
        BiasedMf narrow = BiasedMf.fitSgd(log, SgdOptions.defaults().withFactors(2).withClip(2, 4));
        for (int u = 0; u < log.numUsers(); u++) {
            for (int i = 0; i < log.numItems(); i++) {
                assertTrue(narrow.predict(u, i) >= 2 && narrow.predict(u, i) <= 4);
            }
        }
        BiasedMf scaled = BiasedMf.fitAls(log, AlsOptions.defaults().withRatingScale(0, 10));
        assertEquals(new RatingRange(0, 10), scaled.clip(), "the declared scale is the default clip range");
    }

    @Test
    void ratingOutsideTheDeclaredScaleNamesUserItemAndValue() {
        Interactions log = PlantedRatings.of("u1", "i1", 4, "u9", "i3", 6, "u2", "i1", 2);
        for (Executable fit : new Executable[] {
                () -> BiasedMf.fitSgd(log, SgdOptions.defaults().withRatingScale(1, 5)),
                () -> BiasedMf.fitAls(log, AlsOptions.defaults().withRatingScale(1, 5))}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
            assertTrue(e.getMessage().contains("'u9'") && e.getMessage().contains("'i3'")
                    && e.getMessage().contains("6.0") && e.getMessage().contains("[1.0, 5.0]"), e.getMessage());
        }
        BiasedMf off = BiasedMf.fitSgd(log, SgdOptions.defaults().withRatingScale(1, 5).withoutRatingScale());
        assertEquals(new RatingRange(2, 6), off.clip(), "no scale declared: the data's range");
    }

    @Test
    void trainingDataWithoutRatingsIsAnError() {
        Interactions empty = Interactions.builder().build();
        assertThrows(IllegalArgumentException.class, () -> BiasedMf.fitSgd(empty, SgdOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> BiasedMf.fitAls(empty, AlsOptions.defaults()));
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "i", EventType.VIEW, 1L, 3f);
        Interactions viewsOnly = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasedMf.fitSgd(viewsOnly, SgdOptions.defaults()));
        assertTrue(e.getMessage().contains("rating"), e.getMessage());
    }

    @Test
    void badOptionsAreRejected() {
        SgdOptions s = SgdOptions.defaults();
        AlsOptions a = AlsOptions.defaults();
        Executable[] bad = {
            () -> s.withLearningRate(Double.NaN), () -> s.withLearningRate(0), () -> s.withLearningRate(-0.1),
            () -> s.withLearningRate(Double.POSITIVE_INFINITY), () -> s.withBiasLearningRate(0),
            () -> s.withRegularization(-1), () -> s.withRegularization(Double.NaN),
            () -> s.withBiasRegularization(Double.POSITIVE_INFINITY), () -> s.withFactors(-1), () -> s.withEpochs(0),
            () -> s.withInit(Double.NaN, 0.1), () -> s.withInit(0, -0.1), () -> s.withOrder(null),
            () -> s.withProgress(null), () -> s.withClip(5, 1), () -> s.withClip(Double.NaN, 5),
            () -> s.withRatingScale(1, Double.POSITIVE_INFINITY), () -> s.withEarlyStopping(PLANTED, 0),
            () -> a.withRegularization(0), () -> a.withRegularization(Double.NaN), () -> a.withBiasRegularization(-1),
            () -> a.withFactors(-2), () -> a.withEpochs(-1), () -> a.withInitStdDev(Double.NaN),
            () -> a.withEarlyStopping(Interactions.builder().build(), 2)};
        for (Executable e : bad) {
            assertThrows(IllegalArgumentException.class, e);
        }
        assertEquals(0.0, s.withRegularization(0).regularization(), "no regularisation is allowed for SGD");
    }

    @Test
    void validationLogMustShareTheTrainingIds() {
        Interactions other = PlantedRatings.of("x", "y", 3);
        assertThrows(IllegalArgumentException.class,
                () -> BiasedMf.fitSgd(PLANTED, SgdOptions.defaults().withEarlyStopping(other, 2)));
    }
}
