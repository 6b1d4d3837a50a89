package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureFrame;

import java.util.Arrays;

/**
 * The training values of one numeric column as a numeric transform sees them at fit time: the present
 * (finite) values sorted, and how many were missing. Fitting on an empty or all-missing column is a clear error.
 */
record NumericColumn(String name, double[] sortedPresent, int missing) {

    /** The column's training values; a missing value is an error when {@code policy} is REJECT. */
    static NumericColumn of(FeatureFrame train, String column, MissingValues policy) {
        return of(train, column, policy.strategy() == MissingValues.Strategy.REJECT);
    }

    /**
     * The column's training values; with {@code rejectMissing} a missing value is the {@link MissingValues}
     * error, otherwise it is skipped (for transforms with their own missing rule, as {@link Bucketize}).
     */
    static NumericColumn of(FeatureFrame train, String column, boolean rejectMissing) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot fit on column '" + column + "': the training set is empty");
        }
        double[] v = train.numeric(column);
        double[] present = new double[v.length];
        int n = 0;
        for (int r = 0; r < v.length; r++) {
            if (MissingValues.isMissing(v[r])) {
                if (rejectMissing) {
                    throw MissingValues.rejected(column, r, v[r]);
                }
            } else {
                present[n++] = v[r];
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("column '" + column + "' has no present value in " + v.length
                    + " training rows; nothing to fit");
        }
        double[] sorted = Arrays.copyOf(present, n);
        Arrays.sort(sorted);
        return new NumericColumn(column, sorted, v.length - n);
    }

    double mean() {
        double s = 0;
        for (double x : sortedPresent) {
            s += x;
        }
        return s / sortedPresent.length;
    }

    /** Population standard deviation (divides by n, as scikit-learn's StandardScaler). */
    double standardDeviation() {
        double m = mean();
        double s = 0;
        for (double x : sortedPresent) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / sortedPresent.length);
    }
}
