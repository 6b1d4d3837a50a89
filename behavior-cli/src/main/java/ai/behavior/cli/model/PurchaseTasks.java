package ai.behavior.cli.model;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.aggregate.AggregateOptions;
import ai.behavior.feature.aggregate.UserAggregates;
import ai.behavior.feature.label.LabeledUsers;
import ai.behavior.feature.label.PurchaseWithin;
import ai.behavior.feature.task.UserPurchaseTask;

import java.time.Duration;

/**
 * Builds the {@link UserPurchaseTask} of the purchase models from what the command line read: the log, an
 * items table with a {@code category} column when there is one (then per-category aggregates are added), and
 * user attributes when given.
 *
 * <pre>{@code
 * UserPurchaseTask task = PurchaseTasks.build(log, items, users, cutoff, Duration.ofDays(7));
 * }</pre>
 */
public final class PurchaseTasks {
    /** The items-table column that holds an item's category. */
    public static final String CATEGORY = "category";

    private PurchaseTasks() {
    }

    /**
     * The task at {@code cutoffMillis}.
     *
     * @param items items table, used when it has a {@value #CATEGORY} column (may be null)
     * @param users user attributes joined to the behaviour aggregates (may be null)
     * @throws IllegalArgumentException if no event is before the cut-off
     */
    public static UserPurchaseTask build(Interactions log, AttributeTable items, AttributeTable users,
                                         long cutoffMillis, Duration horizon) {
        if (items != null && items.columnNames().contains(CATEGORY)) {
            return UserPurchaseTask.build(log, items, users, cutoffMillis, horizon);
        }
        FeatureFrame behaviour = UserAggregates.compute(log, cutoffMillis,
                AggregateOptions.defaults().withCategoryCounts(false));
        FeatureFrame frame = users == null ? behaviour : behaviour.leftJoin(FeatureFrame.of(users));
        double[] y = PurchaseWithin.of(log, frame.keys(), cutoffMillis, horizon);
        return new UserPurchaseTask(frame, new LabeledUsers(frame.keys(), y), cutoffMillis, horizon);
    }
}
