package ai.behavior.metric;

import java.util.Arrays;

/**
 * A multi-class confusion matrix over integer labels, with per-class and averaged precision, recall and F1
 * following scikit-learn's {@code confusion_matrix} and {@code precision_recall_fscore_support}.
 *
 * <pre>{@code
 * MultiClassConfusion c = MultiClassConfusion.of(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1});
 * double weightedF1 = c.f1(Average.WEIGHTED, ZeroDivision.ZERO);
 * }</pre>
 *
 * <p>The classes are the sorted union of the labels seen in truth and in the predictions (scikit-learn's
 * {@code unique_labels}); rows are truth, columns are predictions. Per class: precision
 * {@code tp/(tp+fp)}, recall {@code tp/(tp+fn)}, F1 {@code 2tp/(2tp+fp+fn)}, each with the
 * {@link ZeroDivision} value on a zero denominator. Immutable.
 */
public final class MultiClassConfusion {
    private final int[] labels;
    private final long[][] counts;
    private final long total;

    private MultiClassConfusion(int[] labels, long[][] counts, long total) {
        this.labels = labels;
        this.counts = counts;
        this.total = total;
    }

    /** Counts truth against predicted labels (any ints; equal lengths, non-empty). */
    public static MultiClassConfusion of(int[] truth, int[] predicted) {
        if (truth == null || predicted == null) {
            throw new IllegalArgumentException("truth and predicted must not be null");
        }
        Checks.sameLength("truth", truth.length, "predicted", predicted.length);
        Checks.nonEmpty("truth", truth.length);
        int n = truth.length;
        int[] all = Arrays.copyOf(truth, 2 * n);
        System.arraycopy(predicted, 0, all, n, n);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        int[] labels = Arrays.copyOf(all, distinct);
        long[][] counts = new long[distinct][distinct];
        for (int i = 0; i < n; i++) {
            counts[Arrays.binarySearch(labels, truth[i])][Arrays.binarySearch(labels, predicted[i])]++;
        }
        return new MultiClassConfusion(labels, counts, n);
    }

    /** The classes, sorted ascending (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Number of classes. */
    public int classes() {
        return labels.length;
    }

    /** How many examples of truth {@code trueLabel} were predicted {@code predictedLabel} (0 if unseen). */
    public long count(int trueLabel, int predictedLabel) {
        int t = Arrays.binarySearch(labels, trueLabel);
        int p = Arrays.binarySearch(labels, predictedLabel);
        return t < 0 || p < 0 ? 0L : counts[t][p];
    }

    /** The matrix as a copy: {@code [i][j]} counts truth {@code labels()[i]} predicted {@code labels()[j]}. */
    public long[][] matrix() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Number of examples. */
    public long total() {
        return total;
    }

    /** Fraction of examples predicted correctly. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return correct / (double) total;
    }

    /** The one-vs-rest binary confusion of {@code label}. */
    public BinaryConfusion binary(int label) {
        return binaryAt(indexOf(label));
    }

    /** Examples whose truth is {@code label}. */
    public long support(int label) {
        int c = indexOf(label);
        long s = 0;
        for (long v : counts[c]) {
            s += v;
        }
        return s;
    }

    /** Precision of one class. */
    public double precision(int label, ZeroDivision zeroDivision) {
        return binary(label).precision(zeroDivision);
    }

    /** Recall of one class. */
    public double recall(int label, ZeroDivision zeroDivision) {
        return binary(label).recall(zeroDivision);
    }

    /** F1 of one class. */
    public double f1(int label, ZeroDivision zeroDivision) {
        return binary(label).f1(zeroDivision);
    }

    /** Averaged precision. */
    public double precision(Average average, ZeroDivision zeroDivision) {
        return averaged(average, zeroDivision, 0);
    }

    /** Averaged recall. */
    public double recall(Average average, ZeroDivision zeroDivision) {
        return averaged(average, zeroDivision, 1);
    }

    /** Averaged F1. */
    public double f1(Average average, ZeroDivision zeroDivision) {
        return averaged(average, zeroDivision, 2);
    }

    private double averaged(Average average, ZeroDivision zeroDivision, int which) {
        if (average == Average.MICRO) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (int c = 0; c < labels.length; c++) {
                BinaryConfusion b = binaryAt(c);
                tp += b.tp();
                fp += b.fp();
                fn += b.fn();
            }
            return pick(new BinaryConfusion(tp, fp, 0, fn), zeroDivision, which);
        }
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < labels.length; c++) {
            BinaryConfusion b = binaryAt(c);
            double w = average == Average.MACRO ? 1.0 : b.positives();
            sum += w * pick(b, zeroDivision, which);
            weights += w;
        }
        return weights == 0 ? zeroDivision.value() : sum / weights;
    }

    private static double pick(BinaryConfusion b, ZeroDivision zeroDivision, int which) {
        switch (which) {
            case 0:
                return b.precision(zeroDivision);
            case 1:
                return b.recall(zeroDivision);
            default:
                return b.f1(zeroDivision);
        }
    }

    private BinaryConfusion binaryAt(int c) {
        long tp = counts[c][c];
        long fn = 0;
        long fp = 0;
        for (int j = 0; j < labels.length; j++) {
            if (j != c) {
                fn += counts[c][j];
                fp += counts[j][c];
            }
        }
        return new BinaryConfusion(tp, fp, total - tp - fp - fn, fn);
    }

    private int indexOf(int label) {
        int c = Arrays.binarySearch(labels, label);
        if (c < 0) {
            throw new IllegalArgumentException("label " + label + " is not among the classes "
                    + Arrays.toString(labels));
        }
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MultiClassConfusion[labels=").append(Arrays.toString(labels));
        for (long[] row : counts) {
            sb.append(", ").append(Arrays.toString(row));
        }
        return sb.append(']').toString();
    }
}
