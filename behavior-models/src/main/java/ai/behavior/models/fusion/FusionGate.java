package ai.behavior.models.fusion;

/** The learned gate {@code w = sigmoid(g)} of {@link FusionMode#WEIGHTED_SUM}. */
public enum FusionGate {
    /** One weight for the whole vector. */
    SCALAR,
    /** One weight per dimension. */
    VECTOR
}
