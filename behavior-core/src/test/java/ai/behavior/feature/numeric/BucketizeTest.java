package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FittedPipeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.behavior.feature.numeric.Fixtures.assertFails;
import static ai.behavior.feature.numeric.Fixtures.categorical;
import static ai.behavior.feature.numeric.Fixtures.dense;
import static ai.behavior.feature.numeric.Fixtures.fit;
import static ai.behavior.feature.numeric.Fixtures.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketizeTest {
    private static final double NAN = Double.NaN;

    @Test
    void quantileEdgesCutBucketsClosedOnTheRight() {
        // sorted 1..8, type 7 at positions 7k/4: q25 1.75 -> 2.75, q50 3.5 -> 4.5, q75 5.25 -> 6.25;
        // x <= 2.75 -> 1, (2.75, 4.5] -> 2, (4.5, 6.25] -> 3, > 6.25 -> 4; an edge value falls in the lower bucket
        FittedPipeline p = fit(Bucketize.quantiles("x", 4), 8, 7, 6, 5, 4, 3, 2, 1);
        assertEquals(List.of(new FeatureSpec.Categorical("s", 5)), p.schema().features());
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 1},
                categorical(p, 1, 2.75, 3, 4.5, 5, 6.25, 7, 100, -100));
        assertTrue(p.describe().contains("4 quantile buckets asked, 4 after merging equal edges; edges [2.75000, "
                + "4.50000, 6.25000] closed on the right"), p.describe());
    }

    @Test
    void equalQuantileEdgesAreMerged() {
        // sorted [0 x6, 1, 2, 3, 4]: q25 at position 2.25 -> 0, q50 at 4.5 -> 0, q75 at 6.75 -> 1.75;
        // edges [0, 1.75]: zeros alone in bucket 1, (0, 1.75] -> 2, > 1.75 -> 3
        FittedPipeline p = fit(Bucketize.quantiles("x", 4), 0, 0, 0, 0, 0, 0, 1, 2, 3, 4);
        assertEquals(4, p.schema().categorical("s").cardinality());
        assertArrayEquals(new int[] {1, 2, 2, 3, 1}, categorical(p, 0, 0.5, 1.75, 2, -1));
        assertTrue(p.describe().contains("4 quantile buckets asked, 3 after merging"), p.describe());
        // a constant column keeps one edge, at the constant: x <= 5 and x > 5
        FittedPipeline c = fit(Bucketize.quantiles("x", 10), 5, 5, 5);
        assertArrayEquals(new int[] {1, 1, 2}, categorical(c, 5, 4, 6));
        assertEquals(3, c.schema().categorical("s").cardinality());
    }

    @Test
    void fixedEdges() {
        // edges 18, 25, 65: <= 18 -> 1, (18, 25] -> 2, (25, 65] -> 3, > 65 -> 4
        FittedPipeline p = fit(Bucketize.edges("x", 18, 25, 65), 40);
        assertEquals(5, p.schema().categorical("s").cardinality());
        assertArrayEquals(new int[] {1, 1, 2, 3, 3, 4}, categorical(p, 10, 18, 20, 26, 65, 70));
    }

    @Test
    void signedZeroFallsOnTheEdgeZero() {
        // -0.0 == 0.0, so both are "<= 0" (a comparison by bit pattern would put 0.0 above an edge -0.0)
        FittedPipeline p = fit(Bucketize.quantiles("x", 2), -0.0, -0.0, -0.0);
        assertArrayEquals(new int[] {1, 1, 2}, categorical(p, 0.0, -0.0, 1e-300));
        assertArrayEquals(new int[] {1, 1}, categorical(fit(Bucketize.edges("x", 0), 1), -0.0, 0.0));
    }

    @Test
    void binarySearchFindsTheFirstEdgeAtLeastX() {
        double[] edges = {1, 2, 3};
        assertEquals(0, Bucketize.firstAtLeast(edges, 0));
        assertEquals(0, Bucketize.firstAtLeast(edges, 1));
        assertEquals(1, Bucketize.firstAtLeast(edges, 1.5));
        assertEquals(1, Bucketize.firstAtLeast(edges, 2));
        assertEquals(2, Bucketize.firstAtLeast(edges, 3));
        assertEquals(3, Bucketize.firstAtLeast(edges, 3.5));
        assertEquals(0, Bucketize.firstAtLeast(new double[] {7}, 7));
        assertEquals(1, Bucketize.firstAtLeast(new double[] {7}, 8));
    }

    @Test
    void missingValuesAreRejectedOrGetIndexZeroAndAreCounted() {
        assertFails(() -> fit(Bucketize.edges("x", 1), 0, NAN), "column 'x' row 1", "NaN", "missingAsUnknown");
        FittedPipeline strict = fit(Bucketize.quantiles("x", 2), 0, 1);
        assertFails(() -> categorical(strict, 0, 1, Double.NEGATIVE_INFINITY), "column 'x' row 2", "-Infinity");

        // quantiles from the present values [1, 2, 3]: median edge 2
        FittedPipeline p = fit(Bucketize.quantiles("x", 2).missingAsUnknown(), 3, NAN, 1, 2);
        FeatureMatrix m = p.transform(frame(NAN, 1, 2.5, Double.POSITIVE_INFINITY));
        assertArrayEquals(new int[] {0, 1, 2, 0}, m.categoricalBlock());
        assertEquals(2, m.unknownCount(0));
        assertTrue(p.describe().contains("missing -> index 0"), p.describe());
    }

    @Test
    void oneHotWritesEveryColumnOfEveryRow() {
        // edges 0, 10: three buckets -> three columns; a missing row is 1 in "missing" and 0 elsewhere
        FittedPipeline p = fit(Bucketize.edges("x", 0, 10).oneHot().missingAsUnknown(), 5);
        assertEquals(List.of("s.bucket1", "s.bucket2", "s.bucket3", "s.missing"), p.schema().denseNames());
        assertEquals(0, p.schema().categoricalWidth());
        FeatureMatrix m = p.transform(frame(-1, 5, 20, NAN));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, m.denseBlock());
        // reusing the matrix overwrites the earlier ones with zeros
        p.transform(frame(20, NAN, -1, 5), m);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0}, m.denseBlock());

        FittedPipeline strict = fit(Bucketize.edges("x", 0).oneHot(), 5);
        assertEquals(List.of("s.bucket1", "s.bucket2"), strict.schema().denseNames());
        assertArrayEquals(new float[] {1, 0, 0, 1}, dense(strict, 0, 3));
        assertFails(() -> dense(strict, NAN), "column 'x' row 0");
    }

    @Test
    void badOptionsAndInputsAreClearErrors() {
        Fixtures.assertRejectsEmptyAndNonNumeric(Bucketize.quantiles("x", 4));
        Fixtures.assertRejectsEmptyAndNonNumeric(Bucketize.edges("x", 1, 2).missingAsUnknown());
        assertFails(() -> Bucketize.quantiles("x", 1), "at least 2 buckets");
        assertFails(() -> Bucketize.edges("x"), "at least one bucket edge");
        assertFails(() -> Bucketize.edges("x", 5, 5), "strictly ascending");
        assertFails(() -> Bucketize.edges("x", 3, 1), "strictly ascending");
        assertFails(() -> Bucketize.edges("x", 1, Double.POSITIVE_INFINITY), "finite");
        assertFails(() -> new Bucketize("x", 3, List.of(1.0), false, false), "not both");
        assertFails(() -> fit(Bucketize.quantiles("x", 3).missingAsUnknown(), NAN, NAN), "no present value");
    }
}
