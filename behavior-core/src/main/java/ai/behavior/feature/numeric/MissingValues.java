package ai.behavior.feature.numeric;

import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.util.Locale;

/**
 * What a numeric transform does with a missing input: NaN, or an infinite value, which the library treats as
 * missing too (an overflowed log or a divide-by-zero upstream is not a measurement). REJECT (the default)
 * throws with the column, row and value; the other strategies impute a value learned from the training rows
 * (or a constant) and can add a 0/1 "was missing" indicator output.
 *
 * <pre>{@code
 * Standardize.of("price").missing(MissingValues.median().withIndicator());
 * }</pre>
 */
public record MissingValues(Strategy strategy, double constant, boolean indicator) {
    /** How a missing value is replaced. */
    public enum Strategy {
        /** Throw an error naming the column, row and value. */
        REJECT,
        /** The mean of the training values that are present. */
        MEAN,
        /** The median of the training values that are present. */
        MEDIAN,
        /** A constant given by the caller. */
        CONSTANT
    }

    /** Checks the constant. */
    public MissingValues {
        if (strategy == Strategy.CONSTANT && !Double.isFinite(constant)) {
            throw new IllegalArgumentException("the imputation constant must be finite, got " + constant);
        }
        if (strategy == Strategy.REJECT && indicator) {
            throw new IllegalArgumentException("a missing indicator needs an imputing strategy, not REJECT");
        }
    }

    /** Missing values are an error (the default). */
    public static MissingValues reject() {
        return new MissingValues(Strategy.REJECT, 0, false);
    }

    /** Impute the training mean. */
    public static MissingValues mean() {
        return new MissingValues(Strategy.MEAN, 0, false);
    }

    /** Impute the training median. */
    public static MissingValues median() {
        return new MissingValues(Strategy.MEDIAN, 0, false);
    }

    /** Impute {@code value}. */
    public static MissingValues constant(double value) {
        return new MissingValues(Strategy.CONSTANT, value, false);
    }

    /** The same strategy plus a 0/1 "was missing" output. */
    public MissingValues withIndicator() {
        return new MissingValues(strategy, constant, true);
    }

    /** Whether {@code x} counts as missing (NaN or infinite). */
    public static boolean isMissing(double x) {
        return !Double.isFinite(x);
    }

    /** The error for a missing value under REJECT. */
    public static IllegalArgumentException rejected(String column, int row, double value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: %s is missing; declare "
                + "how to impute it (MissingValues.mean(), median() or constant(...)) or clean the input", column, row,
                value));
    }

    /**
     * The value that replaces a missing input, learned from the present training values {@code present}
     * (sorted ascending, at least one) — or NaN under REJECT.
     */
    public double fill(double[] sortedPresent) {
        return switch (strategy) {
            case REJECT -> Double.NaN;
            case CONSTANT -> constant;
            case MEAN -> {
                double s = 0;
                for (double v : sortedPresent) {
                    s += v;
                }
                yield s / sortedPresent.length;
            }
            case MEDIAN -> Quantiles.of(sortedPresent, 0.5);
        };
    }

    void save(StepWriter out) {
        out.param("missing", strategy.name()).param("missingConstant", constant).param("missingIndicator", indicator);
    }

    static MissingValues load(StepReader in) throws ModelFileException {
        return new MissingValues(Strategy.valueOf(in.stringParam("missing")), in.doubleParam("missingConstant"),
                in.booleanParam("missingIndicator"));
    }
}
