package ai.behavior.feature.categorical;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.behavior.feature.categorical.Frames.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexEncoderTest {
    // counts: b 3, a 2, c 1, d 1, missing 1 -> order b, a, c, d (c before d: equal counts, by label)
    private static final FeatureFrame TRAIN = labels("b", "a", "b", "c", null, "a", "b", "d");

    private static FittedPipeline fit(IndexEncoder e, FeatureFrame train) {
        return Pipeline.builder().add("c", e).build().fit(train);
    }

    private static int[] column(FittedPipeline p, FeatureFrame in) {
        return p.transform(in).categoricalBlock();
    }

    @Test
    void indicesFollowDescendingCountThenLabel() {
        FittedPipeline p = fit(IndexEncoder.of("c"), TRAIN);
        IndexEncoder.Fitted f = (IndexEncoder.Fitted) p.step("c");
        assertEquals(List.of("b", "a", "c", "d"), f.vocabulary());
        assertEquals(List.of(new FeatureSpec.Categorical("c", 5)), p.schema().features());
        assertEquals(2, f.index("a"));
        assertEquals(0, f.index("zz"));
        FeatureMatrix m = p.transform(labels("a", "zz", null, "d", "b"));
        assertArrayEquals(new int[] {2, 0, 0, 4, 1}, m.categoricalBlock());
        assertEquals(2, m.unknownCount(0));   // "zz" unseen, one missing
    }

    @Test
    void sameDataInAnotherRowOrderGivesTheSameIndices() {
        FittedPipeline p = fit(IndexEncoder.of("c"), labels("d", "c", "b", null, "a", "b", "a", "b"));
        assertEquals(List.of("b", "a", "c", "d"), ((IndexEncoder.Fitted) p.step("c")).vocabulary());
    }

    @Test
    void minCountAndMaxCategoriesDropRareLabelsToUnknown() {
        FittedPipeline min2 = fit(IndexEncoder.of("c").minCount(2), TRAIN);
        assertEquals(List.of("b", "a"), ((IndexEncoder.Fitted) min2.step("c")).vocabulary());
        assertArrayEquals(new int[] {2, 1, 0}, column(min2, labels("a", "b", "c")));

        FittedPipeline top3 = fit(IndexEncoder.of("c").maxCategories(3), TRAIN);
        assertEquals(List.of("b", "a", "c"), ((IndexEncoder.Fitted) top3.step("c")).vocabulary());
        FeatureMatrix m = top3.transform(labels("d", "c"));
        assertArrayEquals(new int[] {0, 3}, m.categoricalBlock());
        assertEquals(1, m.unknownCount(0));
    }

    @Test
    void mapsByLabelWhateverTheFramesCodes() {
        // a vocabulary with an unused id and a different code order than the training frame
        IdIndex vocab = IdIndex.of("unused", "d", "b");
        FeatureFrame in = FeatureFrame.builder(3).categorical("c", new int[] {2, 1, -1}, vocab).build();
        assertArrayEquals(new int[] {1, 4, 0}, column(fit(IndexEncoder.of("c"), TRAIN), in));
        FittedPipeline p = fit(IndexEncoder.of("c"), in);   // "unused" occurs in no row, so it is not kept
        assertEquals(List.of("b", "d"), ((IndexEncoder.Fitted) p.step("c")).vocabulary());
    }

    @Test
    void constantColumnHasOneIndex() {
        FittedPipeline p = fit(IndexEncoder.of("c"), labels("x", "x", "x"));
        assertEquals(2, p.schema().categorical("c").cardinality());
        assertArrayEquals(new int[] {1, 0}, column(p, labels("x", "y")));
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> IndexEncoder.of("c").fit(labels(), FitContext.unsupervised()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(IndexEncoder.of("c"), labels(null, null)));
        assertTrue(e.getMessage().contains("column 'c' keeps no label"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fit(IndexEncoder.of("c").minCount(4), TRAIN));
        assertTrue(e.getMessage().contains("no label occurs 4 or more times"), e.getMessage());
        FeatureFrame numeric = FeatureFrame.builder(1).numeric("c", new double[] {1}).build();
        e = assertThrows(IllegalArgumentException.class, () -> fit(IndexEncoder.of("c"), numeric));
        assertTrue(e.getMessage().contains("not CATEGORICAL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IndexEncoder.of("c").minCount(0));
        assertThrows(IllegalArgumentException.class, () -> IndexEncoder.of("c").maxCategories(0));
    }

    @Test
    void overwrittenServingCodeOutsideTheVocabularyIsAClearError() {
        FittedPipeline p = fit(IndexEncoder.of("c"), TRAIN);
        int[] codes = {0};
        FeatureFrame one = FeatureFrame.builder(1).categorical("c", codes, IdIndex.of("a")).build();
        FeatureMatrix out = new FeatureMatrix(p.schema(), 1);
        FittedPipeline.Bound bound = p.bind(one, out);
        bound.transform(0, 0);
        assertEquals(2, out.categorical(0, 0));
        codes[0] = 5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bound.transform(0, 0));
        assertTrue(e.getMessage().contains("column 'c' row 0: code 5"), e.getMessage());
    }
}
