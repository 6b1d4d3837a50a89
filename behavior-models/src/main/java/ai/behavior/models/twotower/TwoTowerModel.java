package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.models.device.DevicePolicy;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.fusion.FusionInputs;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained {@link TwoTower} model: embeds user rows and item rows (laid out like the training rows) and makes
 * {@link TwoTowerScorer}s for top-K serving. {@link AutoCloseable}: it owns the native memory of its parameters;
 * a scorer, once made, is plain Java and outlives the model. Embedding is safe from many threads.
 *
 * <pre>{@code
 * float[] items = model.embedItems(itemRows);   // row-major, items x dim
 * TwoTowerScorer scorer = model.scorer(log.users(), userRows, log.items(), itemRows);
 * }</pre>
 *
 * <p>Saved models are model folders of type {@value #MODEL_TYPE} (see {@link TwoTowerFile}) holding the parameters
 * and the {@link TwoTowerContext} (pipelines, id indexes) the model was given; a loaded model embeds exactly what
 * the saved one did, so its scorers serve the same top-K lists.
 */
public final class TwoTowerModel implements AutoCloseable {
    /** Model type in saved folders. */
    public static final String MODEL_TYPE = "two-tower";
    /** Layout version of saved folders this library writes and reads. */
    public static final int VERSION = 1;

    private final Network network;
    private final FeatureSchema userSchema;
    private final FeatureSchema itemSchema;
    private final int sequence;
    private final SequenceEncoderFactory encoder;
    private final TwoTowerOptions options;
    private final TrainingResult training;
    private final TwoTowerContext context;

    TwoTowerModel(Network network, FeatureSchema userSchema, FeatureSchema itemSchema, int sequence,
                  SequenceEncoderFactory encoder, TwoTowerOptions options, TrainingResult training,
                  TwoTowerContext context) {
        this.network = network;
        this.userSchema = userSchema;
        this.itemSchema = itemSchema;
        this.sequence = sequence;
        this.encoder = encoder;
        this.options = options;
        this.training = training;
        this.context = context;
    }

    /** The embeddings of every row of {@code users}, row-major ({@code rows x dim}). */
    public float[] embedUsers(FeatureMatrix users) {
        check(users.schema(), userSchema, "user rows");
        FusionInputs.check(users, "user rows");
        return new TowerRows(sequence, options.dim()).users(network, users, new FeatureMatrix(itemSchema, 0), null);
    }

    /** The embeddings of every row of {@code items}, row-major ({@code rows x dim}). */
    public float[] embedItems(FeatureMatrix items) {
        check(items.schema(), itemSchema, "item rows");
        FusionInputs.check(items, "item rows");
        return new TowerRows(sequence, options.dim()).items(network, new FeatureMatrix(userSchema, 0), items);
    }

    /**
     * A scorer over {@code users} (row {@code u} of {@code userRows} is user index {@code u}) and {@code items}
     * (likewise). A user is known to the scorer when its sequence has at least one event; without a user
     * sequence every user is known. Unknown users get the serving fallback.
     */
    public TwoTowerScorer scorer(IdIndex users, FeatureMatrix userRows, IdIndex items, FeatureMatrix itemRows) {
        boolean[] known = new boolean[userRows.rows()];
        if (sequence < 0) {
            java.util.Arrays.fill(known, true);
        } else {
            int length = userSchema.sequences().get(sequence).maxLength();
            float[] mask = userRows.sequenceMask(sequence);
            for (int u = 0; u < known.length; u++) {
                for (int p = u * length; p < (u + 1) * length && !known[u]; p++) {
                    known[u] = mask[p] > 0;
                }
            }
        }
        return scorer(users, userRows, items, itemRows, known);
    }

    /**
     * A scorer over the model's own id indexes ({@link TwoTowerContext#users()}, {@link TwoTowerContext#items()}):
     * row {@code u} of {@code userRows} is user {@code u} of that index, likewise for items.
     *
     * @throws IllegalStateException when the model was trained without id indexes
     */
    public TwoTowerScorer scorer(FeatureMatrix userRows, FeatureMatrix itemRows) {
        if (context.users() == null || context.items() == null) {
            throw new IllegalStateException("this model holds no id indexes (TwoTowerContext.withIds); call "
                    + "scorer(users, userRows, items, itemRows)");
        }
        return scorer(context.users(), userRows, context.items(), itemRows);
    }

    /** A scorer as above with an explicit known flag per user. */
    public TwoTowerScorer scorer(IdIndex users, FeatureMatrix userRows, IdIndex items, FeatureMatrix itemRows,
                                 boolean[] known) {
        if (userRows.rows() != users.size() || itemRows.rows() != items.size()) {
            throw new IllegalArgumentException("need one user row per user id and one item row per item id, got "
                    + userRows.rows() + " rows for " + users.size() + " users and " + itemRows.rows() + " rows for "
                    + items.size() + " items");
        }
        return new TwoTowerScorer(users, items, options.dim(), embedUsers(userRows), embedItems(itemRows), known);
    }

    /** Embedding size. */
    public int dim() {
        return options.dim();
    }

    /** The options the model was trained with (after {@link #load}: a quiet progress listener). */
    public TwoTowerOptions options() {
        return options;
    }

    /** The user sequence encoder's factory, when the user tower has a sequence. */
    public Optional<SequenceEncoderFactory> encoder() {
        return Optional.ofNullable(encoder);
    }

    /** The training history (empty for a loaded model). */
    public Optional<TrainingResult> training() {
        return Optional.ofNullable(training);
    }

    /** The pipelines and id indexes that travel with the model. */
    public TwoTowerContext context() {
        return context;
    }

    /** The layout of the user rows the model reads. */
    public FeatureSchema userSchema() {
        return userSchema;
    }

    /** The layout of the item rows the model reads. */
    public FeatureSchema itemSchema() {
        return itemSchema;
    }

    /** Saves to model folder {@code dir} (see {@link TwoTowerFile}). */
    public void save(Path dir) throws IOException {
        TwoTowerFile.save(this, dir);
    }

    /**
     * Loads a model saved with {@link #save}, choosing the device from the property, environment or AUTO; the
     * user sequence encoder, if any, is rebuilt from its saved spec.
     */
    public static TwoTowerModel load(Path dir) throws IOException {
        return TwoTowerFile.load(dir, null, null);
    }

    /** Loads a model saved with {@link #save} onto the device {@code policy} chooses. */
    public static TwoTowerModel load(Path dir, DevicePolicy policy) throws IOException {
        return TwoTowerFile.load(dir, null, policy);
    }

    /** Loads a model saved with a custom sequence encoder, which {@code encoder} must rebuild. */
    public static TwoTowerModel load(Path dir, SequenceEncoderFactory encoder, DevicePolicy policy)
            throws IOException {
        return TwoTowerFile.load(dir, encoder, policy);
    }

    Network network() {
        return network;
    }

    int sequenceIndex() {
        return sequence;
    }

    /** Where the model runs. */
    public DeviceReport device() {
        return network.device();
    }

    /** Native arrays alive under the model's manager. */
    public int liveArrays() {
        return network.liveArrays();
    }

    /** Frees the native memory; scorers already made keep working. */
    @Override
    public void close() {
        network.close();
    }

    private static void check(FeatureSchema got, FeatureSchema want, String what) {
        if (!got.features().equals(want.features())) {
            throw new IllegalArgumentException(what + ": features " + got.features() + " differ from the training "
                    + "features " + want.features());
        }
    }

    @Override
    public String toString() {
        return "TwoTowerModel[" + options.describe() + "]";
    }
}
