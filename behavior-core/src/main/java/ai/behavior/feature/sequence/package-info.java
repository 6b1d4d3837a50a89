/** Sequence encoding for recurrent and attention models. */
package ai.behavior.feature.sequence;
