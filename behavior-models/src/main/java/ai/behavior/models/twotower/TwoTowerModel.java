package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.fusion.FusionInputs;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingResult;

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
 */
public final class TwoTowerModel implements AutoCloseable {
    private final Network network;
    private final FeatureSchema userSchema;
    private final FeatureSchema itemSchema;
    private final int sequence;
    private final SequenceEncoderFactory encoder;
    private final TwoTowerOptions options;
    private final TrainingResult training;

    TwoTowerModel(Network network, FeatureSchema userSchema, FeatureSchema itemSchema, int sequence,
                  SequenceEncoderFactory encoder, TwoTowerOptions options, TrainingResult training) {
        this.network = network;
        this.userSchema = userSchema;
        this.itemSchema = itemSchema;
        this.sequence = sequence;
        this.encoder = encoder;
        this.options = options;
        this.training = training;
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

    /** The options the model was trained with. */
    public TwoTowerOptions options() {
        return options;
    }

    /** The user sequence encoder's factory, when the user tower has a sequence. */
    public Optional<SequenceEncoderFactory> encoder() {
        return Optional.ofNullable(encoder);
    }

    /** The training history. */
    public TrainingResult training() {
        return training;
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
