package ai.behavior.analysis;

import ai.behavior.feature.FeatureMatrix;

/** Checks and converts the row blocks the analysis classes work on. */
final class Rows {
    private Rows() {
    }

    /** The dense block of {@code m} as rows of doubles (a copy); the matrix needs rows and dense columns. */
    static double[][] of(FeatureMatrix m) {
        int n = m.rows();
        int d = m.schema().denseWidth();
        if (n == 0) {
            throw new IllegalArgumentException("the feature matrix has no rows");
        }
        if (d == 0) {
            throw new IllegalArgumentException("the feature matrix has no dense columns; " + m.schema());
        }
        float[] block = m.denseBlock();
        double[][] out = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                out[r][c] = block[r * d + c];
            }
        }
        return check(out, m.schema().denseNames());
    }

    /**
     * Checks that {@code rows} is non-empty, rectangular, at least one column wide and finite; returns it.
     *
     * @param names column names for messages, or null to use indices
     */
    static double[][] check(double[][] rows, java.util.List<String> names) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no rows to analyse");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException("row 0 has no columns");
        }
        int d = rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("row " + r + " has " + (row == null ? "no array" : row.length
                        + " columns") + "; row 0 has " + d);
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(row[c])) {
                    String column = names == null ? "column " + c : "column '" + names.get(c) + "'";
                    throw new IllegalArgumentException("row " + r + ", " + column + " is " + row[c]
                            + "; impute or drop missing values before clustering");
                }
            }
        }
        return rows;
    }

    /** Checks labels: one per row, each {@code >= 0}. Returns the number of labels (max + 1). */
    static int labels(int[] labels, int rows) {
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException((labels == null ? "no" : labels.length) + " labels for " + rows
                    + " rows");
        }
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + "; labels must be >= 0");
            }
            max = Math.max(max, labels[i]);
        }
        return max + 1;
    }

    /** Euclidean distance. */
    static double distance(double[] a, double[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /** Squared Euclidean distance. */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
