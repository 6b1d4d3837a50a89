package ai.behavior.models.tasks;

import ai.behavior.feature.Padding;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.fusion.SequenceEncoders;
import ai.behavior.models.sequence.SequenceOptions;

/**
 * The encoder of the purchase task's token sequences (see {@link TaobaoPurchaseOptions#encoder()}).
 */
public enum TokenEncoder {
    /** The masked mean of 16-d token embeddings: order-blind, fast (the default). */
    MEAN_POOL,
    /** A 32-d GRU over right-padded tokens (about 10x the training time of the mean). */
    GRU,
    /** A one-layer, 2-head, 32-d SASRec-style Transformer over left-padded tokens (about 30x). */
    TRANSFORMER;

    /** The encoder's factory. */
    public SequenceEncoderFactory factory() {
        switch (this) {
            case GRU:
                return SequenceEncoders.of(SequenceOptions.gru().withDim(32).withDropout(0.1));
            case TRANSFORMER:
                return SequenceEncoders.of(SequenceOptions.transformer().withDim(32).withLayers(1).withHeads(2)
                        .withFfn(64).withDropout(0.1));
            default:
                return SequenceEncoderFactory.meanPool(16);
        }
    }

    /** The padding the encoder reads. */
    public Padding padding() {
        return this == GRU ? Padding.RIGHT : Padding.LEFT;
    }
}
