package ai.behavior.feature.task;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.Ordering;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.Pipeline;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.label.PurchaseWithin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "Will this user buy within the next H?" as a ready-made task: one row per user active before the cut-off,
 * with behaviour aggregates computed strictly before it (plus user attributes when given), labelled by
 * {@link PurchaseWithin} over {@code [cutoff, cutoff + horizon)}; and a default pipeline for it.
 *
 * <pre>{@code
 * UserPurchaseTask task = UserPurchaseTask.build(log, items, users, cutoff, Duration.ofDays(7));
 * LabeledUsers.Split split = task.labels().split(0.3, 42);
 * }</pre>
 */
public record UserPurchaseTask(FeatureFrame users, LabeledUsers labels, long cutoffMillis, Duration horizon) {
    /** Categorical attributes with at most this many labels are one-hot encoded; larger ones get an index. */
    public static final int ONE_HOT_LIMIT = UserPipelines.ONE_HOT_LIMIT;

    /** Checks the parts line up. */
    public UserPurchaseTask {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(labels, "labels");
        if (users.rows() != labels.size()) {
            throw new IllegalArgumentException(users.rows() + " feature rows for " + labels.size() + " labels");
        }
    }

    /**
     * Builds the task: aggregates of {@code log} before {@code cutoffMillis} (item categories from
     * {@code items}), joined with {@code userAttributes} when not null, and purchase labels over the horizon.
     */
    public static UserPurchaseTask build(Interactions log, AttributeTable items, AttributeTable userAttributes,
                                         long cutoffMillis, Duration horizon) {
        FeatureFrame behaviour = UserAggregates.compute(log, items, cutoffMillis, AggregateOptions.defaults());
        FeatureFrame users = userAttributes == null ? behaviour : behaviour.leftJoin(FeatureFrame.of(userAttributes));
        double[] y = PurchaseWithin.of(log, users.keys(), cutoffMillis, horizon);
        return new UserPurchaseTask(users, new LabeledUsers(users.keys(), y), cutoffMillis, horizon);
    }

    /**
     * The default pipeline: every numeric column through {@code log1p} then standardisation (counts and sums
     * are heavy-tailed; negatives clamp to 0), missing values imputed by the median with an indicator;
     * signed or age-like columns ({@code age}) standardised directly; categorical columns one-hot encoded
     * (with an "other" column) up to {@value #ONE_HOT_LIMIT} labels, index-encoded above.
     */
    public Pipeline defaultPipeline() {
        return UserPipelines.standard(users);
    }

    /**
     * {@link #protocol(String)} with the seed of the user split, so the printed seed is the one that was used.
     *
     * <pre>{@code
     * EvaluationProtocol p = task.protocol("users split 70/30 stratified", 7);
     * }</pre>
     */
    public EvaluationProtocol protocol(String split, long seed) {
        return protocol(split + ", seed " + seed).withSeed(seed);
    }

    /** The evaluation protocol of a user split of this task, for printing beside its metrics. */
    public EvaluationProtocol protocol(String split) {
        return EvaluationProtocol.pointwise(split + "; features before " + Instant.ofEpochMilli(cutoffMillis)
                        + ", label: purchase in the next " + horizon.toHours() + " h")
                .withOrdering(Ordering.TEMPORAL);
    }
}
