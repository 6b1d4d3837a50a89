package ai.behavior.feature.categorical;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.feature.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static ai.behavior.feature.categorical.Frames.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneHotTest {
    // counts: b 3, a 2, c 1, d 1, missing 1 -> order b, a, c, d
    private static final FeatureFrame TRAIN = labels("b", "a", "b", "c", null, "a", "b", "d");

    private static FittedPipeline fit(OneHot e, FeatureFrame train) {
        return Pipeline.builder().add("c", e).build().fit(train);
    }

    @Test
    void oneOutputPerLabelAndAllZerosForUnknown() {
        FittedPipeline p = fit(OneHot.of("c"), TRAIN);
        assertEquals(List.of("c.b", "c.a", "c.c", "c.d"), p.schema().denseNames());
        FeatureMatrix m = new FeatureMatrix(p.schema(), 3);
        Arrays.fill(m.denseBlock(), 7f);   // every output must be overwritten, zeros included
        p.transform(labels("a", "zz", null), m);
        assertArrayEquals(new float[] {
            0, 1, 0, 0,    // a
            0, 0, 0, 0,    // unseen
            0, 0, 0, 0}, m.denseBlock());   // missing
    }

    @Test
    void otherOutputCatchesMissingUnseenAndDroppedLabels() {
        FittedPipeline p = fit(OneHot.of("c").minCount(2).withOther(), TRAIN);
        assertEquals(List.of("c.b", "c.a", "c.other"), p.schema().denseNames());
        assertEquals(List.of("b", "a"), ((OneHot.Fitted) p.step("c")).vocabulary());
        assertArrayEquals(new float[] {
            1, 0, 0,       // b
            0, 0, 1,       // c: dropped by minCount
            0, 0, 1,       // unseen
            0, 0, 1}, p.transform(labels("b", "c", "zz", null)).denseBlock());
    }

    @Test
    void maxCategoriesKeepsTheMostFrequent() {
        FittedPipeline p = fit(OneHot.of("c").maxCategories(1).withOther(), TRAIN);
        assertEquals(List.of("c.b", "c.other"), p.schema().denseNames());
    }

    @Test
    void labelsAreSanitisedOnlyWhenTheyWouldMakeABadOrClashingName() {
        assertEquals(List.of("(empty)", "_other", "x?y", "_(empty)", "plain label.with dots"),
                OneHot.outputNames(List.of("", "other", "x\ny", "(empty)", "plain label.with dots"), true));
        assertEquals(List.of("other", "_other"), OneHot.outputNames(List.of("other", "_other"), false));
        // "other" occurs most often, so it is output 0 and the catch-all is output 1
        FittedPipeline p = fit(OneHot.of("c").withOther(), labels("other", "other", "x"));
        assertEquals(List.of("c._other", "c.x", "c.other"), p.schema().denseNames());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, p.transform(labels("other", "y")).denseBlock());
    }

    @Test
    void constantColumnHasOneOutput() {
        FittedPipeline p = fit(OneHot.of("c"), labels("x", "x"));
        assertArrayEquals(new float[] {1, 0}, p.transform(labels("x", "y")).denseBlock());
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> OneHot.of("c").fit(labels(), FitContext.unsupervised()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fit(OneHot.of("c"), labels((String) null)));
        assertTrue(e.getMessage().contains("keeps no label"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneHot.of("c").minCount(-1));
    }
}
