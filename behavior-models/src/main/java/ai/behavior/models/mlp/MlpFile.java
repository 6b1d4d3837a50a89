package ai.behavior.models.mlp;

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
import ai.behavior.models.io.TrainingProvenance;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainedParameters;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The saved form of an {@link MlpModel}, a model folder of type {@value MlpModel#MODEL_TYPE}:
 * <ul>
 *   <li>{@code manifest.json}: format and layout versions, the options (MLP and training), provenance (the device
 *   report of training, the kept epoch and metric) and the SHA-256 of every file;</li>
 *   <li>{@code mlp.json}: the architecture (features with cardinalities, embedding sizes, hidden layers), the
 *   task, the label scaling and the parameter listing;</li>
 *   <li>{@code device.json}: the full device report of training;</li>
 *   <li>{@code param.000}, {@code param.001}, ...: one float matrix per network parameter;</li>
 *   <li>{@code pipeline.*}: the fitted feature pipeline, when the model has one.</li>
 * </ul>
 *
 * <pre>{@code
 * model.save(dir);
 * try (MlpModel again = MlpModel.load(dir)) { ... }
 * }</pre>
 *
 * <p>Loading verifies every checksum before reading anything, then rebuilds the network from {@code mlp.json}
 * and checks every parameter's name and shape; any mismatch is a {@link ModelFileException} naming the file.
 */
public final class MlpFile {
    private static final String LAYOUT = "mlp.json";
    private static final String DEVICE = "device.json";
    private static final String PARAMS = "param.";
    private static final String PIPELINE = "pipeline.";

    private MlpFile() {
    }

    /** Writes {@code model} to {@code dir}, replacing an older model folder there. */
    public static void save(MlpModel model, Path dir) throws IOException {
        JsonObject options = new JsonObject();
        options.add("mlp", model.options().toJson());
        ModelWriter w = ModelWriter.create(dir, MlpModel.MODEL_TYPE, MlpModel.VERSION).options(options);
        DeviceReport trainedOn = TrainingProvenance.write(w, model.training().orElse(null), model.device());
        JsonObject layout = new JsonObject();
        layout.addProperty("task", model.task().name());
        layout.add("architecture", model.architecture().toJson());
        layout.addProperty("labelMean", model.labelMean());
        layout.addProperty("labelScale", model.labelScale());
        layout.add("parameters", ParameterFiles.write(w, PARAMS, model.network().parameters()));
        w.json(LAYOUT, layout);
        w.json(DEVICE, trainedOn.toJson());
        if (model.pipeline().isPresent()) {
            model.pipeline().get().writeTo(w, PIPELINE);
        }
        w.commit();
    }

    /** Reads a model from {@code dir} onto the device {@code policy} chooses (null: property, environment, AUTO). */
    public static MlpModel load(Path dir, DevicePolicy policy) throws IOException {
        ModelReader r = ModelReader.open(dir, MlpModel.MODEL_TYPE, MlpModel.VERSION);
        MlpOptions options;
        MlpArchitecture arch;
        double mean;
        double scale;
        TrainedParameters params;
        JsonObject layout;
        MlpTask task;
        JsonArray listing;
        try {
            options = MlpOptions.fromJson(r.optionsJson().getAsJsonObject().getAsJsonObject("mlp"));
            layout = r.json(LAYOUT).getAsJsonObject();
            arch = MlpArchitecture.fromJson(layout.getAsJsonObject("architecture"));
            mean = layout.get("labelMean").getAsDouble();
            scale = layout.get("labelScale").getAsDouble();
            task = MlpTask.valueOf(layout.get("task").getAsString());
            listing = layout.getAsJsonArray("parameters");
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + " or the options do not describe an MLP: " + e);
        }
        if (task != options.task()) {
            throw new ModelFileException(dir + ": the task in " + LAYOUT + " (" + task + ") differs from the options' "
                    + "task (" + options.task() + ")");
        }
        if (!(scale > 0) || !Double.isFinite(mean) || !Double.isFinite(scale)) {
            throw new ModelFileException(dir + ": " + LAYOUT + " has label mean " + mean + " and scale " + scale
                    + "; the scale must be finite and > 0");
        }
        params = ParameterFiles.read(r, listing);
        FittedPipeline pipeline = null;
        if (r.hasFile(PIPELINE + "pipeline.json")) {
            pipeline = FittedPipeline.readFrom(r, PIPELINE);
            try {
                arch.check(pipeline.schema(), "the saved pipeline's output");
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(dir + ": " + e.getMessage());
            }
        }
        DeviceChoice device = DeviceSelector.choose(policy, EngineFacts.detect());
        Network net;
        try {
            net = Network.create(() -> new MlpBlock(arch), arch.inputShapes(), params, device);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": the saved parameters do not fit the saved architecture: "
                    + e.getMessage());
        }
        return new MlpModel(net, arch, options, mean, scale, pipeline, null);
    }
}
