package ai.behavior.feature.label;

import java.util.Arrays;
import java.util.Objects;

/**
 * Click labels of a log's IMPRESSION rows, made by {@link ClickOnImpression}: {@code rows()[k]} is the log row
 * of the k-th impression (ascending) and {@code labels()[k]} is 1 if it was clicked, else 0.
 *
 * <pre>{@code
 * ImpressionLabels y = ClickOnImpression.of(log, Duration.ofMinutes(5));
 * Interactions shown = log.select(y.rows());   // aligned with y.labels()
 * }</pre>
 *
 * @param rows     log rows of the impressions, ascending
 * @param labels   1 (clicked) or 0, aligned with {@code rows}
 * @param censored how many impressions have a window that ends after the log's last event (their 0 may be a
 *                 click the log has not seen)
 */
public record ImpressionLabels(int[] rows, double[] labels, int censored) {
    /** Checks the arrays line up; keeps copies. */
    public ImpressionLabels {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(labels, "labels");
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        if (censored < 0 || censored > rows.length) {
            throw new IllegalArgumentException("censored must be in [0, " + rows.length + "], got " + censored);
        }
        rows = rows.clone();
        labels = labels.clone();
    }

    /** The log rows of the impressions (a copy). */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** The labels (a copy). */
    @Override
    public double[] labels() {
        return labels.clone();
    }

    /** Number of impressions. */
    public int size() {
        return rows.length;
    }

    /** Number of clicked impressions. */
    public int positives() {
        int n = 0;
        for (double y : labels) {
            n += y == 1 ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImpressionLabels other && censored == other.censored && Arrays.equals(rows, other.rows)
                && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rows) + Arrays.hashCode(labels)) + censored;
    }

    @Override
    public String toString() {
        return "ImpressionLabels[impressions=" + rows.length + ", clicked=" + positives() + ", censored=" + censored
                + "]";
    }
}
