package ai.behavior.metric;

/**
 * The top-K list metrics computed by {@link TopKMetrics} and {@link RankingAccumulator}, each with the short
 * name used in reports ({@code "ndcg@10"}).
 *
 * <pre>{@code
 * RankingResult r = accumulator.result();
 * double ndcg10 = r.mean(RankingMetric.NDCG, 10);
 * }</pre>
 */
public enum RankingMetric {
    /** Hits in the top K divided by K (even when the list is shorter than K). */
    PRECISION("precision"),
    /** Hits in the top K divided by the number of relevant items. */
    RECALL("recall"),
    /** Binary-gain NDCG: DCG of the hits over the DCG of min(K, |relevant|) hits at the top. */
    NDCG("ndcg"),
    /** 1 if any relevant item is in the top K, else 0 (hit ratio). */
    HIT_RATE("hit"),
    /** 1 / rank of the first hit within the top K, 0 without a hit (reciprocal rank; its mean is MRR). */
    MRR("mrr"),
    /** Sum of precision@i over hit ranks i, divided by min(K, |relevant|) (average precision; mean is MAP). */
    MAP("map");

    private final String shortName;

    RankingMetric(String shortName) {
        this.shortName = shortName;
    }

    /** The lower-case name used in reports, e.g. {@code "ndcg"}. */
    public String shortName() {
        return shortName;
    }

    /** The report label at cut-off {@code k}, e.g. {@code "ndcg@10"}. */
    public String label(int k) {
        return shortName + "@" + k;
    }
}
