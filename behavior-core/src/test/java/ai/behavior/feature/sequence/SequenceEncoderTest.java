package ai.behavior.feature.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Padding;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceEncoderTest {
    private static final IdIndex TRAIN_VOCAB = IdIndex.of("a", "b", "c", "d", "e");
    private static final IdIndex TEST_VOCAB = IdIndex.of("e", "b", "a", "z", "c", "d");

    /** Training counts: a 3, b 2, c 1, d 1, e 0 (e is in the frame vocabulary but never occurs). */
    private static FeatureFrame train() {
        int a = 0, b = 1, c = 2, d = 3;
        return FeatureFrame.builder(4).sequences("seq", new int[][] {{a, b, a}, {c, a, b}, {d}, {}}, TRAIN_VOCAB)
                .build();
    }

    /** Test rows in another vocabulary: [a e b a b], [z], [], [c d]. */
    private static FeatureFrame test() {
        int e = 0, b = 1, a = 2, z = 3, c = 4, d = 5;
        return FeatureFrame.builder(4).sequences("seq", new int[][] {{a, e, b, a, b}, {z}, {}, {c, d}}, TEST_VOCAB)
                .build();
    }

    private static int[] ids(FeatureMatrix m, int row, int len) {
        return Arrays.copyOfRange(m.sequenceIds(0), row * len, (row + 1) * len);
    }

    private static float[] mask(FeatureMatrix m, int row, int len) {
        return Arrays.copyOfRange(m.sequenceMask(0), row * len, (row + 1) * len);
    }

    @Test
    void vocabularyIsByFrequencyThenLabelAndLeftPaddingKeepsTheMostRecent() {
        // Vocabulary: a (3) -> 2, b (2) -> 3, c (1) -> 4, d (1) -> 5; size 6 with pad and unknown.
        // Row 0 [a e b a b] is longer than 3: the last three b a b -> 3 2 3. Row 1 [z] -> unknown 1, left-padded.
        // Row 2 is empty -> all padding. Row 3 [c d] -> 0 4 5. Unknowns written: 1 (the e was cut off unseen).
        FittedPipeline p = Pipeline.builder().add("hist", SequenceEncoder.of("seq", 3)).build().fit(train());
        assertEquals(List.of(new FeatureSpec.Sequence("hist", 6, 3, Padding.LEFT)), p.schema().features());
        FeatureMatrix m = p.transform(test());
        assertArrayEquals(new int[] {3, 2, 3}, ids(m, 0, 3));
        assertArrayEquals(new float[] {1, 1, 1}, mask(m, 0, 3));
        assertArrayEquals(new int[] {0, 0, 1}, ids(m, 1, 3));
        assertArrayEquals(new float[] {0, 0, 1}, mask(m, 1, 3));
        assertArrayEquals(new int[] {0, 0, 0}, ids(m, 2, 3));
        assertArrayEquals(new float[] {0, 0, 0}, mask(m, 2, 3));
        assertArrayEquals(new int[] {0, 4, 5}, ids(m, 3, 3));
        assertEquals(1, m.unknownInSequence(0));
    }

    @Test
    void rightPaddingPutsTheOldestKeptEventFirst() {
        FittedPipeline p = Pipeline.builder().add("hist", SequenceEncoder.of("seq", 4).padding(Padding.RIGHT))
                .build().fit(train());
        FeatureMatrix m = p.transform(test());
        // Row 0 keeps the last four e b a b -> 1 3 2 3 (e unknown); row 1 [z] -> 1 0 0 0; row 3 [c d] -> 4 5 0 0.
        assertArrayEquals(new int[] {1, 3, 2, 3}, ids(m, 0, 4));
        assertArrayEquals(new int[] {1, 0, 0, 0}, ids(m, 1, 4));
        assertArrayEquals(new float[] {1, 0, 0, 0}, mask(m, 1, 4));
        assertArrayEquals(new int[] {4, 5, 0, 0}, ids(m, 3, 4));
        assertArrayEquals(new float[] {1, 1, 0, 0}, mask(m, 3, 4));
        assertEquals(2, m.unknownInSequence(0));
    }

    @Test
    void minCountDropsRareLabelsToUnknown() {
        // minCount 2 keeps a (3) -> 2 and b (2) -> 3; c and d become unknown: row 3 [c d] -> 0 1 1.
        SequenceEncoder.Fitted f = (SequenceEncoder.Fitted) SequenceEncoder.of("seq", 3).minCount(2)
                .fit(train(), FitContext.unsupervised());
        assertEquals(4, f.vocabularySize());
        assertArrayEquals(new String[] {"a", "b"}, f.vocabulary().ids());
        FittedPipeline p = Pipeline.builder().add("hist", SequenceEncoder.of("seq", 3).minCount(2)).build()
                .fit(train());
        FeatureMatrix m = p.transform(test());
        assertArrayEquals(new int[] {0, 1, 1}, ids(m, 3, 3));
        assertEquals(3, m.unknownInSequence(0));   // z in row 1, c and d in row 3
        assertTrue(p.describe().contains("2 rarer dropped"), p.describe());
    }

    @Test
    void fittedVocabularyMapsOutputIndicesBackToItemIds() {
        SequenceEncoder.Fitted f = (SequenceEncoder.Fitted) SequenceEncoder.of("seq", 3)
                .fit(train(), FitContext.unsupervised());
        assertNull(f.itemId(FeatureSpec.PADDING));
        assertNull(f.itemId(FeatureSpec.UNKNOWN_IN_SEQUENCE));
        assertEquals("a", f.itemId(2));
        assertEquals("d", f.itemId(5));
        assertEquals(3, f.indexOf("b"));
        assertEquals(FeatureSpec.UNKNOWN_IN_SEQUENCE, f.indexOf("never-seen"));
        assertThrows(IllegalArgumentException.class, () -> f.itemId(6));
    }

    @Test
    void reusedOutputRowsAreFullyOverwritten() {
        FittedPipeline p = Pipeline.builder().add("hist", SequenceEncoder.of("seq", 3)).build().fit(train());
        int[][] one = {{0, 1, 0}};
        FeatureFrame row = FeatureFrame.builder(1).sequences("seq", one, TRAIN_VOCAB).build();
        FeatureMatrix out = new FeatureMatrix(p.schema(), 1);
        FittedPipeline.Bound bound = p.bind(row, out);
        bound.transform(0, 0);
        assertArrayEquals(new int[] {2, 3, 2}, ids(out, 0, 3));
        one[0] = new int[] {3};   // a shorter sequence: the earlier ids must become padding
        bound.transform(0, 0);
        assertArrayEquals(new int[] {0, 0, 5}, ids(out, 0, 3));
        assertArrayEquals(new float[] {0, 0, 1}, mask(out, 0, 3));
    }

    @Test
    void badInputsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceEncoder.of("seq", 3)
                .fit(FeatureFrame.builder(0).sequences("seq", new int[0][], TRAIN_VOCAB).build(),
                        FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        FeatureFrame allEmpty = FeatureFrame.builder(2).sequences("seq", new int[][] {{}, {}}, TRAIN_VOCAB).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> SequenceEncoder.of("seq", 3).fit(allEmpty, FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("no event"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SequenceEncoder.of("seq", 3).minCount(4).fit(train(), FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("lower minCount"), e.getMessage());
        FeatureFrame notSeq = FeatureFrame.builder(1).categorical("seq", new String[] {"a"}).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> SequenceEncoder.of("seq", 3).fit(notSeq, FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("'seq' is CATEGORICAL, not SEQUENCE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SequenceEncoder.of("seq", 0));
        assertThrows(IllegalArgumentException.class, () -> SequenceEncoder.of("seq", 3).minCount(0));
    }
}
