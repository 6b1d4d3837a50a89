package ai.behavior.models.sequence;

/**
 * How the embeddings of an event's attributes become the encoder's input.
 *
 * <pre>{@code
 * SequenceOptions o = SequenceOptions.gru().withFeatures(EventFeature.TYPE).withCombine(InputCombine.CONCAT);
 * }</pre>
 */
public enum InputCombine {
    /** Every attribute has a {@code dim}-wide embedding and they are added (SASRec adds positions the same way). */
    SUM,
    /**
     * The item embedding ({@code dim} wide, tied with the output) and {@code sideDim}-wide attribute embeddings are
     * concatenated; the Transformer projects the concatenation back to {@code dim} with a linear layer, the
     * recurrent encoders read it as it is.
     */
    CONCAT
}
