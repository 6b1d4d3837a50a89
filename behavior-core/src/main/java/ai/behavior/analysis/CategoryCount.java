package ai.behavior.analysis;

/**
 * How many events of a segment fell on items of one category.
 *
 * <pre>{@code
 * CategoryCount top = profile.topCategories().get(0);
 * System.out.println(top.category() + " " + top.events() + " (" + top.share() + ")");
 * }</pre>
 *
 * @param category the category label
 * @param events   events of the segment's users on items of that category
 * @param share    {@code events} over all the segment's events on categorised items, in [0, 1]
 */
public record CategoryCount(String category, long events, double share) {
}
