package ai.behavior.feature.sequence;

import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.ReducerLoader;
import ai.behavior.feature.TransformLoader;

import java.util.Map;

/** Loaders of the transforms in this package, by kind (add one line per transform). */
public final class SequenceKinds implements KindRegistry {
    @Override
    public Map<String, TransformLoader> transforms() {
        return Map.ofEntries(
                Map.entry(SequenceEncoder.KIND, SequenceEncoder::load)
        );
    }

    @Override
    public Map<String, ReducerLoader> reducers() {
        return Map.ofEntries(
        );
    }
}
