package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.fusion.AttributeLayout;
import ai.behavior.models.fusion.FusionInputs;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingLoop;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.models.train.TrainingTask;
import ai.behavior.models.train.Validation;

import java.util.function.Supplier;

/**
 * Trains a two-tower retrieval model: a user tower (attributes, plus a sequence encoding fused with them when the
 * user rows have a sequence feature) and an item tower (attributes: for example the item id, category and price
 * bucket as categorical columns) map users and items to {@code dim}-sized embeddings whose dot product scores the
 * pair. Trained on positive pairs with in-batch or sampled softmax (optionally log-Q corrected) on the shared
 * {@link TrainingLoop}; validated by Recall@K on held-out pairs, with early stopping and restore of the best epoch.
 *
 * <pre>{@code
 * try (TwoTowerModel m = TwoTower.fit(train, valid, SequenceEncoderFactory.meanPool(32), TwoTowerOptions.defaults())) {
 *     Recommender rec = new Recommender(m.scorer(log.users(), userRows, log.items(), itemRows), seen, popularity); }
 * }</pre>
 */
public final class TwoTower {
    private TwoTower() {
    }

    /**
     * Trains on {@code train}'s pairs, validating on {@code validation}'s (may be null: every epoch runs and the
     * last is kept). {@code encoder} encodes the user sequence; it must be null exactly when the user rows have
     * no sequence feature.
     */
    public static TwoTowerModel fit(TwoTowerData train, TwoTowerData validation, SequenceEncoderFactory encoder,
                                    TwoTowerOptions options) {
        return fit(train, validation, encoder, options, TwoTowerContext.none());
    }

    /**
     * As {@link #fit(TwoTowerData, TwoTowerData, SequenceEncoderFactory, TwoTowerOptions)}, with the pipelines and
     * id indexes of the training rows, which travel inside the model and are saved with it: a pipeline's output
     * must be the rows' schema, an id index must hold one id per row.
     */
    public static TwoTowerModel fit(TwoTowerData train, TwoTowerData validation, SequenceEncoderFactory encoder,
                                    TwoTowerOptions options, TwoTowerContext context) {
        if (train == null || options == null || context == null) {
            throw new IllegalArgumentException("train, options and context must not be null");
        }
        checkContext(context, train);
        if (train.pairs() == 0) {
            throw new IllegalArgumentException("cannot train a two-tower model without positive pairs");
        }
        FeatureSchema userSchema = train.users().schema();
        FeatureSchema itemSchema = train.items().schema();
        if (!itemSchema.sequences().isEmpty()) {
            throw new IllegalArgumentException("the item tower takes dense and categorical columns; the item rows "
                    + "have sequence features " + itemSchema.sequences().stream().map(FeatureSpec::name).toList());
        }
        int sequence = userSchema.sequences().isEmpty() ? -1 : FusionInputs.sequenceIndex(userSchema, null);
        if ((sequence >= 0) != (encoder != null)) {
            throw new IllegalArgumentException(sequence >= 0 ? "the user rows have the sequence feature '"
                    + userSchema.sequences().get(sequence).name() + "': give a SequenceEncoderFactory"
                    : "the user rows have no sequence feature, so there is nothing for the encoder to encode");
        }
        FusionInputs.check(train.users(), "training users");
        FusionInputs.check(train.items(), "training items");
        AttributeLayout userLayout = AttributeLayout.of(userSchema, options.maxEmbeddingDim());
        AttributeLayout itemLayout = AttributeLayout.of(itemSchema, options.maxEmbeddingDim());
        FeatureSpec.Sequence spec = sequence < 0 ? null : userSchema.sequences().get(sequence);
        Supplier<ai.djl.nn.Block> network = () -> new TwoTowerBlock(userLayout, spec, encoder, itemLayout, options);
        Validation metric = null;
        if (validation != null) {
            check(validation.users().schema(), userSchema, "validation users");
            check(validation.items().schema(), itemSchema, "validation items");
            FusionInputs.check(validation.users(), "validation users");
            FusionInputs.check(validation.items(), "validation items");
            metric = recall(validation, sequence, options);
        }
        TwoTowerBlock shapes = new TwoTowerBlock(userLayout, spec, encoder, itemLayout, options);
        TrainingTask task = new TrainingTask("two-tower", network, shapes.inputShapes(),
                new PairBatches(train, sequence, options),
                (p, l) -> TwoTowerLoss.softmax(p, l, options.temperature()), metric);
        DeviceChoice device = DeviceSelector.choose(options.training().device(), EngineFacts.detect());
        TrainingResult result = TrainingLoop.run(task, options.training(), device);
        Network net = Network.create(network, shapes.inputShapes(), result.parameters(), device);
        return new TwoTowerModel(net, userSchema, itemSchema, sequence, encoder, options, result, context);
    }

    private static void checkContext(TwoTowerContext c, TwoTowerData train) {
        if (c.userPipeline() != null) {
            check(c.userPipeline().schema(), train.users().schema(), "the user pipeline's output");
        }
        if (c.itemPipeline() != null) {
            check(c.itemPipeline().schema(), train.items().schema(), "the item pipeline's output");
        }
        if (c.users() != null && c.users().size() != train.users().rows()) {
            throw new IllegalArgumentException("the user id index holds " + c.users().size() + " ids for "
                    + train.users().rows() + " user rows");
        }
        if (c.items() != null && c.items().size() != train.items().rows()) {
            throw new IllegalArgumentException("the item id index holds " + c.items().size() + " ids for "
                    + train.items().rows() + " item rows");
        }
    }

    private static void check(FeatureSchema got, FeatureSchema want, String what) {
        if (!got.features().equals(want.features())) {
            throw new IllegalArgumentException(what + ": features " + got.features() + " differ from the training "
                    + "features " + want.features());
        }
    }

    private static Validation recall(TwoTowerData v, int sequence, TwoTowerOptions options) {
        if (v.pairs() == 0) {
            throw new IllegalArgumentException("the validation data has no pairs; pass null for no validation");
        }
        boolean[] seen = new boolean[v.users().rows()];
        int n = 0;
        for (int u : v.pairUsers()) {
            if (!seen[u]) {
                seen[u] = true;
                n++;
            }
        }
        int[] users = new int[n];
        for (int u = 0, k = 0; u < seen.length; u++) {
            if (seen[u]) {
                users[k++] = u;
            }
        }
        TowerRows rows = new TowerRows(sequence, options.dim());
        int k = options.recallK();
        return Validation.of("val_recall@" + k, true, net -> {
            float[] userVectors = rows.users(net, v.users(), v.items(), users);
            float[] itemVectors = rows.items(net, v.users(), v.items());
            return RecallAtK.of(userVectors, users, itemVectors, options.dim(), v.pairUsers(), v.pairItems(), k);
        });
    }
}
