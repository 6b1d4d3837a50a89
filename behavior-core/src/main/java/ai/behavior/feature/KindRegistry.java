package ai.behavior.feature;

import java.util.Map;

/** The loaders of one family of transforms, by kind; {@link TransformKinds} merges every family. */
public interface KindRegistry {
    /** Transform loaders by kind. */
    Map<String, TransformLoader> transforms();

    /** Reducer loaders by kind. */
    default Map<String, ReducerLoader> reducers() {
        return Map.of();
    }
}
