package ai.behavior.models.sequence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapBucketsTest {
    @Test
    void bucketsFollowTheDocumentedEdges() {
        assertEquals(1, GapBuckets.bucket(12_345, true));    // first event: the gap is ignored
        assertEquals(2, GapBuckets.bucket(0, false));        // same second
        assertEquals(2, GapBuckets.bucket(0.999, false));
        assertEquals(3, GapBuckets.bucket(1, false));        // [1, 60)
        assertEquals(3, GapBuckets.bucket(59.9, false));
        assertEquals(4, GapBuckets.bucket(60, false));       // [60, 600)
        assertEquals(5, GapBuckets.bucket(600, false));      // [600, 3600)
        assertEquals(6, GapBuckets.bucket(3_600, false));    // within a day
        assertEquals(7, GapBuckets.bucket(86_400, false));   // within a week
        assertEquals(8, GapBuckets.bucket(604_800, false));  // within 30 days
        assertEquals(9, GapBuckets.bucket(2_592_000, false));
        assertEquals(9, GapBuckets.bucket(1e12, false));
        assertEquals(10, GapBuckets.ROWS);
    }

    @Test
    void negativeOrNonFiniteGapsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GapBuckets.bucket(-1, false)).getMessage()
                .contains("got -1.0"));
        assertThrows(IllegalArgumentException.class, () -> GapBuckets.bucket(Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> GapBuckets.bucket(Double.POSITIVE_INFINITY, false));
    }
}
