package ai.behavior.feature;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;

/** Reads back what a {@link StepWriter} wrote, with a clear error naming the step when something is missing. */
public final class StepReader {
    private final ModelReader files;
    private final String prefix;
    private final String step;
    private final JsonObject params;

    StepReader(ModelReader files, String prefix, String step, JsonObject params) {
        this.files = files;
        this.prefix = prefix;
        this.step = step;
        this.params = params;
    }

    /** The step's name in its pipeline (for error messages). */
    public String step() {
        return step;
    }

    /** A numeric parameter. */
    public double doubleParam(String key) throws ModelFileException {
        return require(key).getAsDouble();
    }

    /** An integer parameter. */
    public long longParam(String key) throws ModelFileException {
        return require(key).getAsLong();
    }

    /** An int parameter. */
    public int intParam(String key) throws ModelFileException {
        return require(key).getAsInt();
    }

    /** A text parameter. */
    public String stringParam(String key) throws ModelFileException {
        return require(key).getAsString();
    }

    /** A flag parameter. */
    public boolean booleanParam(String key) throws ModelFileException {
        return require(key).getAsBoolean();
    }

    /** A structured parameter. */
    public JsonElement param(String key) throws ModelFileException {
        return require(key);
    }

    /** Whether the parameter was written. */
    public boolean hasParam(String key) {
        return params.has(key) && !params.get(key).isJsonNull();
    }

    /** A double array. */
    public double[] doubles(String name) throws IOException {
        return files.doubles(prefix + name);
    }

    /** A float matrix. */
    public ModelReader.FloatMatrix floats(String name) throws IOException {
        return files.floats(prefix + name);
    }

    /** An int array. */
    public int[] ints(String name) throws IOException {
        return files.ints(prefix + name);
    }

    /** A string array. */
    public String[] strings(String name) throws IOException {
        return files.strings(prefix + name);
    }

    /** An id index. */
    public IdIndex ids(String name) throws IOException {
        return files.ids(prefix + name);
    }

    private JsonElement require(String key) throws ModelFileException {
        JsonElement e = params.get(key);
        if (e == null || e.isJsonNull()) {
            throw new ModelFileException("pipeline step '" + step + "' has no saved parameter '" + key + "'");
        }
        return e;
    }
}
