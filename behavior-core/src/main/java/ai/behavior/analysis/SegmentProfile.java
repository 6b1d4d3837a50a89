package ai.behavior.analysis;

import java.util.List;

/**
 * One segment of users: its size and share, mean recency, frequency and monetary value, and the categories
 * its users interact with most.
 *
 * <pre>{@code
 * SegmentProfile s = report.segments().get(0);
 * System.out.println(s.users() + " users, mean spend " + s.monetary());
 * }</pre>
 *
 * @param segment       segment number
 * @param users         users in the segment
 * @param share         {@code users} over all users, in [0, 1]
 * @param recencyDays   mean of the finite {@code recency_days} values; NaN when the segment has none
 * @param frequency     mean of the finite {@code frequency} values; NaN when the segment has none
 * @param monetary      mean of the finite {@code monetary_sum} values; NaN when the segment has none
 * @param topCategories up to three categories, most events first (ties by label); empty when profiled
 *                      without a log
 */
public record SegmentProfile(int segment, int users, double share, double recencyDays, double frequency,
                             double monetary, List<CategoryCount> topCategories) {
    /** Copies the category list. */
    public SegmentProfile {
        topCategories = List.copyOf(topCategories);
    }
}
