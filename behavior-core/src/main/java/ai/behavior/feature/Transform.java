package ai.behavior.feature;

import java.io.IOException;
import java.util.List;

/**
 * A fitted transform: immutable and safe to use from many threads. It declares its outputs, binds to a frame
 * for allocation-free row transforms, saves its statistics, and describes them for humans.
 *
 * <p>Output names are relative to the pipeline step: the pipeline names an output {@code step} when its
 * relative name is empty, and {@code step.name} otherwise.
 */
public interface Transform {
    /** The stable kind under which {@link TransformKinds} finds this transform's loader. */
    String kind();

    /** The input columns this transform reads. */
    List<String> inputs();

    /** The outputs, with names relative to the step. */
    List<FeatureSpec> outputs();

    /** Binds to {@code in} (checking its columns) writing to {@code out}. */
    BoundTransform bind(FeatureFrame in, OutputSlots out);

    /**
     * Binds to the very frame the transform was fitted on. Transforms that fit out of fold (target encoding)
     * override this so training rows get values computed without their own label; the default is
     * {@link #bind}.
     */
    default BoundTransform bindForTraining(FeatureFrame train, OutputSlots out) {
        return bind(train, out);
    }

    /** Writes the fitted statistics and options. */
    void save(StepWriter out) throws IOException;

    /** A one-line summary of the fitted statistics (for {@code describe()}). */
    String describe();
}
