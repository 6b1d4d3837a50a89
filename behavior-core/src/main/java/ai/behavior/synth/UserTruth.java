package ai.behavior.synth;

import java.util.Arrays;

/**
 * The latent state planted for every user: taste vector, activity, conversion propensity, price
 * sensitivity, when the user became active and when (if ever) the user churned. Indexed by the user's dense
 * index, which is also the log's user index and the row of the users attribute table.
 *
 * <pre>{@code
 * UserTruth users = shop.truth().users();
 * boolean gone = users.churned(u); double[] taste = users.taste(u);
 * }</pre>
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param dimension        length of a taste vector
 * @param tastes           taste vectors, row-major ({@code tastes[u * dimension + k]})
 * @param activity         activity multiplier of the session rate (lognormal, mean 1)
 * @param propensity       additive shift of the user's cart and purchase logits
 * @param priceSensitivity multiplier of the price terms of the user's cart and purchase logits
 * @param activeFrom       epoch millis from which the user can have sessions (signup, or the span start)
 * @param churnMillis      epoch millis of churn, or {@link #NO_CHURN}; the user has no event at or after it
 */
public record UserTruth(int dimension, double[] tastes, double[] activity, double[] propensity,
                        double[] priceSensitivity, long[] activeFrom, long[] churnMillis) {
    /** Churn time of a user who did not churn during the span. */
    public static final long NO_CHURN = Long.MAX_VALUE;

    /**
     * Checks that the arrays are aligned.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public UserTruth {
        int n = activity.length;
        if (dimension < 1 || tastes.length != (long) n * dimension || propensity.length != n
                || priceSensitivity.length != n || activeFrom.length != n || churnMillis.length != n) {
            throw new IllegalArgumentException("user truth arrays must describe " + n + " users");
        }
    }

    /** Number of users. */
    public int size() {
        return activity.length;
    }

    /** A copy of user {@code u}'s taste vector. */
    public double[] taste(int u) {
        return Arrays.copyOfRange(tastes, u * dimension, (u + 1) * dimension);
    }

    /** Whether user {@code u} churned during the span. */
    public boolean churned(int u) {
        return churnMillis[u] != NO_CHURN;
    }

    /** Number of users who churned during the span. */
    public int churnedCount() {
        int n = 0;
        for (long c : churnMillis) {
            if (c != NO_CHURN) {
                n++;
            }
        }
        return n;
    }
}
