/**
 * Two-tower retrieval: a user tower (attributes fused with a sequence encoding) and an item tower (attributes)
 * trained with in-batch or sampled softmax ({@link ai.behavior.models.twotower.TwoTower}); their embeddings serve
 * top-K through the recommender's serving code ({@link ai.behavior.models.twotower.TwoTowerScorer} is an
 * {@link ai.behavior.recsys.ItemScorer}); saved and loaded as model folders with their pipelines and id indexes
 * ({@link ai.behavior.models.twotower.TwoTowerFile}).
 */
package ai.behavior.models.twotower;
