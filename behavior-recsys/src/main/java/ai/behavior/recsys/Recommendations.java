package ai.behavior.recsys;

import java.util.List;

/**
 * A user's top-K list, best first, and where it came from: the model, or the popularity fallback for a
 * user the model does not know (which is said here, never hidden).
 *
 * <pre>{@code
 * Recommendations r = recommender.recommend("u42", 10);
 * if (r.source() == Recommendations.Source.POPULARITY_FALLBACK) log.info(r.reason());
 * }</pre>
 *
 * @param userId the user asked about
 * @param items  recommended items, best first (fewer than K when fewer candidates remain)
 * @param source the model or the fallback
 * @param reason why the fallback was used; empty for model results
 */
public record Recommendations(String userId, List<Item> items, Source source, String reason) {
    /** Copies the list. */
    public Recommendations {
        items = List.copyOf(items);
    }

    /** Where a list came from. */
    public enum Source {
        /** The trained model scored the candidates. */
        MODEL,
        /** The user is unknown to the model; items are ranked by popularity. */
        POPULARITY_FALLBACK
    }

    /**
     * One recommended item.
     *
     * @param itemId external item id
     * @param index  dense item index
     * @param score  the score it was ranked by
     */
    public record Item(String itemId, int index, float score) {
    }

    /** The item ids, best first. */
    public List<String> itemIds() {
        return items.stream().map(Item::itemId).toList();
    }
}
