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
 * Robust scaling {@code (x - median) / IQR} with the training median and interquartile range
 * {@code q75 - q25}, both type-7 quantiles ({@link Quantiles}), as scikit-learn's RobustScaler: outliers move
 * the mean and standard deviation but hardly the quartiles, so heavy-tailed columns (spend, session length)
 * keep a useful scale. An IQR of 0 (at least half the values equal) scales by 1, so the column is only centred.
 * Missing values follow {@link MissingValues}: imputed before scaling, with an optional indicator output.
 *
 * <pre>{@code
 * Pipeline.builder().add("spend", RobustScale.of("spend").missing(MissingValues.median())).build();
 * }</pre>
 *
 * @param column  the numeric input column
 * @param missing the missing-value policy
 */
public record RobustScale(String column, MissingValues missing) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "robust-scale";

    /** Robust-scales {@code column}; missing values are rejected. */
    public static RobustScale of(String column) {
        return new RobustScale(column, MissingValues.reject());
    }

    /** The same with another missing-value policy. */
    public RobustScale missing(MissingValues policy) {
        return new RobustScale(column, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, missing);
        double[] s = c.sortedPresent();
        double iqr = Quantiles.of(s, 0.75) - Quantiles.of(s, 0.25);
        if (!Double.isFinite(iqr)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': the interquartile range "
                    + "overflows a double; rescale the column first", column));
        }
        return new Fitted(Imputation.fit(c, missing), Quantiles.of(s, 0.5), iqr == 0 ? 1 : iqr);
    }

    static Transform load(StepReader in) throws ModelFileException {
        String column = in.stringParam("column");
        return new Fitted(Imputation.load(in, column), in.doubleParam("median"), in.doubleParam("scale"));
    }

    /** The fitted scaler; {@code scale} is the IQR, or 1 when the IQR was 0. */
    record Fitted(Imputation missing, double median, double scale) implements ScalarTransform {
        @Override
        public String kind() {
            return KIND;
        }




        @Override
        public double map(double v, int row) {
            return (v - median) / scale;
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column()).param("median", median).param("scale", scale);
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "median %.6g, IQR scale %.6g, %s", median, scale, missing.describe());
        }
    }
}
