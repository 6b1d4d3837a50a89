package ai.behavior.models.train;

/** How the learning rate falls after warm-up (see {@link LearningRateSchedule}). */
public enum LearningRateDecay {
    /** Constant after warm-up. */
    NONE,
    /** Half a cosine from the base rate to the final rate over the remaining steps. */
    COSINE,
    /** A straight line from the base rate to the final rate over the remaining steps. */
    LINEAR
}
