package ai.behavior.feature.select;

import java.util.List;

/**
 * The training dense block as a reducer sees it at fit time: checked once (not empty, the right size, every
 * value finite) and read column-wise for statistics. Sums run in double over the float block, centred in two
 * passes so a large mean never cancels away a small variance.
 */
final class DenseBlock {
    private final float[] data;
    private final int rows;
    private final int width;
    private final List<String> names;

    private DenseBlock(float[] data, int rows, List<String> names) {
        this.data = data;
        this.rows = rows;
        this.width = names.size();
        this.names = List.copyOf(names);
    }

    /** Checks the block {@code who} is about to fit on; every problem is an error naming the column and row. */
    static DenseBlock of(String who, float[] dense, int rows, List<String> names) {
        if (rows <= 0) {
            throw new IllegalArgumentException(who + " cannot fit on an empty training set (" + rows + " rows)");
        }
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException(who + " needs at least one dense column; the block has none");
        }
        long expected = (long) rows * names.size();
        if (dense == null || dense.length != expected) {
            throw new IllegalArgumentException(who + ": a block of " + rows + " rows x " + names.size()
                    + " columns needs " + expected + " values, got " + (dense == null ? "null" : dense.length));
        }
        int w = names.size();
        for (int i = 0; i < dense.length; i++) {
            if (!Float.isFinite(dense[i])) {
                throw new IllegalArgumentException(who + ": dense column '" + names.get(i % w) + "' row " + (i / w)
                        + " is " + dense[i] + "; reducers fit on finite values only");
            }
        }
        return new DenseBlock(dense, rows, names);
    }

    int rows() {
        return rows;
    }

    int width() {
        return width;
    }

    List<String> names() {
        return names;
    }

    float get(int row, int column) {
        return data[row * width + column];
    }

    /** Column means. */
    double[] means() {
        double[] m = new double[width];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                m[j] += data[base + j];
            }
        }
        for (int j = 0; j < width; j++) {
            m[j] /= rows;
        }
        return m;
    }

    /** Population variances (divide by n, as numpy's {@code var} and scikit-learn's VarianceThreshold). */
    double[] variances() {
        double[] mean = means();
        double[] v = new double[width];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                double c = data[base + j] - mean[j];
                v[j] += c * c;
            }
        }
        for (int j = 0; j < width; j++) {
            v[j] /= rows;
        }
        return v;
    }

    /** The population covariance matrix (symmetric, {@code width x width}). */
    double[][] covariance() {
        double[] mean = means();
        double[][] s = new double[width][width];
        double[] c = new double[width];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                c[j] = data[base + j] - mean[j];
            }
            for (int i = 0; i < width; i++) {
                double ci = c[i];
                double[] si = s[i];
                for (int j = i; j < width; j++) {
                    si[j] += ci * c[j];
                }
            }
        }
        for (int i = 0; i < width; i++) {
            for (int j = i; j < width; j++) {
                s[i][j] /= rows;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    /** A copy of column {@code j}. */
    double[] column(int j) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * width + j];
        }
        return out;
    }
}
