/**
 * The one training loop of every neural model: {@link ai.behavior.models.train.TrainingLoop} over a
 * {@link ai.behavior.models.train.TrainingTask} (network factory, {@link ai.behavior.models.train.BatchSource},
 * loss, validation) with {@link ai.behavior.models.train.TrainingOptions}; reusable losses in
 * {@link ai.behavior.models.train.Losses}.
 */
package ai.behavior.models.train;
