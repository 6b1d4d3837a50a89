package ai.behavior.feature;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelWriter;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;

/**
 * What a fitted transform or reducer writes when its pipeline is saved: scalar parameters (kept in the
 * pipeline's JSON) and arrays (one checksummed file each, named after the step). Array names are short,
 * lower-case and unique within the step.
 */
public final class StepWriter {
    private final ModelWriter files;
    private final String prefix;
    private final JsonObject params = new JsonObject();

    StepWriter(ModelWriter files, String prefix) {
        this.files = files;
        this.prefix = prefix;
    }

    JsonObject params() {
        return params;
    }

    /** A numeric parameter (must be finite). */
    public StepWriter param(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter '" + key + "' is " + value + "; save finite numbers only");
        }
        params.addProperty(key, value);
        return this;
    }

    /** An integer parameter. */
    public StepWriter param(String key, long value) {
        params.addProperty(key, value);
        return this;
    }

    /** A text parameter. */
    public StepWriter param(String key, String value) {
        params.addProperty(key, value);
        return this;
    }

    /** A flag parameter. */
    public StepWriter param(String key, boolean value) {
        params.addProperty(key, value);
        return this;
    }

    /** A structured parameter. */
    public StepWriter param(String key, JsonElement value) {
        params.add(key, value);
        return this;
    }

    /** A double array. */
    public StepWriter doubles(String name, double[] values) throws IOException {
        files.doubles(prefix + name, values);
        return this;
    }

    /** A row-major float matrix. */
    public StepWriter floats(String name, float[] values, int rows, int cols) throws IOException {
        files.floats(prefix + name, values, rows, cols);
        return this;
    }

    /** An int array. */
    public StepWriter ints(String name, int[] values) throws IOException {
        files.ints(prefix + name, values);
        return this;
    }

    /** A string array. */
    public StepWriter strings(String name, String[] values) throws IOException {
        files.strings(prefix + name, values);
        return this;
    }

    /** An id index (vocabulary). */
    public StepWriter ids(String name, IdIndex ids) throws IOException {
        files.ids(prefix + name, ids);
        return this;
    }
}
