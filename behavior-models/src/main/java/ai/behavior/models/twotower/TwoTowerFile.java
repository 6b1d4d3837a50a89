package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
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
import ai.behavior.models.fusion.AttributeLayout;
import ai.behavior.models.fusion.FusionInputs;
import ai.behavior.models.fusion.SavedEncoder;
import ai.behavior.models.fusion.SequenceEncoderFactory;
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
 * The saved form of a {@link TwoTowerModel}, a model folder of type {@value TwoTowerModel#MODEL_TYPE}:
 * <ul>
 *   <li>{@code manifest.json}: format and layout versions, the options (two-tower and training), provenance (the
 *   device report of training, the kept epoch and metric) and the SHA-256 and size of every file;</li>
 *   <li>{@code two-tower.json}: the schemas of the user and item rows, the user sequence encoder (when the user
 *   rows have a sequence) and the parameter listing;</li>
 *   <li>{@code device.json}: the full device report of training;</li>
 *   <li>{@code param.000}, ...: one float matrix per network parameter of both towers;</li>
 *   <li>{@code user_pipeline.*}, {@code item_pipeline.*}, {@code users.ids}, {@code items.ids}: the parts of the
 *   model's {@link TwoTowerContext} it was given.</li>
 * </ul>
 *
 * <pre>{@code
 * model.save(dir);
 * try (TwoTowerModel again = TwoTowerModel.load(dir)) { TwoTowerScorer s = again.scorer(userRows, itemRows); }
 * }</pre>
 *
 * <p>Loading verifies every checksum before reading anything, rebuilds both towers from {@code two-tower.json}
 * and checks every parameter's name and shape: a corrupted, truncated or missing file, another model type or a
 * newer layout is a {@link ModelFileException} naming the file.
 */
public final class TwoTowerFile {
    private static final String LAYOUT = "two-tower.json";
    private static final String DEVICE = "device.json";
    private static final String PARAMS = "param.";
    private static final String USER_PIPELINE = "user_pipeline.";
    private static final String ITEM_PIPELINE = "item_pipeline.";
    private static final String USER_IDS = "users.ids";
    private static final String ITEM_IDS = "items.ids";

    private TwoTowerFile() {
    }

    /** Writes {@code model} to {@code dir}, replacing an older model folder there. */
    public static void save(TwoTowerModel model, Path dir) throws IOException {
        JsonObject options = new JsonObject();
        options.add("twoTower", model.options().toJson());
        ModelWriter w = ModelWriter.create(dir, TwoTowerModel.MODEL_TYPE, TwoTowerModel.VERSION).options(options);
        DeviceReport trainedOn = TrainingProvenance.write(w, model.training().orElse(null), model.device());
        JsonObject layout = new JsonObject();
        layout.add("userSchema", model.userSchema().toJson());
        layout.add("itemSchema", model.itemSchema().toJson());
        if (model.encoder().isPresent()) {
            layout.add("encoder", SavedEncoder.toJson(model.encoder().get()));
        }
        layout.add("parameters", ParameterFiles.write(w, PARAMS, model.network().parameters()));
        w.json(LAYOUT, layout);
        w.json(DEVICE, trainedOn.toJson());
        TwoTowerContext c = model.context();
        PipelineFiles.write(w, USER_PIPELINE, c.userPipeline());
        PipelineFiles.write(w, ITEM_PIPELINE, c.itemPipeline());
        if (c.users() != null) {
            w.ids(USER_IDS, c.users());
        }
        if (c.items() != null) {
            w.ids(ITEM_IDS, c.items());
        }
        w.commit();
    }

    /**
     * Reads a model from {@code dir} onto the device {@code policy} chooses (null: property, environment, AUTO).
     * {@code encoder} null rebuilds the saved built-in encoder; a model saved with a custom encoder needs it given.
     */
    public static TwoTowerModel load(Path dir, SequenceEncoderFactory encoder, DevicePolicy policy)
            throws IOException {
        ModelReader r = ModelReader.open(dir, TwoTowerModel.MODEL_TYPE, TwoTowerModel.VERSION);
        TwoTowerOptions options;
        FeatureSchema userSchema;
        FeatureSchema itemSchema;
        JsonObject savedEncoder;
        JsonArray listing;
        try {
            options = TwoTowerOptions.fromJson(r.optionsJson().getAsJsonObject().getAsJsonObject("twoTower"));
            JsonObject layout = r.json(LAYOUT).getAsJsonObject();
            userSchema = FeatureSchema.fromJson(layout.get("userSchema"), LAYOUT);
            itemSchema = FeatureSchema.fromJson(layout.get("itemSchema"), LAYOUT);
            savedEncoder = layout.has("encoder") ? layout.getAsJsonObject("encoder") : null;
            listing = layout.getAsJsonArray("parameters");
        } catch (ModelFileException e) {
            throw new ModelFileException(dir + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + " or the options do not describe a two-tower model: "
                    + e);
        }
        int sequence;
        AttributeLayout userLayout;
        AttributeLayout itemLayout;
        try {
            sequence = userSchema.sequences().isEmpty() ? -1 : FusionInputs.sequenceIndex(userSchema, null);
            userLayout = AttributeLayout.of(userSchema, options.maxEmbeddingDim());
            itemLayout = AttributeLayout.of(itemSchema, options.maxEmbeddingDim());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + ": " + e.getMessage());
        }
        if ((sequence >= 0) != (savedEncoder != null)) {
            throw new ModelFileException(dir + ": " + LAYOUT + (sequence >= 0 ? " has a user sequence but no encoder"
                    : " has an encoder but no user sequence"));
        }
        SequenceEncoderFactory enc = sequence < 0 ? null : SavedEncoder.fromJson(dir, savedEncoder, encoder);
        FeatureSpec.Sequence spec = sequence < 0 ? null : userSchema.sequences().get(sequence);
        TrainedParameters params = ParameterFiles.read(r, listing);
        FittedPipeline userPipeline = PipelineFiles.read(dir, r, USER_PIPELINE, userSchema);
        FittedPipeline itemPipeline = PipelineFiles.read(dir, r, ITEM_PIPELINE, itemSchema);
        IdIndex users = r.hasFile(USER_IDS) ? r.ids(USER_IDS) : null;
        IdIndex items = r.hasFile(ITEM_IDS) ? r.ids(ITEM_IDS) : null;
        TwoTowerContext context = new TwoTowerContext(userPipeline, itemPipeline, users, items);
        DeviceChoice device = DeviceSelector.choose(policy, EngineFacts.detect());
        TwoTowerBlock shapes = new TwoTowerBlock(userLayout, spec, enc, itemLayout, options);
        Network net;
        try {
            net = Network.create(() -> new TwoTowerBlock(userLayout, spec, enc, itemLayout, options),
                    shapes.inputShapes(), params, device);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": the saved parameters do not fit the towers " + LAYOUT
                    + " describes: " + e.getMessage());
        }
        return new TwoTowerModel(net, userSchema, itemSchema, sequence, enc, options, null, context);
    }
}
