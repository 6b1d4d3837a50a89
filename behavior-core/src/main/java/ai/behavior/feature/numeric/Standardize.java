package ai.behavior.feature.numeric;

import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FitContext;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.feature.Transform;
import ai.behavior.feature.Transformer;
import ai.behavior.modelfile.ModelFileException;

import java.util.ArrayList;
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
        return new Fitted(column, missing, missing.fill(c.sortedPresent()), c.mean(), sd == 0 ? 1 : sd);
    }

    static Transform load(StepReader in) throws ModelFileException {
        return new Fitted(in.stringParam("column"), MissingValues.load(in), in.doubleParam("fill"),
                in.doubleParam("mean"), in.doubleParam("scale"));
    }

    /** The fitted scaler. */
    record Fitted(String column, MissingValues missing, double fill, double mean, double scale) implements Transform {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return List.of(column);
        }

        @Override
        public List<FeatureSpec> outputs() {
            List<FeatureSpec> out = new ArrayList<>(List.of(new FeatureSpec.Dense("")));
            if (missing.indicator()) {
                out.add(new FeatureSpec.Dense("missing"));
            }
            return out;
        }

        @Override
        public BoundTransform bind(FeatureFrame in, OutputSlots out) {
            double[] x = in.numeric(column);
            boolean reject = missing.strategy() == MissingValues.Strategy.REJECT;
            boolean indicator = missing.indicator();
            return (row, o) -> {
                double v = x[row];
                boolean absent = MissingValues.isMissing(v);
                if (absent) {
                    if (reject) {
                        throw MissingValues.rejected(column, row, v);
                    }
                    v = fill;
                }
                out.dense(o, 0, (float) ((v - mean) / scale));
                if (indicator) {
                    out.dense(o, 1, absent ? 1f : 0f);
                }
            };
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", column).param("fill", reject() ? 0 : fill).param("mean", mean).param("scale", scale);
            missing.save(out);
        }

        private boolean reject() {
            return missing.strategy() == MissingValues.Strategy.REJECT;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "mean %.6g, sd %.6g, missing -> %s", mean, scale,
                    reject() ? "error" : String.format(Locale.ROOT, "%.6g", fill));
        }
    }
}
