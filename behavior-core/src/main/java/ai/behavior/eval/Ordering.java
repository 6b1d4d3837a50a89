package ai.behavior.eval;

/**
 * How interactions are ordered before a split takes its parts, after RecBole's {@code eval_args.order}.
 *
 * <pre>{@code
 * EvaluationProtocol p = EvaluationProtocol.fullRanking("leave-last-1-out per user", 10)
 *         .withOrdering(Ordering.TEMPORAL);
 * }</pre>
 */
public enum Ordering {
    /** Shuffled under the protocol's seed: test interactions may precede training ones. */
    RANDOM("random order"),
    /** By timestamp: the test part lies after the training part, as in production. */
    TEMPORAL("by time");

    private final String description;

    Ordering(String description) {
        this.description = description;
    }

    /** Short words for {@link EvaluationProtocol#describe()}, e.g. {@code "by time"}. */
    public String description() {
        return description;
    }
}
