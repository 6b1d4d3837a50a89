package ai.behavior.feature;

import java.io.IOException;

/** Reads back a {@link Transform} of one kind from what its {@code save} wrote. */
@FunctionalInterface
public interface TransformLoader {
    /** The transform stored in {@code in}. */
    Transform load(StepReader in) throws IOException;
}
