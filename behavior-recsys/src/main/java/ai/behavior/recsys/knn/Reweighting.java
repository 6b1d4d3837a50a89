package ai.behavior.recsys.knn;

/**
 * How {@link ItemKnn} re-weights the user x item matrix before it measures item similarity: not at all,
 * by TF-IDF, or by BM25. The formulas are those of the {@code implicit} library's item-kNN recommenders
 * ({@code TFIDFRecommender}, {@code BM25Recommender}), which weight the items x users matrix: each item is a
 * "document" whose "terms" are the users who touched it, so a user who touched many items (a weak signal of
 * taste) weighs less.
 *
 * <pre>{@code
 * ItemKnn.Options o = ItemKnn.Options.defaults().withReweighting(Reweighting.bm25(1.2, 0.75));
 * ItemKnn model = ItemKnn.fit(train, o);
 * }</pre>
 *
 * <p>With {@code x(u,i)} the matrix value (from the model's {@link ai.behavior.recsys.Weighting}),
 * {@code N} the number of items in the index, {@code df(u)} the number of items in user {@code u}'s row:
 * <ul>
 *   <li>{@code idf(u) = max(0, ln N - ln(1 + df(u)))} (the clamp at 0 only matters for a user who touched
 *       every item; {@code implicit} lets that weight go negative);</li>
 *   <li>TF-IDF: {@code w(u,i) = sqrt(x(u,i)) * idf(u)};</li>
 *   <li>BM25: with {@code len(i) = sum_u x(u,i)} and {@code avgLen} its mean over all {@code N} items,
 *       {@code w(u,i) = x(u,i) * (K1 + 1) / (K1 * ((1 - B) + B * len(i) / avgLen) + x(u,i)) * idf(u)}.</li>
 * </ul>
 * TF-IDF and BM25 need non-negative values. (Applied the other way round, with items as terms, the IDF
 * would scale each item's column by a constant, which cosine similarity cancels.)
 */
public sealed interface Reweighting permits Reweighting.None, Reweighting.TfIdf, Reweighting.Bm25 {

    /** The raw matrix values. */
    static Reweighting none() {
        return new None();
    }

    /** TF-IDF weights. */
    static Reweighting tfIdf() {
        return new TfIdf();
    }

    /** BM25 weights with saturation {@code k1} and length normalisation {@code b}. */
    static Reweighting bm25(double k1, double b) {
        return new Bm25(k1, b);
    }

    /** One phrase for reports, e.g. {@code "bm25(k1=1.2, b=0.75)"}. */
    String describe();

    /** No re-weighting: similarities are measured on the raw values. */
    record None() implements Reweighting {
        @Override
        public String describe() {
            return "none";
        }
    }

    /** {@code sqrt(x) * idf(user)}. */
    record TfIdf() implements Reweighting {
        @Override
        public String describe() {
            return "tf-idf";
        }
    }

    /**
     * BM25 with term saturation {@code k1} and document-length normalisation {@code b}.
     *
     * @param k1 saturation, finite and {@code >= 0} ({@code implicit}'s default 1.2)
     * @param b  length normalisation in {@code [0, 1]} ({@code implicit}'s default 0.75)
     */
    record Bm25(double k1, double b) implements Reweighting {
        /** Validates the parameters. */
        public Bm25 {
            if (!Double.isFinite(k1) || k1 < 0) {
                throw new IllegalArgumentException("BM25 k1 must be finite and >= 0, got " + k1);
            }
            if (!(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("BM25 b must be in [0, 1], got " + b);
            }
        }

        @Override
        public String describe() {
            return "bm25(k1=" + k1 + ", b=" + b + ")";
        }
    }
}
