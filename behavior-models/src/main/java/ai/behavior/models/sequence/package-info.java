/**
 * Sequence models over a user's recent events: next-item prediction with tied item embeddings
 * ({@link ai.behavior.models.sequence.NextItem}) and sequence classification
 * ({@link ai.behavior.models.sequence.SequenceClassifier}), on a GRU4Rec-style recurrent encoder or a SASRec-style
 * Transformer ({@link ai.behavior.models.sequence.SequenceOptions}); trained models are
 * {@link ai.behavior.models.sequence.SequenceModel}s (thread-safe, saved with their item vocabulary), and
 * {@link ai.behavior.models.sequence.NextItemEvaluation} runs the leave-last-out comparison with popularity under
 * full ranking and sampled negatives, with {@link ai.behavior.models.sequence.PairedBootstrap} intervals between
 * models; {@link ai.behavior.models.sequence.SequenceModel#attention} explains a Transformer's prediction by its
 * {@link ai.behavior.models.sequence.AttentionWeights}.
 *
 * <pre>{@code
 * try (SequenceModel m = NextItem.fit(parts.train(), parts.validation(), SequenceOptions.transformer())) {
 *     int[][] next = m.recommend(EventSequences.histories(log), 10); }
 * }</pre>
 */
package ai.behavior.models.sequence;
