package ai.behavior.feature.select;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The plug-in (maximum-likelihood) estimate of mutual information in nats between a discretised feature and
 * discrete labels: {@code I = sum p(b,c) ln(p(b,c) / (p(b) p(c)))} over the joint counts. The plug-in estimate
 * is biased upwards by roughly {@code (bins - 1)(classes - 1) / (2n)}, so compare columns on the same rows and
 * bins rather than reading the value against zero on a tiny sample.
 */
final class MutualInformation {
    /** Most distinct label values accepted: more looks like a continuous target, where plug-in MI means little. */
    static final int MAX_CLASSES = 256;

    private MutualInformation() {
    }

    /** Labels as class indices {@code 0..count-1} in first-seen order. */
    record Classes(int[] of, int count) {
    }

    static Classes classes(String who, double[] labels, int rows) {
        if (labels == null) {
            throw new IllegalArgumentException(who + " needs training labels: fit the pipeline with labels "
                    + "(FitContext.withLabels)");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(who + ": " + labels.length + " labels for " + rows + " rows");
        }
        Map<Double, Integer> index = new HashMap<>();
        int[] of = new int[rows];
        for (int r = 0; r < rows; r++) {
            double y = labels[r];
            if (!Double.isFinite(y)) {
                throw new IllegalArgumentException(who + ": label " + r + " is " + y + "; labels must be finite");
            }
            Integer c = index.get(y + 0.0); // + 0.0 folds -0.0 into 0.0
            if (c == null) {
                if (index.size() == MAX_CLASSES) {
                    throw new IllegalArgumentException(who + ": the labels have more than " + MAX_CLASSES
                            + " distinct values (row " + r + " is " + y + "); mutual information needs discrete "
                            + "labels such as 0/1 or class numbers, not a continuous target");
                }
                c = index.size();
                index.put(y + 0.0, c);
            }
            of[r] = c;
        }
        return new Classes(of, index.size());
    }

    /**
     * Equal-frequency bins: with {@code s} the sorted values, the cut points are {@code s[floor(b n / bins)]}
     * for {@code b = 1..bins-1}, duplicates removed, and a value's bin is the number of cut points {@code <=}
     * it. Equal values always share a bin, so a column with few distinct values gets fewer, larger bins and a
     * constant column gets one.
     */
    static int[] equalFrequencyBins(double[] values, int bins) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        int distinct = 0;
        for (int b = 1; b < bins; b++) {
            double c = sorted[(int) ((long) b * n / bins)];
            if (distinct == 0 || c > cuts[distinct - 1]) {
                cuts[distinct++] = c;
            }
        }
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            out[r] = upperBound(cuts, distinct, values[r]);
        }
        return out;
    }

    /** Number of {@code cuts[0..size)} that are {@code <= x}. */
    private static int upperBound(double[] cuts, int size, double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Plug-in mutual information in nats between codes {@code x} (in {@code [0, xCount)}) and classes. */
    static double nats(int[] x, int xCount, Classes y) {
        int n = x.length;
        long[] joint = new long[xCount * y.count()];
        long[] px = new long[xCount];
        long[] py = new long[y.count()];
        for (int r = 0; r < n; r++) {
            joint[x[r] * y.count() + y.of()[r]]++;
            px[x[r]]++;
            py[y.of()[r]]++;
        }
        double mi = 0;
        for (int a = 0; a < xCount; a++) {
            for (int c = 0; c < y.count(); c++) {
                long nac = joint[a * y.count() + c];
                if (nac > 0) {
                    mi += (double) nac / n * Math.log((double) nac * n / ((double) px[a] * py[c]));
                }
            }
        }
        return Math.max(0, mi); // the sum is >= 0 in exact arithmetic; rounding may leave -1e-17
    }

    /** Entropy in nats of the classes: the largest mutual information any feature can reach. */
    static double entropy(Classes y) {
        long[] counts = new long[y.count()];
        for (int c : y.of()) {
            counts[c]++;
        }
        double h = 0;
        int n = y.of().length;
        for (long k : counts) {
            double p = (double) k / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
