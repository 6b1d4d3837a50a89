package ai.behavior.feature;

/**
 * What a transformer may look at besides its input columns when it is fitted: the training labels (for target
 * encoding and supervised selection; {@code null} when the task has none), a seed for anything random, and
 * the number of folds for out-of-fold fitting.
 *
 * <pre>{@code
 * FitContext ctx = FitContext.withLabels(labels).seed(7);
 * }</pre>
 */
public record FitContext(double[] labels, long seed, int folds) {
    /** Default folds for out-of-fold fitting. */
    public static final int DEFAULT_FOLDS = 5;

    /** Checks the folds and label values. */
    public FitContext {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (!Double.isFinite(labels[i])) {
                    throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; labels must be finite");
                }
            }
        }
    }

    /** No labels, seed 42, {@value #DEFAULT_FOLDS} folds. */
    public static FitContext unsupervised() {
        return new FitContext(null, 42, DEFAULT_FOLDS);
    }

    /** With training labels (one per frame row), seed 42, {@value #DEFAULT_FOLDS} folds. */
    public static FitContext withLabels(double[] labels) {
        return new FitContext(labels, 42, DEFAULT_FOLDS);
    }

    /** The same context with another seed. */
    public FitContext seed(long newSeed) {
        return new FitContext(labels, newSeed, folds);
    }

    /** The same context with another fold count. */
    public FitContext folds(int newFolds) {
        return new FitContext(labels, seed, newFolds);
    }

    /** The labels, or a clear error naming {@code who} needs them. */
    public double[] requireLabels(String who, int rows) {
        if (labels == null) {
            throw new IllegalArgumentException(who + " needs training labels: fit the pipeline with labels");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(who + ": " + labels.length + " labels for " + rows + " rows");
        }
        return labels;
    }
}
