package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.modelfile.ModelFileException;
import ai.behavior.modelfile.ModelReader;
import ai.behavior.modelfile.ModelWriter;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.io.ParameterFiles;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainedParameters;
import ai.behavior.models.train.TrainingResult;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The saved form of a {@link SequenceModel}, a model folder of type {@value SequenceModel#MODEL_TYPE}:
 * <ul>
 *   <li>{@code manifest.json}: format and layout versions, the options (sequence model and training), provenance
 *   (the device report of training, the kept epoch and metric, training speed) and the SHA-256 of every file;</li>
 *   <li>{@code sequence.json}: the architecture and the parameter listing;</li>
 *   <li>{@code items.ids}: the item vocabulary (score {@code i} is item {@code i});</li>
 *   <li>{@code categories.ids} and {@code item-categories.ints}: the category vocabulary and each item's category,
 *   when the model has them;</li>
 *   <li>{@code device.json} and one float file per parameter ({@code param.000}, ...).</li>
 * </ul>
 *
 * <pre>{@code
 * model.save(dir);
 * try (SequenceModel again = SequenceModel.load(dir)) { ... }
 * }</pre>
 *
 * <p>Loading verifies every checksum first, then rebuilds the network from {@code sequence.json} and checks the
 * vocabularies against it and every parameter's name and shape; any mismatch is a {@link ModelFileException}
 * naming the file.
 */
public final class SequenceFile {
    private static final String LAYOUT = "sequence.json";
    private static final String DEVICE = "device.json";
    private static final String PARAMS = "param.";
    private static final String ITEMS = "items.ids";
    private static final String CATEGORIES = "categories.ids";
    private static final String ITEM_CATEGORIES = "item-categories.ints";

    private SequenceFile() {
    }

    /** Writes {@code model} to {@code dir}, replacing an older model folder there. */
    public static void save(SequenceModel model, Path dir) throws IOException {
        JsonObject options = new JsonObject();
        options.add("sequence", model.options().toJson());
        ModelWriter w = ModelWriter.create(dir, SequenceModel.MODEL_TYPE, SequenceModel.VERSION).options(options);
        DeviceReport trainedOn = model.training().map(TrainingResult::device).orElse(model.device());
        w.provenance("device", trainedOn.summary())
                .provenance("device.asked", trainedOn.asked().toString())
                .provenance("device.used", trainedOn.used())
                .provenance("engine", trainedOn.engine() + " " + trainedOn.engineVersion() + " (" + trainedOn.flavour()
                        + "), DJL " + trainedOn.djlVersion());
        model.training().ifPresent(t -> w.provenance("training.kept_epoch", Integer.toString(t.bestEpoch()))
                .provenance("training.epochs_run", Integer.toString(t.epochs().size()))
                .provenance("training.metric", t.metricName() + " " + (t.bestMetric().isPresent()
                        ? String.format(Locale.ROOT, "%.6f", t.bestMetric().getAsDouble()) : "n/a"))
                .provenance("training.sequences_per_second", String.format(Locale.ROOT, "%.0f", t.rowsPerSecond())));
        JsonObject layout = new JsonObject();
        layout.add("architecture", model.architecture().toJson());
        layout.add("parameters", ParameterFiles.write(w, PARAMS, model.network().parameters()));
        w.json(LAYOUT, layout);
        w.json(DEVICE, trainedOn.toJson());
        w.ids(ITEMS, model.items());
        if (model.categories().isPresent()) {
            w.ids(CATEGORIES, model.categories().get());
        }
        if (model.itemCategories() != null) {
            w.ints(ITEM_CATEGORIES, model.itemCategories());
        }
        w.commit();
    }

    /** Reads a model from {@code dir} onto the device {@code policy} chooses (null: property, environment, AUTO). */
    public static SequenceModel load(Path dir, DevicePolicy policy) throws IOException {
        ModelReader r = ModelReader.open(dir, SequenceModel.MODEL_TYPE, SequenceModel.VERSION);
        SequenceOptions options;
        SequenceArchitecture arch;
        JsonArray listing;
        try {
            options = SequenceOptions.fromJson(r.optionsJson().getAsJsonObject().getAsJsonObject("sequence"));
            JsonObject layout = r.json(LAYOUT).getAsJsonObject();
            arch = SequenceArchitecture.fromJson(layout.getAsJsonObject("architecture"));
            listing = layout.getAsJsonArray("parameters");
        } catch (RuntimeException e) {
            throw new ModelFileException(dir + ": " + LAYOUT + " or the options do not describe a sequence model: "
                    + e);
        }
        IdIndex items = r.ids(ITEMS);
        if (items.size() != arch.numItems()) {
            throw new ModelFileException(dir + ": " + ITEMS + " holds " + items.size() + " items but " + LAYOUT
                    + " says " + arch.numItems());
        }
        IdIndex categories = r.hasFile(CATEGORIES) ? r.ids(CATEGORIES) : null;
        if (arch.numCategories() > 0 && (categories == null || categories.size() != arch.numCategories())) {
            throw new ModelFileException(dir + ": " + LAYOUT + " says " + arch.numCategories() + " categories but "
                    + CATEGORIES + (categories == null ? " is missing" : " holds " + categories.size()));
        }
        int[] itemCategories = r.hasFile(ITEM_CATEGORIES) ? r.ints(ITEM_CATEGORIES) : null;
        if (itemCategories != null) {
            try {
                new ItemCategories(itemCategories, categories);
            } catch (RuntimeException e) {
                throw new ModelFileException(dir + ": " + ITEM_CATEGORIES + " does not fit " + CATEGORIES + ": "
                        + e.getMessage());
            }
            if (itemCategories.length != items.size()) {
                throw new ModelFileException(dir + ": " + ITEM_CATEGORIES + " has " + itemCategories.length
                        + " items but " + ITEMS + " " + items.size());
            }
        }
        TrainedParameters params = ParameterFiles.read(r, listing);
        DeviceChoice device = DeviceSelector.choose(policy, EngineFacts.detect());
        Network net;
        try {
            net = Network.create(() -> new SequenceNetwork(arch), arch.inputShapes(), params, device);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(dir + ": the saved parameters do not fit the saved architecture: "
                    + e.getMessage());
        }
        return new SequenceModel(net, arch, options, items, categories, itemCategories, null);
    }
}
