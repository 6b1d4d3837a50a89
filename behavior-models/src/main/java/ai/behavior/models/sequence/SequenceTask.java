package ai.behavior.models.sequence;

/** What a {@link SequenceModel} predicts. */
public enum SequenceTask {
    /** Scores over the item catalogue for the event after the sequence ({@link NextItem}). */
    NEXT_ITEM,
    /** The probability of a binary outcome of the sequence, e.g. a purchase ({@link SequenceClassifier}). */
    CLASSIFICATION
}
