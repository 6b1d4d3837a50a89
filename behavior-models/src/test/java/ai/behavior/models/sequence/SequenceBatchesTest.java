package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceBatchesTest {
    private static final IdIndex ITEMS = IdIndex.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9");

    private static SequenceRows rows(EncoderKind kind, EventSequences s) {
        SequenceOptions o = (kind == EncoderKind.TRANSFORMER ? SequenceOptions.transformer() : SequenceOptions.gru())
                .withDim(4).withHeads(1).withMaxLength(3);
        return new SequenceRows(SequenceArchitecture.of(SequenceTask.NEXT_ITEM, o, ITEMS.size(), 0), ITEMS, null,
                null, s);
    }

    @Test
    void windowsCoverEveryTargetOnceFromTheEndBackwards() {
        // one history of six events, item codes 4 1 7 2 9 3; maxLength 3
        EventSequences s = EventSequences.ofItems(new int[][] {{4, 1, 7, 2, 9, 3}}, ITEMS);
        SequenceBatches left = SequenceBatches.windows(rows(EncoderKind.TRANSFORMER, s), ITEMS.size(), 0, 1);
        // by hand: window 1 reads events 2..4 (codes 7 2 9, embedding rows +2 = 9 4 11) and predicts events 3..5
        // (codes 2 9 3); window 2 reads events 0..1 (rows 6 3) and predicts events 1..2 (codes 1 7)
        assertEquals(2, left.size());
        try (NDManager m = NDManager.newBaseManager()) {
            NDList x = left.inputs(m, null, 0, 2);
            NDList y = left.labels(m, null, 0, 2);
            assertArrayEquals(new int[] {9, 4, 11, 0, 6, 3}, x.get(0).toIntArray());       // left padding
            assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1}, x.get(1).toFloatArray());
            assertArrayEquals(new int[] {2, 9, 3, 0, 1, 7}, y.get(0).toIntArray());
            assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1}, y.get(1).toFloatArray());
        }
        SequenceBatches right = SequenceBatches.windows(rows(EncoderKind.GRU, s), ITEMS.size(), 0, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList x = right.inputs(m, new int[] {1, 0}, 0, 2);   // in the order asked for
            assertArrayEquals(new int[] {6, 3, 0, 9, 4, 11}, x.get(0).toIntArray());       // right padding
            assertArrayEquals(new int[] {1, 7, 0, 2, 9, 3}, right.labels(m, new int[] {1, 0}, 0, 2).get(0)
                    .toIntArray());
        }
    }

    @Test
    void sampledNegativesAvoidTheUsersItems() {
        // the user saw items 0..7, so every negative must be 8 or 9
        EventSequences s = EventSequences.ofItems(new int[][] {{0, 1, 2, 3, 4, 5, 6, 7}}, ITEMS);
        SequenceBatches b = SequenceBatches.windows(rows(EncoderKind.TRANSFORMER, s), ITEMS.size(), 4, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList y = b.labels(m, null, 0, b.size());
            assertEquals(3, y.size());
            assertArrayEquals(new long[] {b.size(), 3, 4}, y.get(2).getShape().getShape());
            int[] neg = y.get(2).toIntArray();
            float[] mask = y.get(1).toFloatArray();
            for (int i = 0; i < neg.length; i++) {
                boolean real = mask[i / 4] == 1f;
                assertTrue(real ? neg[i] == 8 || neg[i] == 9 : neg[i] == 0, "negative " + i + " = " + neg[i]);
            }
        }
    }

    @Test
    void lastEventsKeepTheMostRecentAndRefuseEmptySequences() {
        EventSequences s = EventSequences.ofItems(new int[][] {{5, 6, 7, 8, 9}, {1}}, ITEMS);
        SequenceBatches b = SequenceBatches.lastEvents(rows(EncoderKind.TRANSFORMER, s), null);
        try (NDManager m = NDManager.newBaseManager()) {
            assertArrayEquals(new int[] {9, 10, 11, 0, 0, 3}, b.inputs(m, null, 0, 2).get(0).toIntArray());
        }
        EventSequences empty = EventSequences.ofItems(new int[][] {{1}, {}}, ITEMS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceBatches.lastEvents(rows(EncoderKind.GRU, empty), null));
        assertTrue(e.getMessage().contains("sequence 1 is empty"), e.getMessage());
    }
}
