package ai.behavior.models.twotower;

import ai.behavior.feature.FeatureMatrix;

import java.util.Objects;

/**
 * What a {@link TwoTower} model learns from: one feature row per user (attributes, optionally one sequence
 * feature), one feature row per item (attributes), and the positive (user row, item row) pairs.
 *
 * <pre>{@code
 * TwoTowerData d = new TwoTowerData(userPipeline.transform(userFrame), itemPipeline.transform(itemFrame),
 *         pairUsers, pairItems);
 * }</pre>
 *
 * @param users     one row per user
 * @param items     one row per item (the catalogue the model retrieves from)
 * @param pairUsers the user row of each positive pair
 * @param pairItems the item row of each positive pair
 */
public record TwoTowerData(FeatureMatrix users, FeatureMatrix items, int[] pairUsers, int[] pairItems) {
    /** Checks that the pairs are aligned and point at existing rows. */
    public TwoTowerData {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(pairUsers, "pairUsers");
        Objects.requireNonNull(pairItems, "pairItems");
        if (pairUsers.length != pairItems.length) {
            throw new IllegalArgumentException(pairUsers.length + " pair users but " + pairItems.length
                    + " pair items");
        }
        for (int p = 0; p < pairUsers.length; p++) {
            if (pairUsers[p] < 0 || pairUsers[p] >= users.rows()) {
                throw new IllegalArgumentException("pair " + p + ": user row " + pairUsers[p] + " is not in [0, "
                        + users.rows() + ")");
            }
            if (pairItems[p] < 0 || pairItems[p] >= items.rows()) {
                throw new IllegalArgumentException("pair " + p + ": item row " + pairItems[p] + " is not in [0, "
                        + items.rows() + ")");
            }
        }
    }

    /** Number of positive pairs. */
    public int pairs() {
        return pairUsers.length;
    }

    /** How many pairs each item row has. */
    public int[] itemCounts() {
        int[] c = new int[items.rows()];
        for (int i : pairItems) {
            c[i]++;
        }
        return c;
    }
}
