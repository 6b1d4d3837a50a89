package ai.behavior.models.io;

import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.models.train.TrainedParameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Network parameters in a model folder: one float-matrix file per parameter ({@code prefix + "000"},
 * {@code prefix + "001"}, ...), so the manifest checksums each one, plus a JSON listing of DJL names, files and
 * shapes. We write the floats ourselves rather than DJL's {@code saveParameters} stream: the files are
 * engine-independent, readable without DJL, and a damaged parameter is named in the error.
 *
 * <pre>{@code
 * JsonArray listing = ParameterFiles.write(writer, "param.", network.parameters());
 * TrainedParameters p = ParameterFiles.read(reader, listing);
 * }</pre>
 */
public final class ParameterFiles {
    private ParameterFiles() {
    }

    /** Writes every parameter and returns the listing to store in the model's JSON. */
    public static JsonArray write(ModelWriter out, String prefix, TrainedParameters parameters) throws IOException {
        JsonArray listing = new JsonArray();
        List<TrainedParameters.NamedArray> arrays = parameters.arrays();
        for (int i = 0; i < arrays.size(); i++) {
            TrainedParameters.NamedArray a = arrays.get(i);
            String file = prefix + String.format(Locale.ROOT, "%03d", i);
            long rows = a.shape().length == 0 ? 1 : a.shape()[0];
            long cols = rows == 0 ? 0 : a.values().length / rows;
            out.floats(file, a.values(), rows, cols);
            JsonObject e = new JsonObject();
            e.addProperty("name", a.name());
            e.addProperty("file", file);
            JsonArray shape = new JsonArray();
            for (long d : a.shape()) {
                shape.add(d);
            }
            e.add("shape", shape);
            listing.add(e);
        }
        return listing;
    }

    /**
     * Reads the parameters a listing describes.
     *
     * @throws ModelFileException when a file is missing or does not hold the listed shape
     */
    public static TrainedParameters read(ModelReader in, JsonArray listing) throws IOException {
        List<TrainedParameters.NamedArray> arrays = new ArrayList<>();
        if (listing == null) {
            throw new ModelFileException("the model lists no parameters");
        }
        for (JsonElement el : listing) {
            String name;
            String file;
            long[] shape;
            long count = 1;
            try {
                JsonObject e = el.getAsJsonObject();
                name = e.get("name").getAsString();
                file = e.get("file").getAsString();
                JsonArray s = e.getAsJsonArray("shape");
                shape = new long[s.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = s.get(i).getAsLong();
                    count *= shape[i];
                }
            } catch (RuntimeException ex) {
                throw new ModelFileException("malformed parameter entry " + el + ": " + ex);
            }
            ModelReader.FloatMatrix m = in.floats(file);
            if (m.data().length != count) {
                throw new ModelFileException("parameter '" + name + "' in file '" + file + "' holds "
                        + m.data().length + " values but its shape " + Arrays.toString(shape) + " needs " + count);
            }
            arrays.add(new TrainedParameters.NamedArray(name, shape, m.data()));
        }
        return new TrainedParameters(arrays);
    }
}
