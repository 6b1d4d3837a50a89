package ai.behavior.feature.numeric;

import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.ReducerLoader;
import ai.behavior.feature.TransformLoader;

import java.util.Map;

/** Loaders of the transforms in this package, by kind (add one line per transform). */
public final class NumericKinds implements KindRegistry {
    @Override
    public Map<String, TransformLoader> transforms() {
        return Map.ofEntries(
                Map.entry(Standardize.KIND, Standardize::load),
                Map.entry(MinMaxScale.KIND, MinMaxScale::load),
                Map.entry(RobustScale.KIND, RobustScale::load),
                Map.entry(Log1p.KIND, Log1p::load),
                Map.entry(Clip.KIND, Clip::load),
                Map.entry(Bucketize.KIND, Bucketize::load),
                Map.entry(Impute.KIND, Impute::load)
        );
    }

    @Override
    public Map<String, ReducerLoader> reducers() {
        return Map.ofEntries(
        );
    }
}
