package ai.behavior.analysis;

import java.util.Arrays;

/**
 * A k-means clustering: the cluster of every row, the centroids and the inertia. Immutable (arrays are copied
 * in and out); equal when assignments, centroids and inertia are equal.
 *
 * <pre>{@code
 * KMeansResult r = KMeans.fit(rows, KMeansOptions.of(3));
 * int cluster = r.assignments()[row];  int nearest = r.predict(newRow);
 * }</pre>
 *
 * <p>Clusters are numbered by first appearance: row 0 is in cluster 0, the first row not in cluster 0 is in
 * cluster 1, and so on, so the numbering does not depend on the order the initialisation found them in. A
 * cluster that ended empty (possible only when the iteration cap stops a run early) comes last, has size 0
 * and keeps the centre the clusterer gave it.
 *
 * @param assignments cluster of each row, in {@code [0, k)}
 * @param centroids   {@code k} centroids, each the mean of its rows
 * @param inertia     sum over rows of the squared Euclidean distance to their centroid
 */
public record KMeansResult(int[] assignments, double[][] centroids, double inertia) {
    /** Copies the arrays. */
    public KMeansResult {
        assignments = assignments.clone();
        centroids = deepCopy(centroids);
    }

    /** Cluster of each row (a copy). */
    @Override
    public int[] assignments() {
        return assignments.clone();
    }

    /** The centroids (a copy). */
    @Override
    public double[][] centroids() {
        return deepCopy(centroids);
    }

    /** Number of clusters. */
    public int k() {
        return centroids.length;
    }

    /** Rows per cluster. */
    public int[] sizes() {
        int[] sizes = new int[centroids.length];
        for (int a : assignments) {
            sizes[a]++;
        }
        return sizes;
    }

    /** The cluster whose centroid is nearest to {@code row} (the lowest index on a tie). */
    public int predict(double[] row) {
        if (row.length != centroids[0].length) {
            throw new IllegalArgumentException("row has " + row.length + " columns; the centroids have "
                    + centroids[0].length);
        }
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = Rows.squaredDistance(row, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansResult r && Arrays.equals(assignments, r.assignments)
                && Arrays.deepEquals(centroids, r.centroids) && Double.compare(inertia, r.inertia) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(assignments) + Arrays.deepHashCode(centroids)) + Double.hashCode(inertia);
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k() + ", rows=" + assignments.length + ", sizes=" + Arrays.toString(sizes())
                + ", inertia=" + inertia + "]";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
