package ai.behavior.examples;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;

/**
 * A train-only purchase baseline: the smoothed view→purchase rate of the item, optionally times the user's
 * smoothed rate relative to the shop's. Rates are shrunk toward the global rate with {@code prior} pseudo
 * views (a Beta prior), so an item seen twice does not score 0 or 1.
 *
 * <pre>{@code
 * ConversionRateBaseline b = ConversionRateBaseline.fit(train, 20);
 * double p = b.purchaseProbability(user, item, true);
 * }</pre>
 */
final class ConversionRateBaseline {
    private final double globalRate;
    private final double[] itemRate;
    private final double[] userRate;

    private ConversionRateBaseline(double globalRate, double[] itemRate, double[] userRate) {
        this.globalRate = globalRate;
        this.itemRate = itemRate;
        this.userRate = userRate;
    }

    /** Counts views and purchases in {@code train} (never the test part) and smooths the rates. */
    static ConversionRateBaseline fit(Interactions train, double prior) {
        int[] itemViews = new int[train.numItems()];
        int[] itemBuys = new int[train.numItems()];
        int[] userViews = new int[train.numUsers()];
        int[] userBuys = new int[train.numUsers()];
        long views = 0;
        long buys = 0;
        for (int r = 0; r < train.size(); r++) {
            int t = train.typeCode(r);
            if (t == EventType.VIEW.ordinal()) {
                itemViews[train.item(r)]++;
                userViews[train.user(r)]++;
                views++;
            } else if (t == EventType.PURCHASE.ordinal()) {
                itemBuys[train.item(r)]++;
                userBuys[train.user(r)]++;
                buys++;
            }
        }
        if (views == 0) {
            throw new IllegalArgumentException("the training part has no VIEW events to learn conversion from");
        }
        double global = Math.min(0.5, (buys + 1.0) / (views + 2.0));
        double[] item = new double[itemViews.length];
        for (int i = 0; i < item.length; i++) {
            item[i] = Math.min(0.99, (itemBuys[i] + prior * global) / (itemViews[i] + prior));
        }
        double[] user = new double[userViews.length];
        for (int u = 0; u < user.length; u++) {
            user[u] = Math.min(0.99, (userBuys[u] + prior * global) / (userViews[u] + prior));
        }
        return new ConversionRateBaseline(global, item, user);
    }

    /** The baseline's purchase probability of a view; {@code personal} adds the user's relative rate. */
    double purchaseProbability(int user, int item, boolean personal) {
        double p = personal ? itemRate[item] * userRate[user] / globalRate : itemRate[item];
        return Math.min(0.99, Math.max(1e-4, p));
    }
}
