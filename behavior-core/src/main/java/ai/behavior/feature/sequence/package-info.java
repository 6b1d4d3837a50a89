/**
 * Sequences for recurrent and attention models: each user's last events before a cut-off
 * ({@link ai.behavior.feature.sequence.SequenceBuilder}), next-item training examples
 * ({@link ai.behavior.feature.sequence.NextItemExamples}) and fixed-length index encoding with a mask
 * ({@link ai.behavior.feature.sequence.SequenceEncoder}).
 */
package ai.behavior.feature.sequence;
