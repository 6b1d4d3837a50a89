package ai.behavior.recsys.knn;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Similarities, scores and bad input of {@link ItemKnn} on a matrix small enough to check by hand. */
class ItemKnnTest {
    static final double EPS = 1e-6;

    /**
     * u0: a b; u1: a b c; u2: b c; u3: a d d (d twice, so x(u3,d) = 2); item e is in the index with no events.
     * Columns: a = (1,1,0,1), b = (1,1,1,0), c = (0,1,1,0), d = (0,0,0,2).
     */
    static Interactions tiny() {
        InteractionsBuilder b = Interactions.builder();
        long t = 1_000;
        add(b, "u0", "a", t++);
        add(b, "u0", "b", t++);
        add(b, "u1", "a", t++);
        add(b, "u1", "b", t++);
        add(b, "u1", "c", t++);
        add(b, "u2", "b", t++);
        add(b, "u2", "c", t++);
        add(b, "u3", "a", t++);
        add(b, "u3", "d", t++);
        add(b, "u3", "d", t);
        b.items().intern("e");
        return b.build();
    }

    private static void add(InteractionsBuilder b, String u, String i, long t) {
        b.add(u, i, EventType.VIEW, t, 1f);
    }

    static ItemKnn.Options one() {
        return ItemKnn.Options.defaults().withThreads(1);
    }

    static int item(Interactions log, String id) {
        return log.items().indexOf(id);
    }

