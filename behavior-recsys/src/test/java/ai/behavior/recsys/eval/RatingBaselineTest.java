package ai.behavior.recsys.eval;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.mf.PlantedRatings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingBaselineTest {
    @Test
    void oneSweepFollowsBaselineOnlyByHand() {
        // mean 3; items first: b_x = (5-3 + 3-3) / (1 + 2) = 2/3, b_y = (1-3) / (1 + 1) = -1
        // then users: b_a = ((5-3-2/3) + (1-3+1)) / (2 + 2) = (4/3 - 1) / 4 = 1/12, b_b = (3-3-2/3) / (2 + 1) = -2/9
        Interactions log = PlantedRatings.of("a", "x", 5, "a", "y", 1, "b", "x", 3);
        RatingBaseline m = RatingBaseline.fit(log, new RatingBaseline.Options(2, 1, 1));
        int a = log.users().indexOf("a");
        int b = log.users().indexOf("b");
        int x = log.items().indexOf("x");
        int y = log.items().indexOf("y");
        assertEquals(3.0, m.globalMean(), 1e-12);
        assertEquals(2.0 / 3, m.itemBias(x), 1e-12);
        assertEquals(-1.0, m.itemBias(y), 1e-12);
        assertEquals(1.0 / 12, m.userBias(a), 1e-12);
        assertEquals(-2.0 / 9, m.userBias(b), 1e-12);
        assertEquals(3 - 2.0 / 9 - 1, m.predict(b, y), 1e-12);
        assertEquals(5.0, RatingBaseline.fit(log, new RatingBaseline.Options(0, 0, 50)).predict(a, x), 1e-6,
                "clipped to the training range at most");
    }

    @Test
    void defaultsAreBaselineOnlysAndBadInputIsRejected() {
        assertEquals(new RatingBaseline.Options(15, 10, 10), RatingBaseline.Options.defaults());
        assertThrows(IllegalArgumentException.class, () -> new RatingBaseline.Options(-1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new RatingBaseline.Options(15, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new RatingBaseline.Options(15, 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> RatingBaseline.fit(Interactions.builder().build(), RatingBaseline.Options.defaults()));
    }
}
