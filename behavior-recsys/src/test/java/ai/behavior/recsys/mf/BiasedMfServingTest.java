package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared {@link Recommender} serves top-K lists from a rating model. */
class BiasedMfServingTest {
    @Test
    void recommenderServesUnseenItemsInPredictedOrder() {
        Interactions train = PlantedRatings.generate(60, 40, 2, 10, 0.1, 61);
        BiasedMf model = BiasedMf.fitAls(train, AlsOptions.defaults().withFactors(2));
        UserItemMatrix seen = UserItemMatrix.of(train, Weighting.ratings());
        Recommender rec = new Recommender(model, seen, Popularity.fit(train, Popularity.Options.defaults()));
        Recommendations top = rec.recommend("u7", 5);
        assertEquals(5, top.items().size());
        int u = train.users().indexOf("u7");
        for (int x = 0; x < top.items().size(); x++) {
            Recommendations.Item item = top.items().get(x);
            assertFalse(seen.contains(u, item.index()), "seen items are excluded");
            assertEquals(model.score(u, item.index()), item.score(), 1e-6);
            if (x > 0) {
                assertTrue(top.items().get(x - 1).score() >= item.score());
            }
        }
    }
}
