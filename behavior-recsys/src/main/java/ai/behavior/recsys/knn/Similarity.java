package ai.behavior.recsys.knn;

/**
 * How {@link ItemKnn} turns two items' (re-weighted) user columns into one similarity.
 *
 * <pre>{@code
 * ItemKnn.Options o = ItemKnn.Options.defaults().withSimilarity(Similarity.DOT_PRODUCT)
 *         .withReweighting(Reweighting.bm25(1.2, 0.75));   // implicit's BM25Recommender
 * }</pre>
 */
public enum Similarity {
    /**
     * Shrunk cosine: {@code dot(i, j) / (|i| * |j| + shrink)}, where {@code dot} sums {@code w(u,i) * w(u,j)}
     * over users and {@code |i|} is the Euclidean norm of item {@code i}'s column. With shrink 0 this is the
     * cosine; a positive shrink pulls the similarity of items with little support towards 0.
     */
    COSINE,
    /**
     * The plain dot product {@code dot(i, j)} (shrink is ignored), as {@code implicit}'s
     * {@code BM25Recommender} uses on BM25 weights.
     */
    DOT_PRODUCT
}
