package ai.behavior.synth;

import ai.behavior.data.AttributeTable;
import ai.behavior.data.Interactions;

/**
 * A generated shop: the event log, the user and item attribute tables, the planted ground truth and the
 * options that produced it.
 *
 * <pre>{@code
 * ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withTargetEvents(100_000));
 * Interactions log = shop.interactions(); AttributeTable items = shop.items();
 * }</pre>
 *
 * <p>User index {@code u} (id {@code "u" + u}) is row {@code u} of {@link #users()} and of the truth; item
 * index {@code i} (id {@code "i" + i}) is row {@code i} of {@link #items()} and of the truth.
 *
 * @param interactions the event log with sessions (see {@link SyntheticShop} for its order and values)
 * @param users        user attributes: {@code age}, {@code age_band}, {@code region}, {@code segment},
 *                     {@code activity_level}, {@code signup_day} (days from the start date; negative before it)
 * @param items        item attributes: {@code category}, {@code brand}, {@code price},
 *                     {@code popularity_tier} (head, torso, tail), {@code consumable} (yes, no)
 * @param truth        what the generator planted
 * @param options      the options that generated this shop (users resolved when a target was given)
 */
public record ShopData(Interactions interactions, AttributeTable users, AttributeTable items, GroundTruth truth,
                       SyntheticShop.Options options) {

    @Override
    public String toString() {
        return "ShopData[" + interactions + ", " + truth.views() + "]";
    }

    /** The log and attribute tables as a {@link ai.behavior.data.Dataset} named after the seed and size. */
    public ai.behavior.data.Dataset toDataset() {
        return new ai.behavior.data.Dataset("synthetic-shop(seed=" + options.seed() + ", users=" + options.users() + ")",
                interactions, users, items);
    }
}
