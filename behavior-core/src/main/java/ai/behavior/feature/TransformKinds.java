package ai.behavior.feature;

import ai.behavior.feature.categorical.CategoricalKinds;
import ai.behavior.feature.numeric.NumericKinds;
import ai.behavior.feature.select.SelectKinds;
import ai.behavior.feature.sequence.SequenceKinds;
import ai.behavior.feature.text.TextKinds;
import ai.behavior.feature.time.TimeKinds;
import ai.behavior.modelfile.ModelFileException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every transform and reducer kind the library can load, so a saved pipeline names its steps by a stable
 * kind rather than by a Java class name (a file never chooses which class gets instantiated).
 */
public final class TransformKinds {
    private static final List<KindRegistry> FAMILIES = List.of(new NumericKinds(), new CategoricalKinds(),
            new TimeKinds(), new TextKinds(), new SelectKinds(), new SequenceKinds());
    private static final Map<String, TransformLoader> TRANSFORMS = new HashMap<>();
    private static final Map<String, ReducerLoader> REDUCERS = new HashMap<>();

    static {
        for (KindRegistry family : FAMILIES) {
            family.transforms().forEach((k, v) -> {
                if (TRANSFORMS.put(k, v) != null) {
                    throw new IllegalStateException("transform kind '" + k + "' registered twice");
                }
            });
            family.reducers().forEach((k, v) -> {
                if (REDUCERS.put(k, v) != null) {
                    throw new IllegalStateException("reducer kind '" + k + "' registered twice");
                }
            });
        }
    }

    private TransformKinds() {
    }

    /** The loader of transform kind {@code kind}. */
    public static TransformLoader transform(String kind) throws ModelFileException {
        TransformLoader l = TRANSFORMS.get(kind);
        if (l == null) {
            throw new ModelFileException("unknown transform kind '" + kind + "': the file was written by a newer "
                    + "library or is damaged");
        }
        return l;
    }

    /** The loader of reducer kind {@code kind}. */
    public static ReducerLoader reducer(String kind) throws ModelFileException {
        ReducerLoader l = REDUCERS.get(kind);
        if (l == null) {
            throw new ModelFileException("unknown reducer kind '" + kind + "': the file was written by a newer "
                    + "library or is damaged");
        }
        return l;
    }

    /** Every registered transform kind (for tests that check each one round-trips). */
    public static java.util.Set<String> transformKinds() {
        return java.util.Set.copyOf(TRANSFORMS.keySet());
    }

    /** Every registered reducer kind. */
    public static java.util.Set<String> reducerKinds() {
        return java.util.Set.copyOf(REDUCERS.keySet());
    }
}
