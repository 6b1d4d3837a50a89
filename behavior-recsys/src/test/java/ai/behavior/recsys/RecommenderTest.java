package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Recommender}: seen items, allow and deny lists, the fallback, k, and the batch path. */
class RecommenderTest {
    /**
     * Users u0, u1 (known to the model) and u2 (in the index, unknown to the model: it has only a CART
     * event). Items i0..i4. u0 saw i0 and i2; u1 saw i4; u2's cart holds i1. Popularity: i0 2, i2 1, i4 1, i1 1.
     */
    static final class Fixture {
        final Interactions log;
        final FixedScorer model;
        final Recommender rec;

        Fixture() {
            InteractionsBuilder b = Interactions.builder();
            b.add("u0", "i0", EventType.VIEW, 1, 1f).add("u0", "i2", EventType.VIEW, 2, 1f)
                    .add("u1", "i4", EventType.VIEW, 3, 1f).add("u1", "i0", EventType.VIEW, 4, 1f)
                    .add("u2", "i1", EventType.CART, 5, 1f);
            b.items().intern("i3");
            log = b.build();
            float[][] s = new float[3][];
            s[idx("u0")] = at(new float[] {0.9f, 0.5f, 0.8f, 0.1f, 0.7f});
            s[idx("u1")] = at(new float[] {0.2f, 0.4f, 0.4f, 0.6f, 0.95f});
            s[idx("u2")] = at(new float[] {9f, 9f, 9f, 9f, 9f}); // never used: u2 is unknown to the model
            boolean[] known = new boolean[3];
            known[idx("u0")] = true;
            known[idx("u1")] = true;
            model = new FixedScorer(log.users(), log.items(), s, known);
            rec = new Recommender(model, UserItemMatrix.of(log, Weighting.counts()),
                    Popularity.fit(log, Popularity.Options.defaults()));
        }

        int idx(String user) {
            return log.users().indexOf(user);
        }

        /** Scores given for items i0..i4, placed at their dense indices. */
        float[] at(float[] byName) {
            float[] out = new float[5];
            for (int k = 0; k < 5; k++) {
                out[log.items().indexOf("i" + k)] = byName[k];
            }
            return out;
        }
    }

    private final Fixture f = new Fixture();

    @Test
    void seenItemsAreExcludedByDefault() {
        Recommendations r = f.rec.recommend("u0", 10);
        assertEquals(List.of("i4", "i1", "i3"), r.itemIds());
        assertEquals(Recommendations.Source.MODEL, r.source());
        assertEquals("", r.reason());
        assertEquals(0.7f, r.items().get(0).score());
        assertEquals(f.log.items().indexOf("i4"), r.items().get(0).index());
    }

    @Test
    void seenItemsCanBeKept() {
        Recommendations r = f.rec.recommend("u0", 3, RecommendOptions.defaults().withExcludeSeen(false));
        assertEquals(List.of("i0", "i2", "i4"), r.itemIds());
    }

    @Test
    void allowAndDenyListsRestrictTheCandidates() {
        RecommendOptions allow = RecommendOptions.defaults().withAllowOnly(Set.of("i1", "i3", "i0"));
        assertEquals(List.of("i1", "i3"), f.rec.recommend("u0", 10, allow).itemIds(), "i0 is allowed but seen");
        RecommendOptions deny = RecommendOptions.defaults().withDeny(Set.of("i4"));
        assertEquals(List.of("i1", "i3"), f.rec.recommend("u0", 10, deny).itemIds());
        assertEquals(List.of("i3"), f.rec.recommend("u0", 10, allow.withDeny(Set.of("i1"))).itemIds());
        assertEquals(List.of(), f.rec.recommend("u0", 10, RecommendOptions.defaults().withAllowOnly(Set.of()))
                .itemIds());
    }

    @Test
    void unknownIdsInTheListsAreAClearError() {
        IllegalArgumentException allow = assertThrows(IllegalArgumentException.class, () -> f.rec.recommend("u0", 3,
                RecommendOptions.defaults().withAllowOnly(Set.of("i1", "ghost"))));
        assertTrue(allow.getMessage().contains("'ghost'") && allow.getMessage().contains("allow-list"),
                allow.getMessage());
        IllegalArgumentException deny = assertThrows(IllegalArgumentException.class, () -> f.rec.recommend(0, 3,
                RecommendOptions.defaults().withDeny(Set.of("phantom"))));
        assertTrue(deny.getMessage().contains("'phantom'") && deny.getMessage().contains("deny-list"),
                deny.getMessage());
    }

