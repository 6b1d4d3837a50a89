package ai.behavior.data;

import java.util.Objects;

/**
 * A behaviour log with its user and item attribute tables, as a reader or generator returns it.
 *
 * <pre>{@code
 * Dataset ml = MovieLens.read(Path.of("../shared/datasets/ml-100k"));
 * Interactions ratings = ml.interactions();
 * }</pre>
 *
 * @param name         what the data is (a file name, "ml-100k", "synthetic-shop seed=7")
 * @param interactions the events
 * @param users        user attributes keyed by external user id (possibly with no columns)
 * @param items        item attributes keyed by external item id (possibly with no columns)
 */
public record Dataset(String name, Interactions interactions, AttributeTable users, AttributeTable items) {
    /** Checks that nothing is null. */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
    }
}
