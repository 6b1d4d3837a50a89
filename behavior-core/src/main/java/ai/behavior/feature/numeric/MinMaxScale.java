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
 * Min-max scaling {@code low + (x - min) / (max - min) * (high - low)} with the training minimum and maximum,
 * to {@code [0, 1]} unless another target range is given (as scikit-learn's MinMaxScaler). Values outside the
 * training range map outside the target range unless {@link #clip()} is set, because silently flattening new
 * extremes hides drift. A constant training column (max = min) carries no information, so every value maps
 * to {@code low} (0 by default) rather than dividing by zero. Missing values follow {@link MissingValues}:
 * imputed (on the raw scale) before scaling, with an optional indicator output.
 *
 * <pre>{@code
 * Pipeline.builder().add("age", MinMaxScale.of("age").range(-1, 1).clip()).build();
 * }</pre>
 *
 * @param column  the numeric input column
 * @param low     the target of the training minimum
 * @param high    the target of the training maximum
 * @param clipped whether outputs are clamped to {@code [low, high]}
 * @param missing the missing-value policy
 */
public record MinMaxScale(String column, double low, double high, boolean clipped, MissingValues missing)
        implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "min-max-scale";

    /** Checks the target range. */
    public MinMaxScale {
        checkRange(low, high);
    }

    /** Scales {@code column} to {@code [0, 1]} without clipping; missing values are rejected. */
    public static MinMaxScale of(String column) {
        return new MinMaxScale(column, 0, 1, false, MissingValues.reject());
    }

    /** The same with the target range {@code [newLow, newHigh]} (finite, {@code newLow < newHigh}). */
    public MinMaxScale range(double newLow, double newHigh) {
        return new MinMaxScale(column, newLow, newHigh, clipped, missing);
    }

    /** The same, clamping outputs to the target range (values beyond the training range saturate). */
    public MinMaxScale clip() {
        return new MinMaxScale(column, low, high, true, missing);
    }

    /** The same with another missing-value policy. */
    public MinMaxScale missing(MissingValues policy) {
        return new MinMaxScale(column, low, high, clipped, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, missing);
        double[] s = c.sortedPresent();
        double min = s[0];
        double max = s[s.length - 1];
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': the training range [%s, %s] "
                    + "overflows a double; rescale the column first", column, min, max));
        }
        return new Fitted(Imputation.fit(c, missing), min, max, low, high, clipped);
    }

    static Transform load(StepReader in) throws ModelFileException {
        String column = in.stringParam("column");
        return new Fitted(Imputation.load(in, column), in.doubleParam("min"), in.doubleParam("max"),
                in.doubleParam("low"), in.doubleParam("high"), in.booleanParam("clip"));
    }

    private static void checkRange(double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("the target range needs finite low < high, got [" + low + ", "
                    + high + "]");
        }
    }

    /** The fitted scaler. */
    record Fitted(Imputation missing, double min, double max, double low, double high, boolean clip)
            implements ScalarTransform {
        Fitted {
            checkRange(low, high);
        }

        @Override
        public String kind() {
            return KIND;
        }




        @Override
        public double map(double v, int row) {
            double range = max - min;
            double y = range == 0 ? low : low + (v - min) / range * (high - low);
            return clip ? Math.min(high, Math.max(low, y)) : y;
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column()).param("min", min).param("max", max).param("low", low)
                    .param("high", high).param("clip", clip);
            missing.save(out);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "min %.6g, max %.6g -> [%.6g, %.6g]%s, %s", min, max, low, high,
                    clip ? " clipped" : "", missing.describe());
        }
    }
}
