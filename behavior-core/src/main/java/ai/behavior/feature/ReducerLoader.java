package ai.behavior.feature;

import java.io.IOException;

/** Reads back a {@link FittedReducer} of one kind from what its {@code save} wrote. */
@FunctionalInterface
public interface ReducerLoader {
    /** The reducer stored in {@code in}. */
    FittedReducer load(StepReader in) throws IOException;
}
