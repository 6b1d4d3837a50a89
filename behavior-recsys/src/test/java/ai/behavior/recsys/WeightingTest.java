package ai.behavior.recsys;

import ai.behavior.data.EventType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Weighting}: presets, weights, validation, value semantics. */
class WeightingTest {
    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int RATING = EventType.RATING.ordinal();

    @Test
    void ratingsUseTheValueOfRatingEventsAndKeepTheLast() {
        Weighting w = Weighting.ratings();
        assertEquals(4f, w.weight(RATING, 4f));
        assertEquals(0f, w.weight(VIEW, 4f));
        assertEquals(Weighting.Aggregation.LAST, w.aggregation());
        assertTrue(w.useValue());
    }

    @Test
    void countsCountEveryEventOnce() {
        Weighting w = Weighting.counts();
        for (EventType t : EventType.values()) {
            assertEquals(1f, w.weight(t.ordinal(), 123f));
        }
        assertEquals(Weighting.Aggregation.SUM, w.aggregation());
    }

    @Test
    void byTypeIgnoresUnlistedTypesAndTheValue() {
        Weighting w = Weighting.byType(Map.of(EventType.VIEW, 1f, EventType.PURCHASE, 5f));
        assertEquals(1f, w.weight(VIEW, 30f));
        assertEquals(5f, w.weight(EventType.PURCHASE.ordinal(), 19.99f));
        assertEquals(0f, w.weight(EventType.CART.ordinal(), 1f));
    }

    @Test
    void byTypeValueMultiplies() {
        Weighting w = Weighting.byTypeValue(Map.of(EventType.VIEW, 0.5f), Weighting.Aggregation.MAX);
        assertEquals(15f, w.weight(VIEW, 30f));
        assertEquals(Weighting.Aggregation.MAX, w.aggregation());
    }

    @Test
    void badWeightsAreRefused() {
        int n = EventType.values().length;
        assertThrows(IllegalArgumentException.class, () -> new Weighting(new float[n - 1], false,
                Weighting.Aggregation.SUM));
        float[] negative = new float[n];
        negative[0] = -1f;
        assertThrows(IllegalArgumentException.class, () -> new Weighting(negative, false, Weighting.Aggregation.SUM));
        float[] nan = new float[n];
        nan[1] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> new Weighting(nan, false, Weighting.Aggregation.SUM));
        float[] inf = new float[n];
        inf[2] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> new Weighting(inf, false, Weighting.Aggregation.SUM));
    }

    @Test
    void theConstructorCopiesItsArray() {
        float[] w = new float[EventType.values().length];
        w[VIEW] = 2f;
        Weighting weighting = new Weighting(w, false, Weighting.Aggregation.SUM);
        w[VIEW] = 7f;
        assertEquals(2f, weighting.weight(VIEW, 1f));
    }

    /** The record accessor must not hand out its internal array, or a caller could change the weighting. */
    @Test
    void theAccessorDoesNotExposeTheInternalArray() {
        Weighting w = Weighting.counts();
        w.typeWeights()[VIEW] = 0f;
        assertEquals(1f, w.weight(VIEW, 1f), "an immutable weighting changed through its accessor");
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Weighting.counts(), Weighting.counts());
        assertEquals(Weighting.counts().hashCode(), Weighting.counts().hashCode());
        assertNotEquals(Weighting.counts(), Weighting.ratings());
        assertNotEquals(Weighting.byType(Map.of(EventType.VIEW, 1f)),
                Weighting.byTypeValue(Map.of(EventType.VIEW, 1f), Weighting.Aggregation.SUM));
    }

    @Test
    void toStringListsTheCountedTypes() {
        String s = Weighting.byTypeValue(Map.of(EventType.RATING, 1f), Weighting.Aggregation.LAST).toString();
        assertEquals("Weighting[rating=1.0 x value, LAST]", s);
    }
}
