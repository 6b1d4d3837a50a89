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
 * Passes a numeric column through unscaled, only filling missing values (NaN or infinite) by a
 * {@link MissingValues} policy learned from the training rows, with an optional 0/1 indicator output: for
 * columns that are already on a good scale (rates, probabilities, one-hot flags). With
 * {@link MissingValues#reject()} it is a checked pass-through that fails on a missing value.
 *
 * <pre>{@code
 * Pipeline.builder().add("ctr", Impute.of("ctr", MissingValues.median().withIndicator())).build();
 * }</pre>
 *
 * @param column  the numeric input column
 * @param missing the missing-value policy
 */
public record Impute(String column, MissingValues missing) implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "impute";

    /** Passes {@code column} through, filling missing values by {@code policy}. */
    public static Impute of(String column, MissingValues policy) {
        return new Impute(column, policy);
    }

    /** The same with another missing-value policy. */
    public Impute missing(MissingValues policy) {
        return new Impute(column, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        return new Fitted(Imputation.fit(NumericColumn.of(train, column, missing), missing));
    }

    static Transform load(StepReader in) throws ModelFileException {
        return new Fitted(Imputation.load(in, in.stringParam("column")));
    }

    /** The fitted imputer. */
    record Fitted(Imputation missing) implements ScalarTransform {
        @Override
        public String kind() {
            return KIND;
        }




        @Override
        public double map(double v, int row) {
            return v;
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column());
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "pass-through, %s", missing.describe());
        }
    }
}
