package ai.behavior.models.mlp;

/** Normalisation after each hidden linear layer (before the ReLU). */
public enum MlpNorm {
    /** None. */
    NONE,
    /** Batch norm: batch statistics in training, running statistics in inference. */
    BATCH,
    /** Layer norm over the hidden units of each row (the same in training and inference). */
    LAYER
}
