/**
 * Whole tasks on real data that the benchmark runner and the examples call: the Taobao purchase-prediction
 * comparison ({@link ai.behavior.models.tasks.TaobaoPurchaseTask}) returning
 * {@link ai.behavior.models.tasks.TaskResult} rows with their protocol.
 */
package ai.behavior.models.tasks;