    @Test
    void cosineIsTheDotOverTheNorms() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one());
        int a = item(log, "a");
        int b = item(log, "b");
        int c = item(log, "c");
        int d = item(log, "d");
        assertEquals(2 / 3.0, m.similarity(a, b), EPS);
        assertEquals(2 / 3.0, m.similarity(b, a), EPS);
        assertEquals(1 / Math.sqrt(6), m.similarity(a, c), EPS);
        assertEquals(2 / Math.sqrt(6), m.similarity(b, c), EPS);
        assertEquals(2 / (Math.sqrt(3) * 2), m.similarity(a, d), EPS);
        assertEquals(0f, m.similarity(b, d));
        assertEquals(0f, m.similarity(a, a), "an item is never its own neighbour");
    }

    @Test
    void shrinkageAddsToTheDenominator() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one().withShrink(1f));
        assertEquals(2 / (3.0 + 1), m.similarity(item(log, "a"), item(log, "b")), EPS);
        assertEquals(2 / (Math.sqrt(3) * 2 + 1), m.similarity(item(log, "a"), item(log, "d")), EPS);
    }

    @Test
    void dotProductIgnoresNormsAndShrink() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one().withSimilarity(Similarity.DOT_PRODUCT).withShrink(5f));
        assertEquals(2f, m.similarity(item(log, "a"), item(log, "b")), EPS);
        assertEquals(2f, m.similarity(item(log, "a"), item(log, "d")), EPS);
    }

    @Test
    void eachItemKeepsItsTopNeighbours() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one().withNeighbours(1));
        int a = item(log, "a");
        // a's candidates: b 0.667, d 0.577, c 0.408: only b is kept
        assertEquals(List.of(new Neighbour(item(log, "b"), "b", m.similarity(a, item(log, "b")))),
                m.similarItems(a, 5));
        assertEquals(0f, m.similarity(a, item(log, "d")));
        // d's only candidate is a
        assertEquals("a", m.similarItems("d", 3).get(0).itemId());
    }

    @Test
    void similarItemsAreBestFirstAndCutAtK() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one());
        List<Neighbour> nn = m.similarItems("a", 10);
        assertEquals(List.of("b", "d", "c"), nn.stream().map(Neighbour::itemId).toList());
        assertEquals(2, m.similarItems("a", 2).size());
        for (int t = 1; t < nn.size(); t++) {
            assertTrue(nn.get(t - 1).similarity() >= nn.get(t).similarity());
        }
    }

    @Test
    void tiesGoToTheLowerIndex() {
        InteractionsBuilder b = Interactions.builder();
        // x co-occurs equally with y and z (both cosine 1/sqrt2... identical columns)
        b.add("u0", "x", EventType.VIEW, 1, 1f).add("u0", "z", EventType.VIEW, 2, 1f)
                .add("u0", "y", EventType.VIEW, 3, 1f);
        Interactions log = b.build();
        ItemKnn m = ItemKnn.fit(log, one().withNeighbours(1));
        assertEquals("z", m.similarItems("x", 1).get(0).itemId(), "z has index 1, y index 2");
    }

    @Test
    void scoreSumsTheUsersValuesTimesTheirItemsSimilarities() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one());
        int u2 = log.users().indexOf("u2");
        int u3 = log.users().indexOf("u3");
        float[] scores = new float[log.numItems()];
        m.scoreAll(u2, scores);
        // u2 has b and c (value 1 each): score(a) = s_b(a) + s_c(a)
        assertEquals(2 / 3.0 + 1 / Math.sqrt(6), scores[item(log, "a")], EPS);
        assertEquals(0f, scores[item(log, "d")]);
        assertEquals(0f, scores[item(log, "e")]);
        // u3 has a (1) and d (2): score(b) = 1 * s_a(b) + 2 * s_d(b) = 2/3
        m.scoreAll(u3, scores);
        assertEquals(2 / 3.0, scores[item(log, "b")], EPS);
        assertEquals(1 / Math.sqrt(6), scores[item(log, "c")], EPS);
        // d's value 2 multiplies s_d(a)
        assertEquals(2 * (1 / Math.sqrt(3)), scores[item(log, "a")], EPS);
        for (int u = 0; u < log.numUsers(); u++) {
            m.scoreAll(u, scores);
            for (int i = 0; i < log.numItems(); i++) {
                assertEquals(scores[i], m.score(u, i), 1e-6f, "score(u,i) equals scoreAll");
            }
        }
    }

    @Test
    void anItemNobodyTouchedHasNoNeighboursAndIsNobodys() {
        Interactions log = tiny();
        ItemKnn m = ItemKnn.fit(log, one());
        int e = item(log, "e");
        assertTrue(m.similarItems(e, 5).isEmpty());
        for (int i = 0; i < log.numItems(); i++) {
            assertEquals(0f, m.similarity(i, e));
        }
        assertEquals(0f, m.score(0, e));
    }

    @Test
    void knowsOnlyUsersWithTrainingPairs() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "a", EventType.VIEW, 1, 1f).add("u0", "b", EventType.VIEW, 2, 1f);
        b.add("u1", "a", EventType.PURCHASE, 3, 9f); // ignored by the weighting below
        Interactions log = b.build();
        ItemKnn m = ItemKnn.fit(log, one().withWeighting(Weighting.byType(Map.of(EventType.VIEW, 1f))));
        assertTrue(m.knowsUser(0));
        assertFalse(m.knowsUser(1));
        assertFalse(m.knowsUser(-1));
        assertFalse(m.knowsUser(2));
        float[] out = {7f, 7f};
        m.scoreAll(1, out);
        assertArrayEquals(new float[] {0f, 0f}, out);
    }

    @Test
    void badInputIsRefusedClearly() {
        Interactions empty = Interactions.builder().build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ItemKnn.fit(empty, one()))
                .getMessage().contains("empty"));
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "a", EventType.VIEW, 1, 1f);
        Interactions views = b.build();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ItemKnn.fit(views,
                one().withWeighting(Weighting.byType(Map.of(EventType.PURCHASE, 1f)))));
        assertTrue(none.getMessage().contains("no event"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> one().withNeighbours(0));
        assertThrows(IllegalArgumentException.class, () -> one().withNeighbours(-3));
        assertThrows(IllegalArgumentException.class, () -> one().withShrink(-1f));
        assertThrows(IllegalArgumentException.class, () -> one().withShrink(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> one().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> Reweighting.bm25(-1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Reweighting.bm25(1.2, 1.5));
        ItemKnn m = ItemKnn.fit(tiny(), one());
        assertThrows(IllegalArgumentException.class, () -> m.similarItems(0, 0));
        assertThrows(IllegalArgumentException.class, () -> m.similarItems(99, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.similarItems("nope", 1)).getMessage()
                .contains("nope"));
    }

    @Test
    void negativeValuesAreRefusedByTfIdfAndBm25ButNotByPlainCosine() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "a", EventType.RATING, 1, -1f).add("u0", "b", EventType.RATING, 2, 2f)
                .add("u1", "a", EventType.RATING, 3, 1f).add("u1", "b", EventType.RATING, 4, 1f);
        Interactions log = b.build();
        ItemKnn.Options o = one().withWeighting(Weighting.ratings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ItemKnn.fit(log, o.withReweighting(Reweighting.tfIdf())));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ItemKnn.fit(log, o.withReweighting(Reweighting.bm25(1.2, .75))));
        ItemKnn plain = ItemKnn.fit(log, o);
        // a = (-1, 1), b = (2, 1): dot = -1 < 0, so they are not neighbours
        assertEquals(0f, plain.similarity(0, 1));
    }

    @Test
    void resultDoesNotDependOnThreads() {
        Interactions log = TestData.shop();
        ItemKnn.Options o = ItemKnn.Options.defaults().withNeighbours(20).withShrink(2f)
                .withReweighting(Reweighting.bm25(1.2, 0.75));
        ItemKnn single = ItemKnn.fit(log, o.withThreads(1));
        ItemKnn multi = ItemKnn.fit(log, o.withThreads(4));
        ItemKnn again = ItemKnn.fit(log, o.withThreads(4));
        for (ItemKnn other : List.of(multi, again)) {
            assertArrayEquals(single.neighbourMatrix().offsets(), other.neighbourMatrix().offsets());
            assertArrayEquals(single.neighbourMatrix().cols(), other.neighbourMatrix().cols());
            assertArrayEquals(single.neighbourMatrix().values(), other.neighbourMatrix().values());
        }
        assertTrue(single.numNeighbourPairs() > 0);
        for (int i = 0; i < log.numItems(); i++) {
            assertTrue(single.similarItems(i, 100).size() <= 20);
        }
    }

    @Test
    void progressReachesTheItemCount() {
        Interactions log = TestData.shop();
        List<Progress> seen = new ArrayList<>();
        ItemKnn.fit(log, ItemKnn.Options.defaults().withThreads(2).withProgress(seen::add));
        assertFalse(seen.isEmpty());
        Progress last = seen.get(seen.size() - 1);
        assertEquals(log.numItems(), last.done());
        assertEquals(log.numItems(), last.total());
        for (int t = 1; t < seen.size(); t++) {
            assertTrue(seen.get(t).done() > seen.get(t - 1).done());
        }
        assertTrue(seen.size() <= 101, "at most one update per percent");
    }

    @Test
    void describesItsOptions() {
        String d = ItemKnn.Options.defaults().withShrink(10f).withReweighting(Reweighting.bm25(1.2, 0.75)).describe();
        assertTrue(d.contains("neighbours=100") && d.contains("shrink=10.0") && d.contains("bm25(k1=1.2, b=0.75)"), d);
        assertTrue(ItemKnn.fit(tiny(), one()).toString().contains("5 items"));
    }
}
