package ai.behavior.recsys;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UserItemMatrix}: aggregation, ignored types, row order, transpose, lookups. */
class UserItemMatrixTest {
    private static final Weighting VIEW_VALUES_SUM = Weighting.byTypeValue(Map.of(EventType.VIEW, 1f),
            Weighting.Aggregation.SUM);

    /** u0 views i1 three times, out of time order in the log (values 1 at t=30, 5 at t=10, 3 at t=20). */
    private static Interactions repeated() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "i1", EventType.VIEW, 30, 1f);
        b.add("u0", "i1", EventType.VIEW, 10, 5f);
        b.add("u0", "i1", EventType.VIEW, 20, 3f);
        b.add("u0", "i0", EventType.PURCHASE, 15, 9f);
        b.add("u1", "i0", EventType.VIEW, 5, 2f);
        return b.build();
    }

    private static int u(Interactions log, String id) {
        return log.users().indexOf(id);
    }

    private static int i(Interactions log, String id) {
        return log.items().indexOf(id);
    }

    @Test
    void sumAddsAPairsWeights() {
        Interactions log = repeated();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.counts());
        assertEquals(3f, m.get(u(log, "u0"), i(log, "i1")));
        assertEquals(1f, m.get(u(log, "u0"), i(log, "i0")));
        assertEquals(9f, UserItemMatrix.of(log, VIEW_VALUES_SUM).get(u(log, "u0"), i(log, "i1")));
    }

    @Test
    void maxKeepsTheLargest() {
        Interactions log = repeated();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.byTypeValue(Map.of(EventType.VIEW, 1f),
                Weighting.Aggregation.MAX));
        assertEquals(5f, m.get(u(log, "u0"), i(log, "i1")));
    }

    @Test
    void lastKeepsTheLatestByTimeNotByLogOrder() {
        Interactions log = repeated();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.byTypeValue(Map.of(EventType.VIEW, 1f),
                Weighting.Aggregation.LAST));
        assertEquals(1f, m.get(u(log, "u0"), i(log, "i1")), "t=30 is the latest although it is first in the log");
    }

    @Test
    void lastWithEqualTimestampsKeepsTheLaterRowOfTheLog() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "r", EventType.RATING, 100, 2f).add("u", "r", EventType.RATING, 100, 4f);
        Interactions log = b.build();
        assertEquals(4f, UserItemMatrix.of(log, Weighting.ratings()).get(0, 0));
    }

    @Test
    void typeWeightsMultiplyValuesAndZeroWeightsDropEvents() {
        Interactions log = repeated();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.byTypeValue(Map.of(EventType.VIEW, 2f),
                Weighting.Aggregation.SUM));
        assertEquals(18f, m.get(u(log, "u0"), i(log, "i1")));
        assertFalse(m.contains(u(log, "u0"), i(log, "i0")), "the purchase weighs 0: no entry at all");
        assertEquals(0f, m.get(u(log, "u0"), i(log, "i0")));
        assertEquals(2, m.nnz());
        UserItemMatrix purchases = UserItemMatrix.of(log, Weighting.byType(Map.of(EventType.PURCHASE, 5f)));
        assertEquals(5f, purchases.get(u(log, "u0"), i(log, "i0")), "byType counts the weight, not the value");
        assertEquals(1, purchases.nnz());
    }

    @Test
    void rowsAreSortedAndSpanTheWholeIndex() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u0", "z", EventType.VIEW, 1, 1f).add("u0", "y", EventType.VIEW, 2, 1f)
                .add("u0", "x", EventType.VIEW, 3, 1f).add("u1", "w", EventType.VIEW, 4, 1f);
        b.users().intern("u2"); // in the index, no events
        Interactions log = b.build();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.counts());
        assertEquals(3, m.numRows());
        assertEquals(4, m.numCols());
        assertEquals(0, m.rowLength(2));
        assertEquals(3, m.rowLength(0));
        for (int p = m.rowStart(0) + 1; p < m.rowEnd(0); p++) {
            assertTrue(m.col(p - 1) < m.col(p));
        }
        assertSame(log.users(), m.rowIds());
        assertSame(log.items(), m.colIds());
        assertEquals("UserItemMatrix[3 x 4, nnz=4]", m.toString());
    }

    @Test
    void aSplitPartKeepsTheFullIndexSpace() {
        Interactions log = repeated();
        Interactions part = log.filter(r -> log.user(r) == 1);
        UserItemMatrix m = UserItemMatrix.of(part, Weighting.counts());
        assertEquals(log.numUsers(), m.numRows());
        assertEquals(0, m.rowLength(u(log, "u0")));
        assertEquals(1, m.rowLength(u(log, "u1")));
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        Interactions log = ai.behavior.synth.SyntheticShop.generate(
                ai.behavior.synth.SyntheticShop.Options.defaults().withUsers(60).withItems(80).withSeed(3)).interactions();
        UserItemMatrix m = UserItemMatrix.of(log, Weighting.counts());
        UserItemMatrix t = m.transpose();
        assertSame(m.rowIds(), t.colIds());
        assertSame(m.colIds(), t.rowIds());
        assertEquals(m.nnz(), t.nnz());
        assertEquals(m.numCols(), t.numRows());
        for (int r = 0; r < m.numRows(); r++) {
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                assertEquals(m.value(p), t.get(m.col(p), r));
            }
        }
        for (int r = 0; r < t.numRows(); r++) {
            for (int p = t.rowStart(r) + 1; p < t.rowEnd(r); p++) {
                assertTrue(t.col(p - 1) < t.col(p), "transposed rows are sorted");
            }
        }
        UserItemMatrix back = t.transpose();
        for (int r = 0; r < m.numRows(); r++) {
            assertEquals(m.rowStart(r), back.rowStart(r));
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                assertEquals(m.col(p), back.col(p));
                assertEquals(m.value(p), back.value(p));
            }
        }
    }

    @Test
    void nonFiniteResultsAreRefused() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "i", EventType.VIEW, 1, 3e38f).add("u", "i", EventType.VIEW, 2, 3e38f);
        Interactions log = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserItemMatrix.of(log,
                VIEW_VALUES_SUM));
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
    }

    @Test
    void anEmptyLogGivesAnEmptyMatrix() {
        Interactions empty = Interactions.builder().build();
        UserItemMatrix m = UserItemMatrix.of(empty, Weighting.counts());
        assertEquals(0, m.numRows());
        assertEquals(0, m.nnz());
    }
}
