package ai.behavior.metric;

/**
 * Argument checks shared by the metric functions, so every metric reports the same problem with the same
 * words: which argument, which index, what was expected.
 */
final class Checks {
    private Checks() {
    }

    /** Fails when the array named {@code name} has no elements. */
    static void nonEmpty(String name, int length) {
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    /** Fails unless two arrays have the same length. */
    static void sameLength(String a, int lengthA, String b, int lengthB) {
        if (lengthA != lengthB) {
            throw new IllegalArgumentException(
                    "length mismatch: " + a + " has " + lengthA + " elements but " + b + " has " + lengthB);
        }
    }

    /** Fails unless every truth label is 0 or 1. */
    static void binaryTruth(int[] truth) {
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t != 0 && t != 1) {
                throw new IllegalArgumentException(
                        "truth[" + i + "] = " + t + ": binary truth labels must be 0 or 1");
            }
        }
    }

    /** Fails on the first NaN score. Infinities are allowed: they are well ordered. */
    static void noNaN(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    /** Fails on the first NaN or infinite value. */
    static void finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v + " is not finite");
            }
        }
    }

    /** Fails unless every weight is finite and non-negative. */
    static void weights(double[] weights) {
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0.0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(
                        "weights[" + i + "] = " + w + ": sample weights must be finite and >= 0");
            }
        }
    }

    /** Validates a truth / score pair for a binary metric (and the optional weights). */
    static void binary(int[] truth, double[] scores, double[] weights) {
        if (truth == null || scores == null) {
            throw new IllegalArgumentException("truth and scores must not be null");
        }
        sameLength("truth", truth.length, "scores", scores.length);
        if (weights != null) {
            sameLength("truth", truth.length, "weights", weights.length);
        }
        nonEmpty("truth", truth.length);
        binaryTruth(truth);
        noNaN("scores", scores);
        if (weights != null) {
            weights(weights);
        }
    }

    /** Converts boolean labels to 0/1 ints. */
    static int[] toInts(boolean[] truth) {
        if (truth == null) {
            throw new IllegalArgumentException("truth must not be null");
        }
        int[] out = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            out[i] = truth[i] ? 1 : 0;
        }
        return out;
    }

    /** Message used whenever a binary ranking metric sees a single class. */
    static IllegalArgumentException oneClass(String metric, long positives, long negatives) {
        return new IllegalArgumentException(metric + " is undefined with only one class in truth ("
                + positives + " positive, " + negatives + " negative); it needs at least one of each");
    }
}
