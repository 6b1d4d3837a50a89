package ai.behavior.feature.select;

import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.ReducerLoader;
import ai.behavior.feature.TransformLoader;

import java.util.Map;

/** Loaders of the transforms in this package, by kind (add one line per transform). */
public final class SelectKinds implements KindRegistry {
    @Override
    public Map<String, TransformLoader> transforms() {
        return Map.ofEntries(
        );
    }

    @Override
    public Map<String, ReducerLoader> reducers() {
        return Map.ofEntries(
                Map.entry(Pca.KIND, Pca::load),
                Map.entry(VarianceThreshold.KIND, VarianceThreshold::load),
                Map.entry(CorrelationFilter.KIND, CorrelationFilter::load),
                Map.entry(MutualInformationSelect.KIND, MutualInformationSelect::load)
        );
    }
}
