package ai.behavior.models.sequence;

/**
 * The training loss of next-item prediction, applied at every real position of a training window (the state
 * after events {@code 0..t} predicts event {@code t + 1}).
 *
 * <pre>{@code
 * SequenceOptions sasrec = SequenceOptions.transformer().withLoss(NextItemLoss.SAMPLED_BCE).withNegatives(1);
 * }</pre>
 */
public enum NextItemLoss {
    /** Cross-entropy of a softmax over the whole catalogue (scores = state · tied item embeddings). */
    FULL_SOFTMAX,
    /**
     * Binary cross-entropy of the true next item against {@code negatives} items drawn uniformly from those the
     * user has not interacted with in training (the SASRec paper's loss, with one negative). Cheaper per step for
     * large catalogues.
     */
    SAMPLED_BCE
}
