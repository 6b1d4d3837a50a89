package ai.behavior.feature;

import java.io.IOException;
import java.util.List;

/** A fitted {@link DenseReducer}: immutable, thread-safe and allocation-free per row. */
public interface FittedReducer {
    /** The stable kind under which {@link TransformKinds} finds this reducer's loader. */
    String kind();

    /** Width of the dense block it reads. */
    int inputWidth();

    /** Names of the dense columns it produces, in order. */
    List<String> outputNames();

    /** Reduces one row: reads {@code inputWidth()} floats at {@code in[inOff..]}, writes its outputs at {@code out[outOff..]}. */
    void apply(float[] in, int inOff, float[] out, int outOff);

    /** Writes the fitted statistics and options. */
    void save(StepWriter out) throws IOException;

    /** A one-line summary for {@code describe()}. */
    String describe();
}
