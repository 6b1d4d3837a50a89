package ai.behavior.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {
    @Test
    void recoversThreeSeparatedBlobsExactly() {
        KMeansResult r = KMeans.fit(Blobs.rows(), KMeansOptions.of(3).withSeed(7));
        // first-appearance numbering makes the blob order the cluster order
        assertArrayEquals(Blobs.truth(), r.assignments());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(Blobs.CENTRES[c], r.centroids()[c], 1e-12);
        }
        assertEquals(12.0, r.inertia(), 1e-12); // see Blobs: 3 blobs * 4
        assertArrayEquals(new int[] {5, 5, 5}, r.sizes());
        assertTrue(Silhouette.score(Blobs.rows(), r.assignments()) > 0.7);
    }

    @Test
    void everySeedFindsTheBlobsAndTheSameSeedGivesTheSameResult() {
        for (long seed = 0; seed < 10; seed++) {
            KMeansResult r = KMeans.fit(Blobs.rows(), KMeansOptions.of(3).withSeed(seed).withRestarts(1));
            assertEquals(12.0, r.inertia(), 1e-12, "seed " + seed);
        }
        double[][] rows = Blobs.rows();
        KMeansResult a = KMeans.fit(rows, KMeansOptions.of(5).withSeed(3));
        KMeansResult b = KMeans.fit(rows, KMeansOptions.of(5).withSeed(3));
        assertEquals(a, b);
    }

    @Test
    void featureMatrixInputGivesTheSameClustering() {
        KMeansResult fromMatrix = KMeans.fit(Blobs.matrix(), KMeansOptions.of(3));
        assertEquals(KMeans.fit(Blobs.rows(), KMeansOptions.of(3)), fromMatrix);
    }

    @Test
    void predictPicksTheNearestCentroid() {
        KMeansResult r = KMeans.fit(Blobs.rows(), KMeansOptions.of(3));
        assertEquals(1, r.predict(new double[] {9, 1}));
        assertEquals(2, r.predict(new double[] {5, 7}));
        assertThrows(IllegalArgumentException.class, () -> r.predict(new double[] {1}));
    }

    @Test
    void oneClusterIsTheMean() {
        // rows (0,0), (2,0), (4,3): mean (2,1); squared distances 4+1, 0+1, 4+4 sum to 14
        KMeansResult r = KMeans.fit(new double[][] {{0, 0}, {2, 0}, {4, 3}}, KMeansOptions.of(1));
        assertArrayEquals(new double[] {2, 1}, r.centroids()[0], 1e-12);
        assertEquals(14.0, r.inertia(), 1e-12);
    }

    @Test
    void badInputIsAClearError() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{0, 0}, {1, Double.NaN}}, KMeansOptions.of(1)));
        assertTrue(nan.getMessage().contains("row 1, column 1 is NaN"), nan.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{0}, {Double.POSITIVE_INFINITY}}, KMeansOptions.of(1)));
        assertTrue(inf.getMessage().contains("Infinity"), inf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new double[0][], KMeansOptions.of(1)));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{0, 0}, {1}}, KMeansOptions.of(1)));
        assertTrue(ragged.getMessage().contains("row 1 has 1 columns"), ragged.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{0}, {1}}, KMeansOptions.of(3)));
        assertTrue(tooMany.getMessage().contains("only 2 rows"), tooMany.getMessage());
        IllegalArgumentException duplicates = assertThrows(IllegalArgumentException.class,
                () -> KMeans.fit(new double[][] {{1, 1}, {1, 1}, {1, 1}, {2, 2}}, KMeansOptions.of(3)));
        assertTrue(duplicates.getMessage().contains("only 2 distinct rows"), duplicates.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KMeansOptions.of(0));
        assertThrows(IllegalArgumentException.class, () -> KMeansOptions.of(2).withRestarts(0));
        assertThrows(IllegalArgumentException.class, () -> KMeansOptions.of(2).withMaxIterations(0));
    }
}
