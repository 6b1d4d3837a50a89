package ai.behavior.feature.numeric;

import ai.behavior.feature.BoundTransform;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.OutputSlots;
import ai.behavior.feature.Transform;

import java.util.List;

/**
 * A fitted numeric transform of one column into one dense output (plus the optional "missing" indicator):
 * missing inputs are imputed or rejected by its {@link Imputation}, then {@link #map} turns the value into the
 * output. Standardize, MinMaxScale, RobustScale, Log1p, Clip and Impute differ only in {@code map}.
 */
interface ScalarTransform extends Transform {
    /** The column and its missing-value rule. */
    Imputation missing();

    /** The output for a present (or imputed) input {@code v} of row {@code row}; throws on an invalid value. */
    double map(double v, int row);

    @Override
    default List<String> inputs() {
        return List.of(missing().column());
    }

    @Override
    default List<FeatureSpec> outputs() {
        return missing().withIndicator(List.of(new FeatureSpec.Dense("")));
    }

    @Override
    default BoundTransform bind(FeatureFrame in, OutputSlots out) {
        Imputation missing = missing();
        String column = missing.column();
        double[] x = in.numeric(column);
        boolean indicator = missing.indicator();
        return (row, o) -> {
            double v = x[row];
            boolean absent = MissingValues.isMissing(v);
            if (absent) {
                v = missing.replace(row, v);
            }
            out.dense(o, 0, FloatOutput.of(map(v, row), column, row, x[row]));
            if (indicator) {
                out.dense(o, 1, absent ? 1f : 0f);
            }
        };
    }
}
