package ai.behavior.feature.time;

import ai.behavior.feature.KindRegistry;
import ai.behavior.feature.ReducerLoader;
import ai.behavior.feature.TransformLoader;

import java.util.Map;

/** Loaders of the transforms in this package, by kind (add one line per transform). */
public final class TimeKinds implements KindRegistry {
    @Override
    public Map<String, TransformLoader> transforms() {
        return Map.ofEntries(
                Map.entry(CalendarFeatures.KIND, CalendarFeatures::load),
                Map.entry(Recency.KIND, Recency::load)
        );
    }

    @Override
    public Map<String, ReducerLoader> reducers() {
        return Map.ofEntries(
        );
    }
}
