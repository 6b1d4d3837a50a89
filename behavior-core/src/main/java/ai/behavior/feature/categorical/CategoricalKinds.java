package ai.behavior.feature.categorical;

import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.ReducerLoader;
import ai.behavior.feature.TransformLoader;

import java.util.Map;

/** Loaders of the transforms in this package, by kind (add one line per transform). */
public final class CategoricalKinds implements KindRegistry {
    @Override
    public Map<String, TransformLoader> transforms() {
        return Map.ofEntries(
                Map.entry(IndexEncoder.KIND, IndexEncoder::load),
                Map.entry(OneHot.KIND, OneHot::load),
                Map.entry(FrequencyEncoder.KIND, FrequencyEncoder::load),
                Map.entry(HashingEncoder.KIND, HashingEncoder::load),
                Map.entry(TargetEncoder.KIND, TargetEncoder::load)
        );
    }

    @Override
    public Map<String, ReducerLoader> reducers() {
        return Map.ofEntries(
        );
    }
}
