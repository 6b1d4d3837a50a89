package ai.behavior.models.train;

/** The optimizers the training loop offers. */
public enum OptimizerKind {
    /** Adam; weight decay is classic L2 (added to the gradient). */
    ADAM,
    /** AdamW; weight decay is decoupled from the gradient (Loshchilov and Hutter). */
    ADAMW,
    /** Stochastic gradient descent with {@link TrainingOptions#momentum()}; weight decay is L2. */
    SGD
}
