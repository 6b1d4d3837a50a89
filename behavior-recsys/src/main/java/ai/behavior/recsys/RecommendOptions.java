package ai.behavior.recsys;

import java.util.Set;

/**
 * What a recommendation may contain: whether the user's already-seen items are excluded (the default), an
 * optional allow-list (only these items are candidates) and a deny-list (never these items), by external
 * item id.
 *
 * <pre>{@code
 * RecommendOptions o = RecommendOptions.defaults().withDeny(Set.of("i42")).withAllowOnly(inStock);
 * }</pre>
 *
 * @param excludeSeen whether items the user interacted with in training are excluded
 * @param allowOnly   the only candidate items, or {@code null} for the whole catalogue
 * @param deny        items never recommended (may be empty)
 */
public record RecommendOptions(boolean excludeSeen, Set<String> allowOnly, Set<String> deny) {
    /** Copies the sets. */
    public RecommendOptions {
        allowOnly = allowOnly == null ? null : Set.copyOf(allowOnly);
        deny = deny == null ? Set.of() : Set.copyOf(deny);
    }

    /** Seen items excluded, whole catalogue, nothing denied. */
    public static RecommendOptions defaults() {
        return new RecommendOptions(true, null, Set.of());
    }

    /** A copy that keeps or drops seen items. */
    public RecommendOptions withExcludeSeen(boolean value) {
        return new RecommendOptions(value, allowOnly, deny);
    }

    /** A copy whose candidates are only these items. */
    public RecommendOptions withAllowOnly(Set<String> items) {
        return new RecommendOptions(excludeSeen, items, deny);
    }

    /** A copy that never recommends these items. */
    public RecommendOptions withDeny(Set<String> items) {
        return new RecommendOptions(excludeSeen, allowOnly, items);
    }
}
