package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;

import java.util.List;

/**
 * Hand-made fixture: three blobs of five 2-D points, each its centre plus the offsets (0,0), (1,0), (-1,0),
 * (0,1), (0,-1). The offsets sum to zero, so each blob's mean is its centre, and each blob's squared
 * distances to its centre are 0 + 1 + 1 + 1 + 1 = 4: the inertia of the true clustering is 3 * 4 = 12.
 */
final class Blobs {
    static final double[][] CENTRES = {{0, 0}, {10, 0}, {5, 9}};
    private static final double[][] OFFSETS = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};

    private Blobs() {
    }

    /** Rows blob by blob: rows 0-4 blob 0, 5-9 blob 1, 10-14 blob 2. */
    static double[][] rows() {
        double[][] rows = new double[15][];
        for (int b = 0; b < 3; b++) {
            for (int o = 0; o < 5; o++) {
                rows[b * 5 + o] = new double[] {CENTRES[b][0] + OFFSETS[o][0], CENTRES[b][1] + OFFSETS[o][1]};
            }
        }
        return rows;
    }

    /** The blob of each row of {@link #rows()}. */
    static int[] truth() {
        return new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
    }

    /** The same rows as a feature matrix with dense columns x and y. */
    static FeatureMatrix matrix() {
        double[][] rows = rows();
        FeatureMatrix m = new FeatureMatrix(new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Dense("y"))), rows.length);
        for (int r = 0; r < rows.length; r++) {
            m.denseBlock()[2 * r] = (float) rows[r][0];
            m.denseBlock()[2 * r + 1] = (float) rows[r][1];
        }
        return m;
    }
}
