package ai.behavior.feature.numeric;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.util.List;
import java.util.Locale;

/**
 * {@code log(1 + x)} for counts and amounts ({@code x >= 0}), which tames long right tails. A negative input
 * is an error naming the column, row and value unless {@link #clampNegatives()} maps it to 0 (a refund or a
 * data bug is not silently logged as something else).
 *
 * <p>{@link #thenStandardize()} standardises the log values with the training mean and population standard
 * deviation of the logs (sd 0 scales by 1). It lives here, in one transform, because every pipeline step reads
 * raw frame columns: a second step cannot consume this step's output, so "log, then standardise" cannot be
 * built from two steps. Missing values follow {@link MissingValues}: the fill is learned on the raw scale and
 * then logged like any value; the log statistics come from the present training values only.
 *
 * <pre>{@code
 * Pipeline.builder().add("orders", Log1p.of("orders").thenStandardize().missing(MissingValues.constant(0))).build();
 * }</pre>
 *
 * @param column          the numeric input column
 * @param negativesToZero whether a negative input becomes 0 instead of an error
 * @param standardize     whether the log values are standardised with training statistics
 * @param missing         the missing-value policy
 */
public record Log1p(String column, boolean negativesToZero, boolean standardize, MissingValues missing)
        implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "log1p";

    /** {@code log(1 + x)} of {@code column}; negative and missing values are rejected. */
    public static Log1p of(String column) {
        return new Log1p(column, false, false, MissingValues.reject());
    }

    /** The same, mapping negative inputs to 0 (so to a log of 0) instead of failing. */
    public Log1p clampNegatives() {
        return new Log1p(column, true, standardize, missing);
    }

    /** The same, standardising the log values with the training mean and standard deviation of the logs. */
    public Log1p thenStandardize() {
        return new Log1p(column, negativesToZero, true, missing);
    }

    /** The same with another missing-value policy. */
    public Log1p missing(MissingValues policy) {
        return new Log1p(column, negativesToZero, standardize, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, missing);
        if (!negativesToZero) {
            double[] x = train.numeric(column);
            for (int r = 0; r < x.length; r++) {
                if (x[r] < 0 && !MissingValues.isMissing(x[r])) {
                    throw negative(column, r, x[r]);
                }
            }
        }
        Imputation imputation = Imputation.fit(c, missing);
        if (!imputation.rejects() && imputation.fill() < 0 && !negativesToZero) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': the imputed value %s is "
                    + "negative, which log1p rejects; impute a value >= 0 or use clampNegatives()", column,
                    imputation.fill()));
        }
        double mean = 0;
        double scale = 1;
        if (standardize) {
            double[] s = c.sortedPresent();
            double[] logs = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                logs[i] = Math.log1p(Math.max(0, s[i]));   // monotone, so still sorted
            }
            NumericColumn l = new NumericColumn(column, logs, c.missing());
            mean = l.mean();
            double sd = l.standardDeviation();
            scale = sd == 0 ? 1 : sd;
        }
        return new Fitted(imputation, negativesToZero, standardize, mean, scale);
    }

    static Transform load(StepReader in) throws ModelFileException {
        String column = in.stringParam("column");
        return new Fitted(Imputation.load(in, column), in.booleanParam("clampNegatives"),
                in.booleanParam("standardize"), in.doubleParam("mean"), in.doubleParam("scale"));
    }

    static IllegalArgumentException negative(String column, int row, double value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: %s is negative, and "
                + "log1p needs values >= 0; use Log1p.clampNegatives() to map negatives to 0, or shift the column",
                column, row, value));
    }

    /** The fitted log; {@code mean} and {@code scale} are 0 and 1 unless it standardises. */
    record Fitted(Imputation missing, boolean clampNegatives, boolean standardize, double mean, double scale)
            implements ScalarTransform {
        @Override
        public String kind() {
            return KIND;
        }




        @Override
        public double map(double v, int row) {
            if (v < 0) {
                if (!clampNegatives) {
                    throw negative(missing.column(), row, v);
                }
                v = 0;
            }
            // a standardised log is at most about 710 / scale, which fits a float unless the scale is tiny
            return (Math.log1p(v) - mean) / scale;
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column()).param("clampNegatives", clampNegatives)
                    .param("standardize", standardize).param("mean", mean).param("scale", scale);
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "log1p%s, negatives -> %s, %s",
                    standardize ? String.format(Locale.ROOT, " then standardised (mean %.6g, sd %.6g)", mean, scale)
                            : "",
                    clampNegatives ? "0" : "error", missing.describe());
        }
    }
}
