package ai.behavior.recsys.bpr;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.recsys.als.EarlyStopping;
import ai.behavior.recsys.als.PlantedLog;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BprTest {
    private static final Interactions LOG = PlantedLog.generate(600, 400, 4, 25, 7);
    private static final SplitResult PARTS =
            new RandomSplit(Ratios.trainTest(0.8, 0.2), RandomSplit.Scope.PER_USER, 1).apply(LOG);
    private static final UserItemMatrix TRAIN = UserItemMatrix.of(PARTS.train(), Weighting.counts());
    private static final Popularity POP = Popularity.fit(PARTS.train(), Popularity.Options.defaults());
    private static final Bpr.Options ONE_THREAD = Bpr.Options.defaults().withFactors(16).withThreads(1);
    private static final Bpr MODEL = Bpr.fit(TRAIN, ONE_THREAD);

    @Test
    void recoversPlantedStructureFarAbovePopularity() {
        double bpr = PlantedLog.ndcg(MODEL, TRAIN, PARTS.test(), POP, 10);
        double base = PlantedLog.ndcg(POP, TRAIN, PARTS.test(), POP, 10);
        assertTrue(bpr > 1.5 * base && bpr > base + 0.05, "BPR NDCG@10 " + bpr + " vs popularity " + base);
    }

    @Test
    void lossFallsAndAccuracyRises() {
        List<Progress> updates = new ArrayList<>();
        Bpr.fit(TRAIN, ONE_THREAD.withEpochs(10).withProgress(updates::add));
        assertEquals(10, updates.size());
        assertEquals("bpr", updates.get(0).task());
        Map<String, Double> first = updates.get(0).metrics();
        Map<String, Double> last = updates.get(9).metrics();
        assertTrue(last.get("loss") < 0.8 * first.get("loss"), first + " -> " + last);
        assertTrue(last.get("accuracy") > first.get("accuracy"), first + " -> " + last);
        assertTrue(first.get("loss") < Math.log(2) + 0.01, "starts near ln 2: " + first);
    }

    @Test
    void singleThreadedRunsAreExactlyReproducible() {
        Bpr again = Bpr.fit(TRAIN, ONE_THREAD);
        assertArrayEquals(MODEL.factors().userRows(), again.factors().userRows());
        assertArrayEquals(MODEL.factors().itemRows(), again.factors().itemRows());
        assertArrayEquals(MODEL.factors().itemBiases(), again.factors().itemBiases());
        Bpr other = Bpr.fit(TRAIN, ONE_THREAD.withSeed(7));
        assertFalse(java.util.Arrays.equals(MODEL.factors().itemRows(), other.factors().itemRows()));
    }

    @Test
    void hogwildRunsOnTwoThreadsLearnAsWell() {
        Bpr two = Bpr.fit(TRAIN, ONE_THREAD.withThreads(2));
        double one = PlantedLog.ndcg(MODEL, TRAIN, PARTS.test(), POP, 10);
        double hog = PlantedLog.ndcg(two, TRAIN, PARTS.test(), POP, 10);
        assertEquals(one, hog, 0.05, "one thread " + one + ", two threads " + hog);
    }

    @Test
    void scoresIncludeTheItemBias() {
        float[] all = new float[TRAIN.numCols()];
        MODEL.scoreAll(2, all);
        float[] u = MODEL.factors().userVector(2);
        for (int i = 0; i < all.length; i += 37) {
            double want = MODEL.factors().itemBias(i);
            float[] y = MODEL.factors().itemVector(i);
            for (int k = 0; k < u.length; k++) {
                want += (double) u[k] * y[k];
            }
            assertEquals(want, all[i], 1e-4);
            assertEquals(all[i], MODEL.score(2, i));
        }
        assertTrue(MODEL.factors().hasItemBias());
        assertEquals(30, MODEL.epochsRun());
    }

    @Test
    void similarItemsByCosine() {
        List<Recommendations.Item> like = MODEL.similarItems("i9", 6);
        assertEquals(6, like.size());
        like.forEach(i -> assertNotEquals(9, i.index()));
        for (int j = 1; j < like.size(); j++) {
            assertTrue(like.get(j).score() <= like.get(j - 1).score());
        }
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItems(9, 0));
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItems("nope", 2));
    }

    @Test
    void usersWithoutInteractionsAreUnknownAndFallBack() {
        InteractionsBuilder b = Interactions.builder();
        for (int r = 0; r < PARTS.train().size(); r++) {
            Interactions t = PARTS.train();
            b.add(t.users().id(t.user(r)), t.items().id(t.item(r)), EventType.RATING, t.timestamp(r), t.value(r));
        }
        b.add("ghost", "i1", EventType.VIEW, 0L, 1f);
        Interactions log = b.build();
        Weighting ratingsOnly = Weighting.byType(Map.of(EventType.RATING, 1f));
        Bpr m = Bpr.fit(log, ONE_THREAD.withEpochs(2).withWeighting(ratingsOnly));
        int ghost = log.users().indexOf("ghost");
        assertFalse(m.knowsUser(ghost));
        assertArrayEquals(new float[16], m.factors().userVector(ghost));
        Recommender rec = new Recommender(m, UserItemMatrix.of(log, ratingsOnly), Popularity.fit(log,
                Popularity.Options.defaults()));
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, rec.recommend("ghost", 3).source());
    }

    @Test
    void samplesThatFindNoNegativeAreSkippedAndCounted() {
        Interactions log = Interactions.builder()
                .add("all", "a", EventType.VIEW, 0L, 1f).add("all", "b", EventType.VIEW, 0L, 1f)
                .add("one", "a", EventType.VIEW, 0L, 1f).build();
        List<Progress> updates = new ArrayList<>();
        Bpr.fit(log, ONE_THREAD.withEpochs(1).withSamplesPerEpoch(300).withProgress(updates::add));
        double skipped = updates.get(0).metrics().get("skipped");
        assertTrue(skipped > 100 && skipped < 300, "user 'all' has every item: " + skipped);
        Interactions hopeless = Interactions.builder()
                .add("all", "a", EventType.VIEW, 0L, 1f).add("all", "b", EventType.VIEW, 0L, 1f).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bpr.fit(hopeless, ONE_THREAD));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void badTrainingDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Bpr.fit(Interactions.builder().build(), ONE_THREAD));
        IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
                () -> Bpr.fit(LOG, ONE_THREAD.withWeighting(Weighting.byType(Map.of(EventType.CART, 1f)))));
        assertTrue(nothing.getMessage().contains("empty matrix"), nothing.getMessage());
        Interactions single = Interactions.builder().add("u", "only", EventType.VIEW, 0L, 1f).build();
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Bpr.fit(single, ONE_THREAD));
        assertTrue(one.getMessage().contains("2 items"), one.getMessage());
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        Bpr.Options d = Bpr.Options.defaults();
        assertEquals(64, d.factors());
        assertEquals(0, d.samplesPerEpoch());
        assertMessage("learningRate", () -> d.withLearningRate(Double.NaN));
        assertMessage("learningRate", () -> d.withLearningRate(0));
        assertMessage("regularization", () -> d.withRegularization(-1));
        assertMessage("regularization", () -> d.withRegularization(Double.POSITIVE_INFINITY));
        assertMessage("factors", () -> d.withFactors(0));
        assertMessage("epochs", () -> d.withEpochs(0));
        assertMessage("samplesPerEpoch", () -> d.withSamplesPerEpoch(-1));
        assertMessage("threads", () -> d.withThreads(0));
        assertMessage("weighting", () -> d.withWeighting(null));
        assertMessage("progress", () -> d.withProgress(null));
    }

    private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(word), x.getMessage());
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        SplitResult three = new RandomSplit(Ratios.of(0.7, 0.15, 0.15), RandomSplit.Scope.PER_USER, 3).apply(LOG);
        UserItemMatrix train = UserItemMatrix.of(three.train(), Weighting.counts());
        List<Double> ndcg = new ArrayList<>();
        Bpr m = Bpr.fit(train, ONE_THREAD.withEpochs(60).withLearningRate(0.2).withRegularization(0)
                .withEarlyStopping(EarlyStopping.of(three.validation(), 10).withPatience(3))
                .withProgress(p -> ndcg.add(p.metrics().get("ndcg@10"))));
        assertEquals(m.epochsRun(), ndcg.size());
        int best = 0;
        for (int i = 1; i < ndcg.size(); i++) {
            if (ndcg.get(i) > ndcg.get(best)) {
                best = i;
            }
        }
        assertEquals(best + 1, m.bestEpoch(), ndcg.toString());
        assertTrue(m.epochsRun() < 60, "stopped early: " + ndcg);
    }
}
