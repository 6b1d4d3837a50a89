package ai.behavior.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.nio.FloatBuffer;

/** Test helpers: write hand-chosen values into a block's parameters by name suffix. */
final class Blocks {
    private Blocks() {
    }

    /** Sets the one parameter whose name ends with {@code suffix} to {@code values} (row-major). */
    static void set(Block block, String suffix, float... values) {
        Parameter found = null;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                if (found != null) {
                    throw new AssertionError("two parameters end with " + suffix);
                }
                found = p.getValue();
            }
        }
        if (found == null) {
            throw new AssertionError("no parameter ends with " + suffix + " in " + block.getParameters().keys());
        }
        NDArray a = found.getArray();
        if (a.size() != values.length) {
            throw new AssertionError(suffix + " has " + a.size() + " values, " + values.length + " given");
        }
        a.set(FloatBuffer.wrap(values));
    }
}