    @Test
    void anUnknownUserGetsPopularityWithTheReason() {
        Recommendations r = f.rec.recommend("stranger", 2);
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, r.source());
        assertTrue(r.reason().contains("'stranger'") && r.reason().contains("not in the training data"), r.reason());
        assertEquals(List.of("i0", "i2"), r.itemIds(),
                "i0 has 2 events; i2, i4 and i1 tie at 1 and i2 has the lowest index (ids are indexed as first seen)");
        assertEquals(2f, r.items().get(0).score());
    }

    @Test
    void aUserTheModelDoesNotKnowGetsPopularityMinusWhatTheySaw() {
        Recommendations r = f.rec.recommend("u2", 10);
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, r.source());
        assertTrue(r.reason().contains("'u2'") && r.reason().contains("no training interactions"), r.reason());
        assertTrue(!r.itemIds().contains("i1"), "u2's cart item counts as seen");
        assertEquals("i0", r.itemIds().get(0));
        int[] byIndex = f.rec.recommend(f.idx("u2"), 10, RecommendOptions.defaults());
        assertEquals(r.items().stream().map(Recommendations.Item::index).toList(),
                java.util.Arrays.stream(byIndex).boxed().toList());
    }

    @Test
    void kMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> f.rec.recommend("u0", 0));
        assertThrows(IllegalArgumentException.class, () -> f.rec.recommend("u0", -1, RecommendOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> f.rec.recommend(0, 0, RecommendOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> f.rec.recommendAll(0, RecommendOptions.defaults(), 1));
        assertThrows(IllegalArgumentException.class, () -> f.rec.recommendAll(3, RecommendOptions.defaults(), 0));
    }

    @Test
    void kBeyondTheCatalogueReturnsEveryCandidateBestFirst() {
        assertEquals(List.of("i4", "i1", "i3"), f.rec.recommend("u0", 1000).itemIds());
        assertEquals(5, f.rec.recommend("u1", Integer.MAX_VALUE, RecommendOptions.defaults().withExcludeSeen(false))
                .items().size());
    }

    @Test
    void recommendAllEqualsSingleCalls() {
        RecommendOptions[] options = {RecommendOptions.defaults(), RecommendOptions.defaults().withExcludeSeen(false),
                RecommendOptions.defaults().withDeny(Set.of("i3")).withAllowOnly(Set.of("i0", "i1", "i3", "i4"))};
        for (RecommendOptions o : options) {
            for (int threads : new int[] {1, 3}) {
                int[][] all = f.rec.recommendAll(2, o, threads);
                assertEquals(f.log.numUsers(), all.length);
                for (int u = 0; u < all.length; u++) {
                    assertArrayEquals(f.rec.recommend(u, 2, o), all[u]);
                    List<Integer> byId = f.rec.recommend(f.log.users().id(u), 2, o).items().stream()
                            .map(Recommendations.Item::index).toList();
                    assertEquals(byId, java.util.Arrays.stream(all[u]).boxed().toList());
                }
            }
        }
    }

    @Test
    void userIndicesOutsideTheModelFallBack() {
        int[] top = f.rec.recommend(99, 1, RecommendOptions.defaults());
        assertArrayEquals(new int[] {f.log.items().indexOf("i0")}, top);
        assertArrayEquals(top, f.rec.recommend(-1, 1, RecommendOptions.defaults()));
    }

    @Test
    void scoreUsesTheModelOrTheFallback() {
        assertEquals(0.7f, f.rec.score("u0", "i4"));
        assertEquals(2f, f.rec.score("stranger", "i0"));
        assertEquals(1f, f.rec.score("u2", "i1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.rec.score("u0", "nope"));
        assertTrue(e.getMessage().contains("'nope'"));
        assertEquals(f.model, f.rec.model());
    }

    @Test
    void theSeenMatrixAndFallbackMustHaveTheModelsIds() {
        Interactions sameIds = new Fixture().log; // other objects, same ids: a model loaded back from disk
        new Recommender(f.model, UserItemMatrix.of(sameIds, Weighting.counts()),
                Popularity.fit(sameIds, Popularity.Options.defaults()));
        Interactions otherIds = Interactions.builder()
                .add("someone-else", "i0", ai.behavior.data.EventType.VIEW, 1, 1f).build();
        assertThrows(IllegalArgumentException.class,
                () -> new Recommender(f.model, UserItemMatrix.of(otherIds, Weighting.counts()),
                        Popularity.fit(f.log, Popularity.Options.defaults())));
        assertThrows(IllegalArgumentException.class,
                () -> new Recommender(f.model, UserItemMatrix.of(f.log, Weighting.counts()),
                        Popularity.fit(otherIds, Popularity.Options.defaults())));
    }

    @Test
    void recommendationsCopyTheirList() {
        java.util.ArrayList<Recommendations.Item> items = new java.util.ArrayList<>();
        items.add(new Recommendations.Item("a", 0, 1f));
        Recommendations r = new Recommendations("u", items, Recommendations.Source.MODEL, "");
        items.clear();
        assertEquals(List.of("a"), r.itemIds());
        assertThrows(UnsupportedOperationException.class, () -> r.items().clear());
    }

    /** A hand-made {@link ItemScorer} for tests: a fixed score table, and the users it claims to know. */
    static final class FixedScorer implements ItemScorer {
        private final IdIndex users;
        private final IdIndex items;
        private final float[][] scores;
        private final boolean[] known;

        FixedScorer(IdIndex users, IdIndex items, float[][] scores, boolean[] known) {
            this.users = users;
            this.items = items;
            this.scores = scores;
            this.known = known;
        }

        @Override
        public IdIndex users() {
            return users;
        }

        @Override
        public IdIndex items() {
            return items;
        }

        @Override
        public boolean knowsUser(int user) {
            return known[user];
        }

        @Override
        public void scoreAll(int user, float[] out) {
            System.arraycopy(scores[user], 0, out, 0, scores[user].length);
        }

        @Override
        public float score(int user, int item) {
            return scores[user][item];
        }
    }
}
