package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * K-means clustering with k-means++ initialisation, seeded and reproducible: commons-math3's
 * {@link KMeansPlusPlusClusterer} (Euclidean distance, Lloyd iterations until no row changes cluster or the
 * iteration cap, an empty cluster re-seeded from the cluster of largest variance), run
 * {@link KMeansOptions#restarts()} times with seeds drawn from {@link KMeansOptions#seed()}, keeping the
 * lowest inertia.
 *
 * <pre>{@code
 * FeatureMatrix m = pipeline.transform(UserAggregates.compute(log, cutoff, AggregateOptions.defaults()));
 * KMeansResult r = KMeans.fit(m, KMeansOptions.of(4).withSeed(7));
 * }</pre>
 *
 * <p>K-means uses raw Euclidean distances, so put the columns on comparable scales first (for example
 * {@code Standardize} in a pipeline, after a log transform of skewed counts and spend). Rows must be finite:
 * a NaN or infinity is an error naming its row and column.
 */
public final class KMeans {
    private KMeans() {
    }

    /** Clusters the rows of the dense block of {@code m}. */
    public static KMeansResult fit(FeatureMatrix m, KMeansOptions options) {
        return run(Rows.of(m), options);
    }

    /** Clusters {@code rows} (not modified). */
    public static KMeansResult fit(double[][] rows, KMeansOptions options) {
        return run(Rows.check(rows, null), options);
    }

    private static KMeansResult run(double[][] rows, KMeansOptions options) {
        int k = options.k();
        int n = rows.length;
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " clusters but only " + n + " rows");
        }
        int distinct = distinctRows(rows, k);
        if (distinct < k) {
            throw new IllegalArgumentException("k = " + k + " clusters but only " + distinct
                    + " distinct rows: k-means++ cannot place " + k + " different centres");
        }
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, rows[i]));
        }
        SplittableRandom seeds = new SplittableRandom(options.seed());
        KMeansResult best = null;
        for (int t = 0; t < options.restarts(); t++) {
            KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(k, options.maxIterations(),
                    new EuclideanDistance(), new Well19937c(seeds.nextLong()));
            KMeansResult r = canonical(clusterer.cluster(points), rows);
            if (best == null || r.inertia() < best.inertia()) {
                best = r;
            }
        }
        return best;
    }

    /** Renumbers clusters by first appearance and recomputes centroids and inertia from the assignments. */
    private static KMeansResult canonical(List<CentroidCluster<Point>> clusters, double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        int k = clusters.size();
        int[] raw = new int[n];
        for (int c = 0; c < k; c++) {
            for (Point p : clusters.get(c).getPoints()) {
                raw[p.index] = c;
            }
        }
        int[] label = new int[k];
        Arrays.fill(label, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (label[raw[i]] < 0) {
                label[raw[i]] = next++;
            }
        }
        double[][] centroids = new double[k][];
        for (int c = 0; c < k; c++) {
            if (label[c] < 0) { // empty: keep the clusterer's centre, after the non-empty clusters
                label[c] = next++;
                centroids[label[c]] = clusters.get(c).getCenter().getPoint().clone();
            }
        }
        int[] assignments = new int[n];
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            assignments[i] = label[raw[i]];
            sizes[assignments[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                centroids[c] = new double[d];
            }
        }
        for (int i = 0; i < n; i++) {
            double[] m = centroids[assignments[i]];
            for (int j = 0; j < d; j++) {
                m[j] += rows[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                for (int j = 0; j < d; j++) {
                    centroids[c][j] /= sizes[c];
                }
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += Rows.squaredDistance(rows[i], centroids[assignments[i]]);
        }
        return new KMeansResult(assignments, centroids, inertia);
    }

    /** Distinct rows, counting no further than {@code enough}. */
    private static int distinctRows(double[][] rows, int enough) {
        Set<List<Double>> seen = new HashSet<>();
        for (double[] row : rows) {
            List<Double> key = new ArrayList<>(row.length);
            for (double v : row) {
                key.add(v + 0.0); // -0.0 and 0.0 are the same point
            }
            seen.add(key);
            if (seen.size() >= enough) {
                break;
            }
        }
        return seen.size();
    }

    /** A row with its index, as commons-math's clusterer needs it. */
    private static final class Point implements Clusterable {
        private final int index;
        private final double[] values;

        Point(int index, double[] values) {
            this.index = index;
            this.values = values;
        }

        @Override
        public double[] getPoint() {
            return values;
        }
    }
}
