package ai.behavior.recsys.als;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.split.RandomSplit;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplicitAlsTest {
    private static final Interactions LOG = PlantedLog.generate(600, 400, 4, 25, 7);
    private static final SplitResult PARTS =
            new RandomSplit(Ratios.trainTest(0.8, 0.2), RandomSplit.Scope.PER_USER, 1).apply(LOG);
    private static final UserItemMatrix TRAIN = UserItemMatrix.of(PARTS.train(), Weighting.counts());
    private static final ImplicitAls.Options SMALL =
            ImplicitAls.Options.defaults().withFactors(16).withIterations(10).withThreads(2);
    private static final ImplicitAls MODEL = ImplicitAls.fit(TRAIN, SMALL);

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += (double) a[k] * b[k];
            aa += (double) a[k] * a[k];
            bb += (double) b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void recoversPlantedStructureFarAbovePopularity() {
        Popularity pop = Popularity.fit(PARTS.train(), Popularity.Options.defaults());
        double als = PlantedLog.ndcg(MODEL, TRAIN, PARTS.test(), pop, 10);
        double base = PlantedLog.ndcg(pop, TRAIN, PARTS.test(), pop, 10);
        assertTrue(als > 1.5 * base && als > base + 0.05, "ALS NDCG@10 " + als + " vs popularity " + base);
    }

    @Test
    void lossDecreasesEveryIteration() {
        List<Double> losses = new ArrayList<>();
        List<Progress> updates = new ArrayList<>();
        ImplicitAls.fit(TRAIN, SMALL.withIterations(8).withProgress(p -> {
            updates.add(p);
            losses.add(p.metrics().get("loss"));
        }));
        assertEquals(8, updates.size());
        assertEquals("implicit-als", updates.get(0).task());
        assertEquals(8, updates.get(7).done());
        assertEquals(8, updates.get(7).total());
        for (int i = 0; i < updates.size(); i++) {
            assertEquals(i + 1, updates.get(i).done(), "updates arrive once per iteration, in order");
        }
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) <= losses.get(i - 1) * (1 + 1e-6), "loss rose at iteration " + (i + 1) + ": "
                    + losses);
        }
        assertTrue(losses.get(7) < losses.get(0), losses.toString());
    }

    @Test
    void aLossTakenFromTheNextHalfStepEqualsTheDirectlyEvaluatedOne() {
        // iteration 1's loss comes from iteration 2's user half-step in a 2-iteration fit, and from a separate
        // objective pass in a 1-iteration fit; both sum the same per-user terms in user order
        double[] fused = new double[1];
        double[] direct = new double[1];
        ImplicitAls.fit(TRAIN, SMALL.withIterations(2).withProgress(p -> {
            if (p.done() == 1) {
                fused[0] = p.metrics().get("loss");
            }
        }));
        ImplicitAls.fit(TRAIN, SMALL.withIterations(1).withProgress(p -> direct[0] = p.metrics().get("loss")));
        assertTrue(direct[0] > 0);
        assertEquals(Double.doubleToLongBits(direct[0]), Double.doubleToLongBits(fused[0]),
                direct[0] + " vs " + fused[0]);
    }

    @Test
    void sameSeedGivesTheSameModelAndAnotherSeedAnother() {
        ImplicitAls again = ImplicitAls.fit(TRAIN, SMALL);
        assertArrayEquals(MODEL.factors().userRows(), again.factors().userRows());
        assertArrayEquals(MODEL.factors().itemRows(), again.factors().itemRows());
        ImplicitAls other = ImplicitAls.fit(TRAIN, SMALL.withSeed(43));
        assertFalse(java.util.Arrays.equals(MODEL.factors().itemRows(), other.factors().itemRows()));
    }

    @Test
    void oneAndThreeThreadsGiveIdenticalFactors() {
        ImplicitAls one = ImplicitAls.fit(TRAIN, SMALL.withThreads(1));
        ImplicitAls three = ImplicitAls.fit(TRAIN, SMALL.withThreads(3));
        assertArrayEquals(one.factors().userRows(), MODEL.factors().userRows());
        assertArrayEquals(one.factors().itemRows(), three.factors().itemRows());
    }

    @Test
    void conjugateGradientReachesTheObjectiveOfExactSolves() {
        double[] last = new double[2];
        ImplicitAls.fit(TRAIN, SMALL.withProgress(p -> last[0] = p.metrics().get("loss")));
        ImplicitAls.fit(TRAIN, SMALL.withCgSteps(0).withProgress(p -> last[1] = p.metrics().get("loss")));
        assertEquals(last[1], last[0], 0.01 * last[1], "CG loss " + last[0] + " vs exact " + last[1]);
    }

    @Test
    void foldInOfATrainingUserPointsLikeItsTrainedFactorsAndRecommendsAlike() {
        int overlap = 0;
        int users = 0;
        for (int u = 0; u < 40; u++) {
            int n = TRAIN.rowLength(u);
            int[] items = new int[n];
            float[] values = new float[n];
            for (int p = 0; p < n; p++) {
                items[p] = TRAIN.col(TRAIN.rowStart(u) + p);
                values[p] = TRAIN.value(TRAIN.rowStart(u) + p);
            }
            FoldedUser f = MODEL.foldIn(items, values);
            assertArrayEquals(items, f.items());
            double cos = cosine(f.factors(), MODEL.factors().userVector(u));
            assertTrue(cos > 0.95, "user " + u + ": cosine " + cos);
            Set<String> folded = new HashSet<>();
            MODEL.recommend(f, 10).forEach(i -> folded.add(i.itemId()));
            Recommender rec = new Recommender(MODEL, TRAIN, Popularity.fit(PARTS.train(), Popularity.Options.defaults()));
            for (String id : rec.recommend("u" + u, 10).itemIds()) {
                overlap += folded.contains(id) ? 1 : 0;
            }
            users++;
        }
        assertTrue(overlap >= 8 * users, "mean top-10 overlap " + (double) overlap / users);
    }

    @Test
    void foldInByIdsSumsRepeatsAndMatchesIndices() {
        FoldedUser byIndex = MODEL.foldIn(new int[] {3, 7}, new float[] {2f, 1f});
        FoldedUser byId = MODEL.foldIn(Map.of("i3", 2f, "i7", 1f));
        assertEquals(byIndex, byId);
        FoldedUser repeated = MODEL.foldIn(new int[] {7, 3, 3}, new float[] {1f, 1f, 1f});
        assertEquals(byIndex, repeated);
        List<Recommendations.Item> top = MODEL.recommend(byIndex, 5);
        assertEquals(5, top.size());
        top.forEach(i -> assertTrue(i.index() != 3 && i.index() != 7, "folded-in items are excluded"));
    }

    @Test
    void foldInRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> MODEL.foldIn(new int[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> MODEL.foldIn(new int[] {1}, new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> MODEL.foldIn(new int[] {400}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MODEL.foldIn(new int[] {1}, new float[] {-1}));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> MODEL.foldIn(new int[] {1}, new float[] {Float.NaN}));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MODEL.foldIn(Map.of("nope", 1f)));
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
        FoldedUser f = MODEL.foldIn(new int[] {1}, new float[] {1});
        assertThrows(IllegalArgumentException.class, () -> MODEL.recommend(f, 0));
    }

    @Test
    void similarItemsAreRankedByCosineAndExcludeTheItemItself() {
        List<Recommendations.Item> like = MODEL.similarItems(5, 10);
        assertEquals(10, like.size());
        float previous = Float.POSITIVE_INFINITY;
        for (Recommendations.Item i : like) {
            assertNotEquals(5, i.index());
            assertTrue(i.score() <= previous && i.score() <= 1.0001f && i.score() >= -1.0001f, like.toString());
            previous = i.score();
            double cos = cosine(MODEL.factors().itemVector(5), MODEL.factors().itemVector(i.index()));
            assertEquals(cos, i.score(), 1e-4);
        }
        assertEquals(like, MODEL.similarItems("i5", 10));
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItems(5, 0));
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItems(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItems("nope", 3));
    }

    /** A log where user "ghost" and item "dust" only have events the weighting ignores. */
    private static Interactions withGhosts() {
        InteractionsBuilder b = Interactions.builder();
        for (int r = 0; r < LOG.size(); r++) {
            b.add(LOG.users().id(LOG.user(r)), LOG.items().id(LOG.item(r)), EventType.RATING, LOG.timestamp(r),
                    LOG.value(r));
        }
        b.add("ghost", "i1", EventType.VIEW, 0L, 1f);
        b.add("u1", "dust", EventType.VIEW, 0L, 1f);
        return b.build();
    }

    @Test
    void usersAndItemsWithoutInteractionsHaveZeroFactorsAndFallBack() {
        Interactions log = withGhosts();
        Weighting ratingsOnly = Weighting.byType(Map.of(EventType.RATING, 1f));
        ImplicitAls m = ImplicitAls.fit(log, SMALL.withWeighting(ratingsOnly).withIterations(3));
        int ghost = log.users().indexOf("ghost");
        int dust = log.items().indexOf("dust");
        assertFalse(m.knowsUser(ghost));
        assertFalse(m.knowsUser(-1));
        assertTrue(m.knowsUser(0));
        assertArrayEquals(new float[16], m.factors().userVector(ghost));
        assertArrayEquals(new float[16], m.factors().itemVector(dust));
        assertEquals(0, m.itemCount(dust));
        assertTrue(m.similarItems(dust, 5).isEmpty());
        m.similarItems(1, 500).forEach(i -> assertNotEquals(dust, i.index()));
        Recommender rec = new Recommender(m, UserItemMatrix.of(log, ratingsOnly),
                Popularity.fit(log, Popularity.Options.defaults()));
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, rec.recommend("ghost", 5).source());
        assertEquals(Recommendations.Source.MODEL, rec.recommend("u0", 5).source());
    }

    @Test
    void emptyOrNegativeTrainingDataIsRejected() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fit(Interactions.builder().build(), SMALL));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException nothingCounted = assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fit(LOG, SMALL.withWeighting(Weighting.byType(Map.of(EventType.PURCHASE, 1f)))));
        assertTrue(nothingCounted.getMessage().contains("empty matrix"), nothingCounted.getMessage());
        Interactions negative = Interactions.builder().add("u", "i", EventType.RATING, 0L, -2f)
                .add("u", "j", EventType.RATING, 0L, 1f).build();
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.fit(negative, SMALL.withWeighting(Weighting.ratings())));
        assertTrue(neg.getMessage().contains(">= 0") && neg.getMessage().contains("'i'"), neg.getMessage());
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        ImplicitAls.Options d = ImplicitAls.Options.defaults();
        assertEquals(64, d.factors());
        assertEquals(15, d.iterations());
        assertEquals(3, d.cgSteps());
        assertMessage("alpha", () -> d.withAlpha(Double.NaN));
        assertMessage("alpha", () -> d.withAlpha(-1));
        assertMessage("regularization", () -> d.withRegularization(Double.NaN));
        assertMessage("regularization", () -> d.withRegularization(0));
        assertMessage("factors", () -> d.withFactors(0));
        assertMessage("iterations", () -> d.withIterations(0));
        assertMessage("cgSteps", () -> d.withCgSteps(-1));
        assertMessage("threads", () -> d.withThreads(0));
        assertMessage("weighting", () -> d.withWeighting(null));
        assertMessage("progress", () -> d.withProgress(null));
    }

    private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(word), x.getMessage());
    }

    @Test
    void scoreAgreesWithScoreAllAndServesThroughTheRecommender() {
        float[] all = new float[TRAIN.numCols()];
        MODEL.scoreAll(3, all);
        for (int i = 0; i < all.length; i++) {
            assertEquals(all[i], MODEL.score(3, i));
        }
        Recommender rec = new Recommender(MODEL, TRAIN, Popularity.fit(PARTS.train(), Popularity.Options.defaults()));
        int[][] top = rec.recommendAll(10, ai.behavior.recsys.RecommendOptions.defaults(), 2);
        assertEquals(TRAIN.numRows(), top.length);
        for (int i : top[3]) {
            assertFalse(TRAIN.contains(3, i), "seen items are excluded");
        }
        assertEquals(10, MODEL.iterationsRun());
        assertEquals(10, MODEL.bestIteration());
    }
}
