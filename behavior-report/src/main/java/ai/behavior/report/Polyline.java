package ai.behavior.report;

import java.util.Arrays;

/** Thins a curve before plotting so a million-point ROC curve does not become a million-point SVG path. */
final class Polyline {
    /** Keep a point only once it is this far (in axis units, both axes spanning 1) from the last kept one. */
    static final double MIN_GAP = 0.002;

    final double[] x;
    final double[] y;

    private Polyline(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * The points of ({@code x}, {@code y}) without those closer than {@code minGap} (max-norm) to the last
     * kept point; the first and last points are always kept. At {@code minGap} = 0.002 and a plot 600 pixels
     * wide a dropped point is at most about one pixel off the drawn line.
     */
    static Polyline thin(double[] x, double[] y, double minGap) {
        int n = x.length;
        if (n <= 2) {
            return new Polyline(x.clone(), y.clone());
        }
        double[] ox = new double[n];
        double[] oy = new double[n];
        int m = 0;
        ox[m] = x[0];
        oy[m++] = y[0];
        for (int i = 1; i < n - 1; i++) {
            if (Math.max(Math.abs(x[i] - ox[m - 1]), Math.abs(y[i] - oy[m - 1])) >= minGap) {
                ox[m] = x[i];
                oy[m++] = y[i];
            }
        }
        ox[m] = x[n - 1];
        oy[m++] = y[n - 1];
        return new Polyline(Arrays.copyOf(ox, m), Arrays.copyOf(oy, m));
    }

    int size() {
        return x.length;
    }
}
