package ai.behavior.models.fusion;

/**
 * How a sequence representation {@code s} and an attribute representation {@code a} are combined (see
 * {@link FusionBlock}).
 */
public enum FusionMode {
    /** {@code [s | a]}: keep both as they are and let the layers above mix them. */
    CONCAT,
    /** {@code w * Ps s + (1 - w) * Pa a} with both projected to the same size and a learned gate {@code w}. */
    WEIGHTED_SUM,
    /**
     * Attention over the two projected representations as a 2-token set with a learned query: each row weighs
     * its own sequence and attribute vectors.
     */
    ATTENTION
}
