package ai.behavior.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability bins of predicted probabilities (the data of a calibration plot, as scikit-learn's
 * {@code calibration_curve(strategy="uniform")}): the unit interval cut into equal-width bins, and per bin the
 * mean predicted probability against the observed rate of positives. A calibrated model's points lie on the
 * diagonal.
 *
 * <pre>{@code
 * Calibration c = Calibration.of(truth, probabilities, 10);
 * System.out.println("ECE " + c.expectedCalibrationError());
 * }</pre>
 *
 * <p>Bin {@code b} of {@code B} holds probabilities in {@code [b/B, (b+1)/B)}, the last bin also 1.0. Empty
 * bins are left out of {@link #bins()} (they have no rate to plot). The expected calibration error is
 * {@code sum over bins of count/n * |observed - predicted|}, the maximum calibration error the largest such gap.
 *
 * @param numBins                  number of equal-width bins the interval was cut into
 * @param bins                     the non-empty bins, in increasing probability
 * @param expectedCalibrationError count-weighted mean gap between observed rate and mean prediction
 * @param maxCalibrationError      largest gap over the non-empty bins
 */
public record Calibration(int numBins, List<Bin> bins, double expectedCalibrationError,
                          double maxCalibrationError) {
    /**
     * One bin.
     *
     * @param lower         lower edge (inclusive)
     * @param upper         upper edge (exclusive, but inclusive for the last bin)
     * @param count         predictions in the bin, {@code >= 1}
     * @param meanPredicted mean predicted probability in the bin
     * @param observedRate  fraction of the bin's rows whose truth is 1
     */
    public record Bin(double lower, double upper, long count, double meanPredicted, double observedRate) {
    }

    /** Copies the list. */
    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * Bins {@code probabilities} against 0/1 {@code truth}.
     *
     * @param numBins number of equal-width bins, {@code >= 1}
     * @throws IllegalArgumentException on empty or unequal inputs, a label other than 0/1, or a probability
     *                                  outside [0, 1] or NaN (naming its index)
     */
    public static Calibration of(int[] truth, double[] probabilities, int numBins) {
        if (numBins < 1) {
            throw new IllegalArgumentException("numBins must be >= 1, got " + numBins);
        }
        if (truth.length != probabilities.length) {
            throw new IllegalArgumentException(truth.length + " labels for " + probabilities.length
                    + " probabilities");
        }
        int n = truth.length;
        if (n == 0) {
            throw new IllegalArgumentException("no predictions to calibrate");
        }
        long[] count = new long[numBins];
        double[] sumPredicted = new double[numBins];
        long[] positives = new long[numBins];
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + i + "] = " + p + " is not in [0, 1]");
            }
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("truth[" + i + "] = " + truth[i] + "; labels must be 0 or 1");
            }
            int b = Math.min((int) (p * numBins), numBins - 1);
            count[b]++;
            sumPredicted[b] += p;
            positives[b] += truth[i];
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        double mce = 0;
        for (int b = 0; b < numBins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double predicted = sumPredicted[b] / count[b];
            double observed = (double) positives[b] / count[b];
            double gap = Math.abs(observed - predicted);
            ece += gap * count[b] / n;
            mce = Math.max(mce, gap);
            bins.add(new Bin((double) b / numBins, (double) (b + 1) / numBins, count[b], predicted, observed));
        }
        return new Calibration(numBins, bins, ece, mce);
    }
}
