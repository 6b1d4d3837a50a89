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
 * Standard scaling {@code (x - mean) / sd} with the training mean and population standard deviation (as
 * scikit-learn's StandardScaler). A constant column has sd 0 and is only centred, so it never divides by zero.
 * Missing values follow {@link MissingValues}: imputed before scaling, with an optional indicator output.
 *
 * <pre>{@code
 * Pipeline.builder().add("price", Standardize.of("price").missing(MissingValues.mean())).build();
 * }</pre>
 */
public record Standardize(String column, MissingValues missing) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "standardize";

    /** Standardises {@code column}; missing values are rejected. */
    public static Standardize of(String column) {
        return new Standardize(column, MissingValues.reject());
    }

    /** The same with another missing-value policy. */
    public Standardize missing(MissingValues policy) {
        return new Standardize(column, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, missing);
        double sd = c.standardDeviation();
        return new Fitted(Imputation.fit(c, missing), c.mean(), sd == 0 ? 1 : sd);
    }

    static Transform load(StepReader in) throws ModelFileException {
        return new Fitted(Imputation.load(in, in.stringParam("column")), in.doubleParam("mean"),
                in.doubleParam("scale"));
    }

    /** The fitted scaler; {@code scale} is the standard deviation, or 1 for a constant column. */
    record Fitted(Imputation missing, double mean, double scale) implements ScalarTransform {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public double map(double v, int row) {
            return (v - mean) / scale;
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column()).param("mean", mean).param("scale", scale);
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "mean %.6g, sd %.6g, %s", mean, scale, missing.describe());
        }
    }
}
