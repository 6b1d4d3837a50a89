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
 * Clips a column to bounds and outputs the clipped raw value: fixed bounds ({@link #between}) or bounds learned
 * as type-7 quantiles of the training values ({@link #quantiles}, that is winsorising). The output stays on the
 * raw scale; a model that needs scaled inputs standardises elsewhere. Missing values follow
 * {@link MissingValues}: imputed first, then clipped like any value, with an optional indicator output.
 *
 * <pre>{@code
 * Pipeline.builder().add("basket", Clip.quantiles("basket", 0.01, 0.99)).add("age", Clip.between("age", 0, 100))
 *         .build();
 * }</pre>
 *
 * @param column    the numeric input column
 * @param low       the lower bound, or with {@code quantiles} the quantile level of the lower bound
 * @param high      the upper bound, or with {@code quantiles} the quantile level of the upper bound
 * @param quantiles whether {@code low} and {@code high} are quantile levels learned from the training values
 * @param missing   the missing-value policy
 */
public record Clip(String column, double low, double high, boolean quantiles, MissingValues missing)
        implements Transformer {
    /** Kind in saved pipelines. */
    public static final String KIND = "clip";

    /** Checks the bounds or quantile levels. */
    public Clip {
        if (quantiles) {
            if (!(low >= 0 && high <= 1 && low < high)) {
                throw new IllegalArgumentException("quantile levels need 0 <= low < high <= 1, got " + low + " and "
                        + high);
            }
        } else if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("clip bounds need finite low < high, got [" + low + ", " + high + "]");
        }
    }

    /** Clips {@code column} to the fixed bounds {@code [low, high]}; missing values are rejected. */
    public static Clip between(String column, double low, double high) {
        return new Clip(column, low, high, false, MissingValues.reject());
    }

    /**
     * Clips {@code column} to its training quantiles {@code qLow} and {@code qHigh} (winsorising); missing values
     * are rejected.
     */
    public static Clip quantiles(String column, double qLow, double qHigh) {
        return new Clip(column, qLow, qHigh, true, MissingValues.reject());
    }

    /** The same with another missing-value policy. */
    public Clip missing(MissingValues policy) {
        return new Clip(column, low, high, quantiles, policy);
    }

    @Override
    public List<String> inputs() {
        return List.of(column);
    }

    @Override
    public Transform fit(FeatureFrame train, FitContext context) {
        NumericColumn c = NumericColumn.of(train, column, missing);
        Imputation imputation = Imputation.fit(c, missing);
        if (!quantiles) {
            return new Fitted(imputation, low, high, 0, 0, false);
        }
        double[] s = c.sortedPresent();
        return new Fitted(imputation, Quantiles.of(s, low), Quantiles.of(s, high), low, high, true);
    }

    static Transform load(StepReader in) throws ModelFileException {
        String column = in.stringParam("column");
        boolean learned = in.booleanParam("learned");
        return new Fitted(Imputation.load(in, column), in.doubleParam("low"), in.doubleParam("high"),
                learned ? in.doubleParam("qLow") : 0, learned ? in.doubleParam("qHigh") : 0, learned);
    }

    /**
     * The fitted clip to {@code [low, high]}; {@code qLow} and {@code qHigh} are the quantile levels the bounds
     * were learned at when {@code learned}, and 0 otherwise. Learned bounds may be equal (a constant column).
     */
    record Fitted(Imputation missing, double low, double high, double qLow, double qHigh, boolean learned)
            implements ScalarTransform {
        Fitted {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high)) {
                throw new IllegalArgumentException("column '" + missing.column() + "': clip bounds need finite low "
                        + "<= high, got [" + low + ", " + high + "]");
            }
        }

        @Override
        public String kind() {
            return KIND;
        }




        @Override
        public double map(double v, int row) {
            return Math.min(high, Math.max(low, v));
        }

        @Override
        public void save(StepWriter out) {
            out.param("column", missing.column()).param("low", low).param("high", high).param("learned", learned);
            if (learned) {
                out.param("qLow", qLow).param("qHigh", qHigh);
            }
            missing.save(out);
        }

        @Override
        public String describe() {
            String from = learned ? String.format(Locale.ROOT, " (training quantiles %.6g and %.6g)", qLow, qHigh)
                    : "";
            return String.format(Locale.ROOT, "clip to [%.6g, %.6g]%s, %s", low, high, from, missing.describe());
        }
    }
}
