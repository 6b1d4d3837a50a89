package ai.behavior.feature.select;

import ai.behavior.feature.FitContext;
import ai.behavior.feature.FittedReducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MutualInformationSelectTest {
    private static final List<String> NAMES = List.of("noise", "label", "flipped");
    private static final int ROWS = 20;
    /** Labels alternate 0, 1: half each, so H(label) = ln 2 = 0.6931471805599453 nats. */
    private static final double[] LABELS = new double[ROWS];
    private static final float[] BLOCK = new float[ROWS * 3];

    static {
        for (int r = 0; r < ROWS; r++) {
            LABELS[r] = r % 2;
            // noise = floor(r / 2): 10 equal-frequency bins each hold rows 2t and 2t+1, one of each label
            BLOCK[r * 3] = r / 2;
            BLOCK[r * 3 + 1] = r % 2;
            // flipped = label, except flipped on rows 0..3
            BLOCK[r * 3 + 2] = r < 4 ? 1 - r % 2 : r % 2;
        }
    }

    /**
     * flipped: value 0 holds 8 rows of label 0 and 2 of label 1, value 1 the reverse, so
     * I = ln 2 - H(0.8, 0.2) = 0.6931471806 - (0.2 ln 5 + 0.8 ln 1.25) = 0.6931471806 - 0.5004024235 = 0.1927447571.
     */
    private static final double FLIPPED_NATS = 0.1927447570;

    @Test
    void rankingMatchesHandComputedInformation() {
        MutualInformationRanking r = MutualInformationSelect.rank(BLOCK, ROWS, NAMES, LABELS, 10);
        assertEquals(List.of("label", "flipped", "noise"), r.names());
        assertEquals(Math.log(2), r.labelEntropy(), 1e-12);
        assertEquals(Math.log(2), r.nats("label"), 1e-12);   // a feature equal to the label reaches H(label)
        assertEquals(FLIPPED_NATS, r.nats("flipped"), 1e-9);
        assertEquals(0.0, r.nats("noise"), 1e-12);           // independent by construction: exactly 0
        assertEquals(1, r.entries().get(0).column());
        assertEquals(2, r.classes());
        assertTrue(r.describe().contains("label 0.6931, flipped 0.1927, noise 0.0000"), r.describe());
    }

    @Test
    void unevenBinaryLabelHasItsEntropy() {
        // 4 zeros and 6 ones: H = -(0.4 ln 0.4 + 0.6 ln 0.6) = 0.6730116670092565
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        float[] x = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        MutualInformationRanking r = MutualInformationSelect.rank(x, 10, List.of("x"), y, 10);
        assertEquals(0.6730116670092565, r.labelEntropy(), 1e-12);
        assertEquals(0.6730116670092565, r.nats("x"), 1e-12);
    }

    @Test
    void equalFrequencyBinsCutAtQuantilesAndKeepTiesTogether() {
        // 1..20 in 4 bins: cuts at sorted[5] = 6, sorted[10] = 11, sorted[15] = 16
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i + 1;
        }
        int[] bins = MutualInformation.equalFrequencyBins(v, 4);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3}, bins);
        // a constant column lands in one bin; ties never split
        assertArrayEquals(new int[] {1, 1, 1}, MutualInformation.equalFrequencyBins(new double[] {5, 5, 5}, 10));
        // 2, 2, 2, 3, 1 in 2 bins: one cut at sorted[floor(5 / 2)] = sorted[2] = 2, so 1 | 2, 2, 2, 3
        assertArrayEquals(new int[] {1, 1, 1, 1, 0}, MutualInformation.equalFrequencyBins(new double[] {2, 2, 2, 3, 1},
                2));
    }

    @Test
    void selectsTopKOrAboveAThresholdKeepingInputOrder() {
        FitContext ctx = FitContext.withLabels(LABELS);
        FittedReducer top2 = MutualInformationSelect.top(2).fit(BLOCK, ROWS, NAMES, ctx);
        assertEquals(List.of("label", "flipped"), top2.outputNames());
        assertArrayEquals(new float[] {8, 9}, Blocks.apply(top2, 7, 8, 9));
        assertTrue(top2.describe().contains("top 2 of 3") && top2.describe().contains("label 0.6931 kept, flipped "
                + "0.1927 kept, noise 0.0000"), top2.describe());
        FittedReducer above = MutualInformationSelect.above(0.2).fit(BLOCK, ROWS, NAMES, ctx);
        assertEquals(List.of("label"), above.outputNames());
        assertEquals(List.of("label", "flipped"),
                MutualInformationSelect.above(0.19).withBins(4).fit(BLOCK, ROWS, NAMES, ctx).outputNames());
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.top(1).fit(BLOCK, ROWS, NAMES, FitContext.unsupervised()));
        assertTrue(e.getMessage().contains("needs training labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.rank(BLOCK, ROWS, NAMES, null, 10));
        assertTrue(e.getMessage().contains("needs training labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.top(4).fit(BLOCK, ROWS, NAMES, FitContext.withLabels(LABELS)));
        assertTrue(e.getMessage().contains("top 4") && e.getMessage().contains("has 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.above(1).fit(BLOCK, ROWS, NAMES, FitContext.withLabels(LABELS)));
        assertTrue(e.getMessage().contains("above 1.0 nats") && e.getMessage().contains("label 0.6931"),
                e.getMessage());
        double[] continuous = new double[300];
        float[] x = new float[300];
        for (int i = 0; i < 300; i++) {
            continuous[i] = i * 0.37;
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.rank(x, 300, List.of("x"), continuous, 10));
        assertTrue(e.getMessage().contains("more than 256 distinct values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MutualInformationSelect.rank(BLOCK, 0, NAMES, LABELS, 10));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformationSelect.rank(BLOCK, ROWS, NAMES, new double[3], 10));
        assertThrows(IllegalArgumentException.class, () -> MutualInformationSelect.top(0));
        assertThrows(IllegalArgumentException.class, () -> MutualInformationSelect.above(-1));
        assertThrows(IllegalArgumentException.class, () -> MutualInformationSelect.top(1).withBins(1));
    }
}
