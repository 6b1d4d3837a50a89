/**
 * Labels for supervised tasks on a behaviour log, each with an exact, half-open time window after a cut-off
 * (purchase within a horizon, churn, click on an impression), and {@link ai.behavior.feature.label.LabeledUsers}
 * to carry users with their labels into a train / test split.
 */
package ai.behavior.feature.label;
