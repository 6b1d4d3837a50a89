package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FittedPipeline;

/**
 * What travels with a {@link TwoTowerModel} besides its parameters, so that a saved model can be served on its own:
 * the fitted pipelines that made the user and item rows, and the id indexes whose dense indices the rows follow
 * (row {@code u} of the user rows is user {@code users.id(u)}, likewise for items). Every part is optional.
 *
 * <pre>{@code
 * TwoTowerContext c = TwoTowerContext.none().withPipelines(userPipeline, itemPipeline)
 *         .withIds(log.users(), log.items());
 * TwoTowerModel m = TwoTower.fit(train, valid, encoder, options, c);
 * }</pre>
 *
 * @param userPipeline the pipeline whose output is the user rows, or null
 * @param itemPipeline the pipeline whose output is the item rows, or null
 * @param users        the user ids of the user rows (one per row), or null
 * @param items        the item ids of the item rows (one per row), or null
 */
public record TwoTowerContext(FittedPipeline userPipeline, FittedPipeline itemPipeline, IdIndex users,
                              IdIndex items) {
    /** Nothing but the parameters. */
    public static TwoTowerContext none() {
        return new TwoTowerContext(null, null, null, null);
    }

    /** A copy with both pipelines replaced. */
    public TwoTowerContext withPipelines(FittedPipeline user, FittedPipeline item) {
        return new TwoTowerContext(user, item, users, items);
    }

    /** A copy with both id indexes replaced. */
    public TwoTowerContext withIds(IdIndex userIds, IdIndex itemIds) {
        return new TwoTowerContext(userPipeline, itemPipeline, userIds, itemIds);
    }
}
