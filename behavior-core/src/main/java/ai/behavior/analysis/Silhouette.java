package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;

import java.util.SplittableRandom;

/**
 * The mean silhouette coefficient of a clustering (Euclidean distance), as scikit-learn's
 * {@code silhouette_score}: for each row, {@code a} is its mean distance to the other rows of its cluster,
 * {@code b} the smallest mean distance to the rows of another cluster, and {@code s = (b - a) / max(a, b)};
 * a row alone in its cluster has {@code s = 0}. The score is the mean of {@code s}, in [-1, 1]: near 1 for
 * compact, well separated clusters, near 0 for overlapping ones.
 *
 * <pre>{@code
 * double s = Silhouette.score(rows, km.assignments());          // exact up to EXACT_MAX_ROWS rows
 * double t = Silhouette.sampled(rows, km.assignments(), 2000, 7); // on a seeded sample of 2000 rows
 * }</pre>
 *
 * <p>The exact score costs {@code n^2 / 2} distances, so {@link #score} is exact for at most
 * {@value #EXACT_MAX_ROWS} rows (about 12.5 million distances, well under a second) and above that computes
 * the exact score of a uniform sample of {@value #EXACT_MAX_ROWS} rows drawn without replacement with
 * {@link #DEFAULT_SEED} (scikit-learn's {@code sample_size}). Labels are cluster numbers {@code >= 0}; the
 * score needs at least 2 and at most {@code n - 1} distinct labels.
 */
public final class Silhouette {
    /** Largest row count {@link #score} computes exactly. */
    public static final int EXACT_MAX_ROWS = 5000;
    /** Seed of the sample {@link #score} draws above {@link #EXACT_MAX_ROWS} rows. */
    public static final long DEFAULT_SEED = 42L;

    private Silhouette() {
    }

    /** Exact for at most {@value #EXACT_MAX_ROWS} rows, otherwise on a seeded sample of that many rows. */
    public static double score(double[][] rows, int[] labels) {
        Rows.check(rows, null);
        return rows.length <= EXACT_MAX_ROWS ? exact(rows, labels) : sampled(rows, labels, EXACT_MAX_ROWS,
                DEFAULT_SEED);
    }

    /** {@link #score(double[][], int[])} on the dense block of {@code m}. */
    public static double score(FeatureMatrix m, int[] labels) {
        return score(Rows.of(m), labels);
    }

    /** The exact score over every row ({@code O(n^2)} distances). */
    public static double exact(double[][] rows, int[] labels) {
        Rows.check(rows, null);
        int k = Rows.labels(labels, rows.length);
        int n = rows.length;
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        int used = 0;
        for (int size : sizes) {
            used += size > 0 ? 1 : 0;
        }
        if (used < 2 || used > n - 1) {
            throw new IllegalArgumentException("the silhouette needs 2 to n - 1 = " + (n - 1)
                    + " distinct labels, got " + used);
        }
        // sums[i * k + c]: total distance from row i to the rows of cluster c, each pair computed once
        double[] sums = new double[Math.multiplyExact(n, k)];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Rows.distance(rows[i], rows[j]);
                sums[i * k + labels[j]] += d;
                sums[j * k + labels[i]] += d;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int own = labels[i];
            if (sizes[own] == 1) {
                continue; // s = 0 for a row alone in its cluster
            }
            double a = sums[i * k + own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[i * k + c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 ? 0 : (b - a) / m;
        }
        return total / n;
    }

    /**
     * The exact score of {@code sampleSize} rows drawn uniformly without replacement with {@code seed}; all
     * rows when {@code sampleSize >= n}.
     */
    public static double sampled(double[][] rows, int[] labels, int sampleSize, long seed) {
        Rows.check(rows, null);
        Rows.labels(labels, rows.length);
        if (sampleSize < 2) {
            throw new IllegalArgumentException("sampleSize must be >= 2, got " + sampleSize);
        }
        int n = rows.length;
        if (sampleSize >= n) {
            return exact(rows, labels);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] sampleRows = new double[sampleSize][];
        int[] sampleLabels = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) { // partial Fisher-Yates: the first sampleSize slots
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            sampleRows[i] = rows[order[i]];
            sampleLabels[i] = labels[order[i]];
        }
        return exact(sampleRows, sampleLabels);
    }
}
