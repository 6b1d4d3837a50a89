package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.io.ParameterFiles;
import ai.behavior.models.io.PipelineFiles;
import ai.behavior.models.io.TrainingProvenance;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainedParameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The saved form of a {@link FusionModel}, a model folder of type {@value FusionModel#MODEL_TYPE}:
 * <ul>
 *   <li>{@code manifest.json}: format and layout versions, the options (fusion and training), provenance (the
 *   device report of training, the kept epoch and metric) and the SHA-256 and size of every file;</li>
 *   <li>{@code fusion.json}: the schema of the rows (names, types, cardinalities, sequence length and padding),
 *   the sequence encoder (description, output size and, for the built-in encoders, the spec that rebuilds it) and
 *   the parameter listing (DJL name, file, shape);</li>
 *   <li>{@code device.json}: the full device report of training;</li>
 *   <li>{@code param.000}, {@code param.001}, ...: one float matrix per network parameter;</li>
 *   <li>{@code pipeline.*}: the fitted feature pipeline, when the model has one.</li>
 * </ul>
 *
 * <pre>{@code
 * model.save(dir);
 * try (FusionModel again = FusionModel.load(dir)) { double[] same = again.predict(rows); }
 * }</pre>
 *
 * <p>Loading verifies every checksum before reading anything, rebuilds the network from {@code fusion.json} and
 * checks every parameter's name and shape: a corrupted, truncated or missing file, another model type or a newer
 * layout is a {@link ModelFileException} naming the file.
 */
public final class FusionFile {
    private static final String LAYOUT = "fusion.json";
    private static final String DEVICE = "device.json";
    private static final String PARAMS = "param.";
    private static final String PIPELINE = "pipeline.";

    private FusionFile() {
    }

    /** Writes {@code model} to {@code dir}, replacing an older model folder there. */
    public static void save(FusionModel model, Path dir) throws IOException {
        JsonObject options = new JsonObject();
        options.add("fusion", model.options().toJson());
        ModelWriter w = ModelWriter.create(dir, FusionModel.MODEL_TYPE, FusionModel.VERSION).options(options);
        DeviceReport trainedOn = TrainingProvenance.write(w, model.training().orElse(null), model.device());
        JsonObject layout = new JsonObject();
        layout.add("schema", model.schema().toJson());
        layout.addProperty("sequenceFeature", model.schema().sequences().get(model.sequenceIndex()).name());
        layout.add("encoder", SavedEncoder.toJson(model.encoder()));
        layout.add("parameters", ParameterFiles.write(w, PARAMS, model.network().parameters()));
        w.json(LAYOUT, layout);
        w.json(DEVICE, trainedOn.toJson());
        PipelineFiles.write(w, PIPELINE, model.pipeline().orElse(null));
        w.commit();
    }

    /**
     * Reads a model from {@code dir} onto the device {@code policy} chooses (null: property, environment, AUTO).
     * {@code encoder} null rebuilds the saved built-in encoder; a model saved with a custom encoder needs it given.
     */
    public static FusionModel load(Path dir, SequenceEncoderFactory encoder, DevicePolicy policy) throws IOException {
        ModelReader r = ModelReader.open(dir, FusionModel.MODEL_TYPE, FusionModel.VERSION);
        FusionOptions options;
        FeatureSchema schema;
        JsonObject savedEncoder;
        JsonArray listing;
        try {
            options = FusionOptions.fromJson(r.optionsJson().getAsJsonObject().getAsJsonObject("fusion"));
            JsonObject layout = r.json(LAYOUT).getAsJsonObject();
            schema = FeatureSchema.fromJson(layout.get("schema"), LAYOUT);
            savedEncoder = layout.getAsJsonObject("encoder");
            listing = layout.getAsJsonArray("parameters");
        } catch (ModelFileException e) {
            throw new ModelFileException(dir + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + " or the options do not describe a fusion model: " + e);
        }
        SequenceEncoderFactory enc = SavedEncoder.fromJson(dir, savedEncoder, encoder);
        int s;
        AttributeLayout attributes;
        try {
            s = FusionInputs.sequenceIndex(schema, options.sequenceFeature());
            attributes = AttributeLayout.of(schema, options.maxEmbeddingDim());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + ": " + e.getMessage());
        }
        FeatureSpec.Sequence spec = schema.sequences().get(s);
        TrainedParameters params = ParameterFiles.read(r, listing);
        FittedPipeline pipeline = PipelineFiles.read(dir, r, PIPELINE, schema);
        DeviceChoice device = DeviceSelector.choose(policy, EngineFacts.detect());
        Network net;
        try {
            net = Network.create(() -> new FusedNetwork(attributes, spec, enc, options),
                    FusedNetwork.inputShapes(attributes, spec), params, device);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": the saved parameters do not fit the network " + LAYOUT
                    + " describes: " + e.getMessage());
        }
        return new FusionModel(net, schema, s, enc, options, null, pipeline);
    }
}
