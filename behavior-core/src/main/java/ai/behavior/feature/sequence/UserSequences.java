package ai.behavior.feature.sequence;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.time.EventFrames;

/**
 * Each user's most recent events strictly before a cut-off, as built by {@link SequenceBuilder}: one entry per
 * user with at least one such event, in user-index order. Per user the arrays are time-ordered, oldest first
 * and most recent last, and of equal length.
 *
 * <pre>{@code
 * UserSequences s = SequenceBuilder.lastEvents(20).withCategories(items, "category").build(log, cutoff);
 * FeatureFrame frame = s.frame();   // keys = user ids; items, categories, types, seconds_since_last
 * }</pre>
 *
 * @param users            external ids of the users, row {@code k} = user {@code k} of these arrays
 * @param userIndices      each user's dense index in the log
 * @param items            item codes (the log's item indices, into {@code itemVocabulary})
 * @param categories       category codes into {@code categoryVocabulary}; an item without a category (or not in
 *                         the item table) has the code of {@link #MISSING_CATEGORY}
 * @param types            event-type codes ({@link ai.behavior.data.EventType#ordinal()}, into
 *                         {@link EventFrames#eventTypes()})
 * @param gaps             seconds between consecutive kept events; the first is 0
 * @param secondsSinceLast seconds from the most recent kept event to the cut-off (always positive)
 * @param cutoffMillis     the cut-off (epoch ms); no event at or after it was used
 * @param itemVocabulary   the log's item index
 * @param categoryVocabulary the item table's category labels, then {@link #MISSING_CATEGORY}
 */
public record UserSequences(IdIndex users, int[] userIndices, int[][] items, int[][] categories, int[][] types,
                            double[][] gaps, double[] secondsSinceLast, long cutoffMillis, IdIndex itemVocabulary,
                            IdIndex categoryVocabulary) {
    /** The label of the category of an item that has none. */
    public static final String MISSING_CATEGORY = "<missing>";
    /** Sequence column of item codes. */
    public static final String ITEMS = "items";
    /** Sequence column of category codes. */
    public static final String CATEGORIES = "categories";
    /** Sequence column of event-type codes. */
    public static final String TYPES = "types";
    /** Numeric column: seconds from the last kept event to the cut-off. */
    public static final String SECONDS_SINCE_LAST = "seconds_since_last";

    /** Number of users. */
    public int size() {
        return users.size();
    }

    /**
     * A frame view with one row per user (keys = user ids) and the columns {@value #ITEMS},
     * {@value #CATEGORIES}, {@value #TYPES} (sequences) and {@value #SECONDS_SINCE_LAST} (numeric); the arrays
     * are shared, not copied. Join user attributes with {@link FeatureFrame#leftJoin}.
     */
    public FeatureFrame frame() {
        return FeatureFrame.builder(size()).keys(users)
                .sequences(ITEMS, items, itemVocabulary)
                .sequences(CATEGORIES, categories, categoryVocabulary)
                .sequences(TYPES, types, EventFrames.eventTypes())
                .numeric(SECONDS_SINCE_LAST, secondsSinceLast)
                .build();
    }

    @Override
    public String toString() {
        return "UserSequences[users=" + size() + ", cutoff=" + java.time.Instant.ofEpochMilli(cutoffMillis) + "]";
    }
}
