package ai.behavior.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network's parameters copied out of native memory: name (DJL's hierarchical parameter name), shape and float
 * values, in the network's parameter order. The training loop returns the best epoch's parameters in this form,
 * models are built from it, and save/load writes it one checksummed file per parameter.
 *
 * <pre>{@code
 * TrainedParameters p = TrainedParameters.of(block);    // snapshot
 * p.copyInto(freshBlock);                               // restore into an initialised block of the same design
 * }</pre>
 *
 * @param arrays the parameters in order
 */
public record TrainedParameters(List<NamedArray> arrays) {
    /** Copies the list. */
    public TrainedParameters {
        arrays = List.copyOf(arrays);
    }

    /**
     * One parameter.
     *
     * @param name   DJL's hierarchical name ("02Linear_weight")
     * @param shape  dimensions
     * @param values row-major values ({@code product(shape)} of them)
     */
    public record NamedArray(String name, long[] shape, float[] values) {
        /** Checks that the values fill the shape. */
        public NamedArray {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(name + ": " + values.length + " values do not fill shape "
                        + Arrays.toString(shape));
            }
        }
    }

    /** Copies every parameter of an initialised {@code block} (float32 only). */
    public static TrainedParameters of(Block block) {
        List<NamedArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter " + p.getKey() + " is " + a.getDataType()
                        + "; only float32 parameters are supported");
            }
            out.add(new NamedArray(p.getKey(), a.getShape().getShape(), a.toFloatArray()));
        }
        return new TrainedParameters(out);
    }

    /** Total number of values. */
    public long count() {
        long n = 0;
        for (NamedArray a : arrays) {
            n += a.values().length;
        }
        return n;
    }

    /**
     * Writes these values into the parameters of an initialised {@code block} of the same design.
     *
     * @throws IllegalArgumentException naming the first parameter whose name or shape differs
     */
    public void copyInto(Block block) {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        if (params.size() != arrays.size()) {
            throw new IllegalArgumentException("the network has " + params.size() + " parameters but "
                    + arrays.size() + " were given");
        }
        for (int i = 0; i < arrays.size(); i++) {
            NamedArray want = arrays.get(i);
            String name = params.get(i).getKey();
            NDArray a = params.get(i).getValue().getArray();
            if (!name.equals(want.name())) {
                throw new IllegalArgumentException("parameter " + i + " is '" + name + "' in the network but '"
                        + want.name() + "' in the values");
            }
            if (!a.getShape().equals(new Shape(want.shape()))) {
                throw new IllegalArgumentException("parameter '" + name + "' has shape " + a.getShape()
                        + " in the network but " + Arrays.toString(want.shape()) + " in the values");
            }
            a.set(FloatBuffer.wrap(want.values()));
        }
    }
}
