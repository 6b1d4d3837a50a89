package ai.behavior.models.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingMetric;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingLoop;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.models.train.TrainingTask;
import ai.behavior.models.train.Validation;

/**
 * Trains a next-item model (GRU4Rec-style recurrent or SASRec-style Transformer) on users' time-ordered
 * histories, with tied item embeddings: the score of item {@code i} after a sequence is the dot product of the
 * encoder's last state with item {@code i}'s input embedding.
 *
 * <pre>{@code
 * SplitResult parts = LeaveLastOut.of(1).withValidation(1).apply(log);
 * try (SequenceModel m = NextItem.fit(parts.train(), parts.validation(), SequenceOptions.transformer())) { ... }
 * }</pre>
 *
 * <h2>Training data</h2>
 * Each user's training history (all event types, oldest first, ties in log order) is cut from the end into
 * windows of up to {@code maxLength} input events; at every input position the following event is the target, so
 * every event after a user's first is predicted exactly once per epoch. The loss is
 * {@link NextItemLoss#FULL_SOFTMAX} or {@link NextItemLoss#SAMPLED_BCE}.
 *
 * <h2>Validation</h2>
 * With a validation log, after every epoch each user's first validation event is ranked against the whole
 * catalogue (nothing excluded) after their training history, and the mean NDCG@10 ({@code val_ndcg@10}, from the
 * core's {@link RankingAccumulator}) drives early stopping and the choice of the kept epoch.
 */
public final class NextItem {
    /** The cut-off of the validation metric. */
    public static final int VALIDATION_K = 10;

    private NextItem() {
    }

    /** Trains on {@code train}, validating on {@code validation} (may be null: every epoch runs, the last is kept). */
    public static SequenceModel fit(Interactions train, Interactions validation, SequenceOptions options) {
        return fit(train, validation, options, null);
    }

    /**
     * As {@link #fit(Interactions, Interactions, SequenceOptions)}, with each item's category for models that embed
     * {@link EventFeature#CATEGORY} ({@code categories} over {@code train.items()}; may be null otherwise).
     */
    public static SequenceModel fit(Interactions train, Interactions validation, SequenceOptions options,
                                    ItemCategories categories) {
        if (train == null || options == null) {
            throw new IllegalArgumentException("train and options must not be null");
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("cannot train a next-item model on an empty log");
        }
        IdIndex items = train.items();
        if (options.features().contains(EventFeature.CATEGORY) && categories == null) {
            throw new IllegalArgumentException("the options embed item categories: pass ItemCategories");
        }
        if (categories != null && categories.codes().length != items.size()) {
            throw new IllegalArgumentException("the item categories cover " + categories.codes().length
                    + " items but the log has " + items.size());
        }
        boolean useCategories = options.features().contains(EventFeature.CATEGORY);
        IdIndex categoryVocabulary = useCategories ? categories.vocabulary() : null;
        int[] itemCategories = useCategories ? categories.codes() : null;
        SequenceArchitecture arch = SequenceArchitecture.of(SequenceTask.NEXT_ITEM, options, items.size(),
                useCategories ? categoryVocabulary.size() : 0);
        SequenceRows rows = new SequenceRows(arch, items, categoryVocabulary, itemCategories,
                EventSequences.histories(train));
        boolean sampled = options.loss() == NextItemLoss.SAMPLED_BCE;
        SequenceBatches windows = SequenceBatches.windows(rows, items.size(), sampled ? options.negatives() : 0,
                options.training().seed());
        if (windows.size() == 0) {
            throw new IllegalArgumentException("no user has two or more training events: there is nothing to predict");
        }
        Validation metric = null;
        if (validation != null) {
            NextItemQueries q = NextItemQueries.of(train, validation);
            if (q.size() == 0) {
                throw new IllegalArgumentException("no user has both training and validation events; pass null for "
                        + "no validation");
            }
            SequenceBatches prefixes = SequenceBatches.lastEvents(
                    new SequenceRows(arch, items, categoryVocabulary, itemCategories, q.histories()), null);
            metric = Validation.of("val_ndcg@" + VALIDATION_K, true, net -> {
                RankingAccumulator acc = new RankingAccumulator(items.size(), VALIDATION_K);
                RankingRun.rank(net, prefixes, q.targets(), null, items.size(), VALIDATION_K, acc, new int[q.size()]);
                return acc.result().mean(RankingMetric.NDCG, VALIDATION_K);
            });
        }
        TrainingTask task = new TrainingTask("next-item " + options.encoder().name().toLowerCase(java.util.Locale.ROOT),
                () -> new SequenceNetwork(arch), arch.inputShapes(), windows,
                sampled ? SequenceLosses::sampledBce : SequenceLosses::fullSoftmax, metric);
        DeviceChoice device = DeviceSelector.choose(options.training().device(), EngineFacts.detect());
        TrainingResult result = TrainingLoop.run(task, options.training(), device);
        Network net = Network.create(() -> new SequenceNetwork(arch), arch.inputShapes(), result.parameters(), device);
        return new SequenceModel(net, arch, options, items, categoryVocabulary, itemCategories, result);
    }
}
