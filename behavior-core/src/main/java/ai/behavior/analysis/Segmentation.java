package ai.behavior.analysis;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.aggregate.UserAggregates;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * User segmentation on behaviour aggregates: scan k by silhouette, then profile the segments (size, share,
 * mean recency / frequency / monetary value, top categories).
 *
 * <pre>{@code
 * KSelection scan = Segmentation.chooseK(matrix, 2, 8, KMeansOptions.of(2).withSeed(7), System.out);
 * int[] segments = KMeans.fit(matrix, KMeansOptions.of(scan.best().k())).assignments();
 * System.out.println(Segmentation.profile(users, segments, log, items).toTable());
 * }</pre>
 *
 * <p>The profile reads the raw (unscaled) columns {@link UserAggregates#RECENCY_DAYS},
 * {@link UserAggregates#FREQUENCY} and {@link UserAggregates#MONETARY_SUM} of the frame that
 * {@link UserAggregates#compute} returns, so the means are in days, purchases and money even when the
 * clustering ran on standardised features. Means skip NaN values.
 */
public final class Segmentation {
    /** The item attribute that holds the category unless told otherwise. */
    public static final String DEFAULT_CATEGORY_COLUMN = "category";
    /** How many categories a profile lists. */
    public static final int TOP_CATEGORIES = 3;

    private Segmentation() {
    }

    /**
     * Profiles without categories.
     *
     * @param users    user aggregates, one row per user (needs the recency, frequency and monetary columns)
     * @param segments the segment of each row of {@code users}, each {@code >= 0}
     */
    public static SegmentReport profile(FeatureFrame users, int[] segments) {
        return build(users, segments, null);
    }

    /**
     * Profiles with the top categories of every event type in {@code log}, read from the
     * {@value #DEFAULT_CATEGORY_COLUMN} column of {@code items}.
     */
    public static SegmentReport profile(FeatureFrame users, int[] segments, Interactions log, AttributeTable items) {
        return profile(users, segments, log, items, DEFAULT_CATEGORY_COLUMN);
    }

    /**
     * Profiles with the top categories of the events of {@code log} of the given types (all types when none
     * is given), read from the categorical column {@code categoryColumn} of {@code items}. Pass the log the
     * aggregates were computed on, cut at the same time, so the categories describe the same behaviour.
     *
     * @param users frame keyed by user id (as {@link UserAggregates#compute} returns it); every key must be a
     *              user of {@code log}
     * @throws IllegalArgumentException naming the user or item when a user is not in the log or an item of a
     *                                  counted event is not in {@code items}; events on items the table lists
     *                                  without a category are not counted
     */
    public static SegmentReport profile(FeatureFrame users, int[] segments, Interactions log, AttributeTable items,
                                        String categoryColumn, EventType... types) {
        AttributeTable.CategoricalColumn column = items.categorical(categoryColumn);
        IdIndex vocabulary = column.vocabulary();
        int k = Rows.labels(segments, users.rows());
        IdIndex keys = users.keys();
        if (keys == null) {
            throw new IllegalArgumentException("the users frame has no row keys, so its rows cannot be matched to "
                    + "the log's users; use the frame UserAggregates.compute returns");
        }
        int[] segmentOfUser = new int[log.numUsers()];
        java.util.Arrays.fill(segmentOfUser, -1);
        for (int r = 0; r < users.rows(); r++) {
            int u = log.users().indexOf(keys.id(r));
            if (u < 0) {
                throw new IllegalArgumentException("user '" + keys.id(r) + "' of row " + r
                        + " of the users frame is not in the log");
            }
            segmentOfUser[u] = segments[r];
        }
        int[] categoryOfItem = new int[log.numItems()];
        for (int i = 0; i < categoryOfItem.length; i++) {
            int row = items.keys().indexOf(log.items().id(i));
            categoryOfItem[i] = row < 0 ? -2 : column.code(row);
        }
        Set<EventType> counted = types.length == 0 ? EnumSet.allOf(EventType.class) : EnumSet.of(types[0], types);
        long[][] counts = new long[k][vocabulary.size()];
        for (int r = 0; r < log.size(); r++) {
            int s = segmentOfUser[log.user(r)];
            if (s < 0 || !counted.contains(log.type(r))) {
                continue; // a user without a row in the frame has no segment
            }
            int c = categoryOfItem[log.item(r)];
            if (c == -2) {
                throw new IllegalArgumentException("item '" + log.items().id(log.item(r)) + "' of log row " + r
                        + " is not in the items table, so its '" + categoryColumn + "' is unknown");
            }
            if (c >= 0) {
                counts[s][c]++;
            }
        }
        List<List<CategoryCount>> top = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            top.add(top(counts[s], vocabulary));
        }
        return build(users, segments, top);
    }

    private static List<CategoryCount> top(long[] counts, IdIndex vocabulary) {
        long total = 0;
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            total += counts[c];
            if (counts[c] > 0) {
                order.add(c);
            }
        }
        order.sort(Comparator.<Integer>comparingLong(c -> -counts[c]).thenComparing(vocabulary::id));
        List<CategoryCount> out = new ArrayList<>();
        for (int c : order.subList(0, Math.min(TOP_CATEGORIES, order.size()))) {
            out.add(new CategoryCount(vocabulary.id(c), counts[c], (double) counts[c] / total));
        }
        return out;
    }

    private static SegmentReport build(FeatureFrame users, int[] segments, List<List<CategoryCount>> top) {
        int n = users.rows();
        int k = Rows.labels(segments, n);
        double[] recency = users.numeric(UserAggregates.RECENCY_DAYS);
        double[] frequency = users.numeric(UserAggregates.FREQUENCY);
        double[] monetary = users.numeric(UserAggregates.MONETARY_SUM);
        int[] sizes = new int[k];
        for (int s : segments) {
            sizes[s]++;
        }
        List<SegmentProfile> out = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            out.add(new SegmentProfile(s, sizes[s], (double) sizes[s] / n, mean(recency, segments, s),
                    mean(frequency, segments, s), mean(monetary, segments, s), top == null ? List.of() : top.get(s)));
        }
        return new SegmentReport(out, n);
    }

    /** Mean of the finite values of rows in segment {@code s}; NaN when there are none. */
    private static double mean(double[] values, int[] segments, int s) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < values.length; r++) {
            if (segments[r] == s && Double.isFinite(values[r])) {
                sum += values[r];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Runs k-means for every k in {@code [fromK, toK]} with {@code options} (its k is replaced) and scores
     * each with {@link Silhouette#score(double[][], int[])}, printing one line per k to {@code out} as it
     * goes ({@code null} prints nothing).
     */
    public static KSelection chooseK(double[][] rows, int fromK, int toK, KMeansOptions options, PrintStream out) {
        Rows.check(rows, null);
        if (fromK < 2 || toK < fromK) {
            throw new IllegalArgumentException("need 2 <= fromK <= toK, got fromK=" + fromK + ", toK=" + toK
                    + " (the silhouette is undefined for one cluster)");
        }
        if (toK >= rows.length) {
            throw new IllegalArgumentException("toK = " + toK + " needs more than " + toK + " rows, got "
                    + rows.length);
        }
        List<KScore> scores = new ArrayList<>();
        for (int k = fromK; k <= toK; k++) {
            KMeansResult r = KMeans.fit(rows, options.withK(k));
            KScore s = new KScore(k, Silhouette.score(rows, r.assignments()), r.inertia());
            scores.add(s);
            if (out != null) {
                out.println(KSelection.line(s));
            }
        }
        return new KSelection(scores);
    }

    /** {@link #chooseK(double[][], int, int, KMeansOptions, PrintStream)} on the dense block of {@code m}. */
    public static KSelection chooseK(FeatureMatrix m, int fromK, int toK, KMeansOptions options, PrintStream out) {
        return chooseK(Rows.of(m), fromK, toK, options, out);
    }
}
