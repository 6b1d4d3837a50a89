package ai.behavior.synth;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Generates a realistic synthetic shop: an event log with sessions, user and item attribute tables and the
 * ground truth that was planted, so that models and tests can check the signal is recoverable.
 *
 * <pre>{@code
 * ShopData shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(500).withSeed(7));
 * Interactions log = shop.interactions();
 * }</pre>
 *
 * <h2>The generative model</h2>
 * <ul>
 *   <li><b>Catalogue.</b> Categories have random embeddings; an item's embedding is its category's plus its
 *   brand's offset plus noise. Item popularity is Zipf-like over a random ranking of items; category
 *   popularity is the sum of its items'. Prices are lognormal around a lognormal per-category median, times
 *   a brand premium, rounded to cents. A share of categories is consumable, with a replenishment cycle of
 *   7&ndash;28 days.</li>
 *   <li><b>Users.</b> Tastes mix a region centroid, an age direction and individual noise; the planted
 *   affinity is {@code taste . embedding / sqrt(dimension)} (about unit variance over random pairs). Activity
 *   is lognormal (mean 1, heavy tail); segments (bargain, mainstream, premium) set price sensitivity; a
 *   per-user propensity shifts conversion. Some users sign up during the span, some churn at a uniformly
 *   drawn time in their active window; a churning user's session rate fades linearly over the 14 days
 *   before churn, and no event of theirs is at or after the churn time.</li>
 *   <li><b>Sessions.</b> Session starts are a Poisson process thinned by hour-of-day and weekend intensity,
 *   with at least 30 minutes between the end of a session and the next start; no session starts within 65
 *   minutes of the end of the span or of churn, so every event lies in the span. Inside a session see
 *   {@link ShopperBehaviour}.</li>
 * </ul>
 *
 * <h2>The log</h2>
 * User {@code u} has id {@code "u" + u} and dense index {@code u}; item {@code i} has id {@code "i" + i} and
 * index {@code i} (every user and item is in the index space, with or without events); sessions are
 * {@code "s" + n} in order of generation. Rows are grouped by user in index order and chronological within
 * a user (non-decreasing timestamps; a session's rows in the order the shopper acted), so the log is not
 * globally time-sorted. Values: VIEW = dwell seconds, CLICK and IMPRESSION = 1-based list position,
 * SEARCH = number of results shown, FAVOURITE and CART = 1, PURCHASE = unit price, RATING = stars 1&ndash;5.
 *
 * <h2>Funnel invariants</h2>
 * Every CART row directly follows a VIEW row of the same user, item and session, or a FAVOURITE row that
 * directly follows one; every PURCHASE row follows, in the same session, a CART row of the same item, and a
 * session never has more purchases than cart rows of an item; every RATING row is of an item the user
 * bought in an earlier session. {@link ViewTruth} gives each view's true cart and purchase probabilities
 * and outcomes.
 *
 * <p>Cost is linear in events (about 10 million events in a few seconds on one core); each user's
 * behaviour depends only on the seed and the user's index.
 */
public final class SyntheticShop {
    private SyntheticShop() {
    }

    /** Generates the default shop (about 50,000 events). */
    public static ShopData generate() {
        return generate(Options.defaults());
    }

    /**
     * Generates a shop. The same options always give the same shop.
     *
     * <p>With {@link Options#targetEvents()} set, users are drawn and simulated one after another until the
     * log holds at least that many events (it overshoots by at most one user's events); the returned
     * {@link ShopData#options()} holds the number of users generated, and generating those options without
     * the target gives the same shop.
     *
     * @throws IllegalArgumentException if the target cannot be reached within {@link Options#MAX_USERS} users
     */
    public static ShopData generate(Options options) {
        Objects.requireNonNull(options, "options");
        return new ShopGenerator(options).run();
    }

    /**
     * Size, time span, population and catalogue of a synthetic shop, with {@link #defaults()} and with-ers.
     *
     * <pre>{@code
     * Options o = Options.defaults().withTargetEvents(1_000_000).withDays(90).withSeed(3);
     * ShopData shop = SyntheticShop.generate(o);
     * }</pre>
     *
     * @param seed               the seed of every random draw; the same options give the same shop, event by
     *                           event (default 42)
     * @param users              number of users, at least 1; ignored when {@link #targetEvents()} is set
     *                           (default 1,000)
     * @param items              number of items, at least {@link #categories()}; with-ers validate at once, so
     *                           lower categories before items (default 1,000)
     * @param categories         number of item categories, 1&ndash;10,000 (default 20)
     * @param brandsPerCategory  brands per category, 1&ndash;1,000 (default 6)
     * @param dimension          dimension of the latent taste and item vectors, 1&ndash;256 (default 16)
     * @param startDate          first day of the span (its midnight; timestamps are shop-local wall-clock time
     *                           written as UTC), years 1970&ndash;2200 (default 2024-01-01)
     * @param days               length of the span in days, 1&ndash;3,650 (default 30)
     * @param sessionsPerWeek    mean sessions per week of a user of average activity while active, in
     *                           (0, 1,000] (default 1.5, about 6.4 in 30 days)
     * @param activitySigma      log-scale spread of the lognormal user activity (mean 1), in [0, 3]; larger is
     *                           more heavy-tailed (default 1.0)
     * @param churnFraction      share of users who churn during the span, in [0, 1] (default 0.25)
     * @param newUserFraction    share of users who sign up during the span (the rest signed up in the year
     *                           before), in [0, 1] (default 0.2)
     * @param popularityExponent Zipf exponent {@code s} of item popularity (the item of rank {@code r} weighs
     *                           {@code r^-s}), in [0, 3] (default 1.0)
     * @param consumableFraction share of categories that are consumable (bought again), in [0, 1] (default 0.25)
     * @param targetEvents       when positive, users are added until the log has at least this many events
     *                           (overshooting by at most one user's events); 0 = off; at most 1,000,000,000
     *                           (default 0)
     * @param behaviour          browsing, dwell and funnel knobs (default {@link ShopperBehaviour#defaults()})
     */
    public record Options(
            long seed,
            int users,
            int items,
            int categories,
            int brandsPerCategory,
            int dimension,
            LocalDate startDate,
            int days,
            double sessionsPerWeek,
            double activitySigma,
            double churnFraction,
            double newUserFraction,
            double popularityExponent,
            double consumableFraction,
            long targetEvents,
            ShopperBehaviour behaviour) {
        /** Largest number of users and of items; also, users (or items) times dimension stays below 2^31. */
        public static final int MAX_USERS = 100_000_000;
        /** Largest target event count. */
        public static final long MAX_TARGET_EVENTS = 1_000_000_000L;

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException naming the option, the value and the accepted range
         * @throws NullPointerException     if {@code startDate} or {@code behaviour} is null
         */
        public Options {
            atLeast("users", users, 1, MAX_USERS);
            atLeast("categories", categories, 1, 10_000);
            atLeast("items", items, categories, MAX_USERS);
            atLeast("brandsPerCategory", brandsPerCategory, 1, 1_000);
            atLeast("dimension", dimension, 1, 256);
            atLeast("items * dimension", (long) items * dimension, 1, maxRows(dimension) * (long) dimension);
            atLeast("users * dimension", (long) users * dimension, 1, maxRows(dimension) * (long) dimension);
            Objects.requireNonNull(startDate, "startDate");
            if (startDate.getYear() < 1970 || startDate.getYear() > 2200) {
                throw new IllegalArgumentException("startDate must be in years 1970..2200, got " + startDate);
            }
            atLeast("days", days, 1, 3_650);
            ShopperBehaviour.range("sessionsPerWeek", sessionsPerWeek, Double.MIN_VALUE, 1_000);
            ShopperBehaviour.range("activitySigma", activitySigma, 0, 3);
            ShopperBehaviour.range("churnFraction", churnFraction, 0, 1);
            ShopperBehaviour.range("newUserFraction", newUserFraction, 0, 1);
            ShopperBehaviour.range("popularityExponent", popularityExponent, 0, 3);
            ShopperBehaviour.range("consumableFraction", consumableFraction, 0, 1);
            if (targetEvents < 0 || targetEvents > MAX_TARGET_EVENTS) {
                throw new IllegalArgumentException("targetEvents must be in [0, " + MAX_TARGET_EVENTS
                        + "] (0 = off), got " + targetEvents);
            }
            Objects.requireNonNull(behaviour, "behaviour");
        }

        /** The documented defaults: 1,000 users, 1,000 items in 20 categories, 30 days from 2024-01-01. */
        public static Options defaults() {
            return new Options(42, 1_000, 1_000, 20, 6, 16, LocalDate.of(2024, 1, 1), 30, 1.5, 1.0, 0.25, 0.2,
                    1.0, 0.25, 0, ShopperBehaviour.defaults());
        }

        /** Largest number of users or items with vectors of {@code dimension}. */
        static int maxRows(int dimension) {
            return Math.min(MAX_USERS, (Integer.MAX_VALUE - 16) / dimension);
        }

        private static void atLeast(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
            }
        }

        /** A copy with {@link #seed()} replaced. */
        public Options withSeed(long value) {
            return new Options(value, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #users()} replaced. */
        public Options withUsers(int value) {
            return new Options(seed, value, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #items()} replaced. */
        public Options withItems(int value) {
            return new Options(seed, users, value, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #categories()} replaced. */
        public Options withCategories(int value) {
            return new Options(seed, users, items, value, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #brandsPerCategory()} replaced. */
        public Options withBrandsPerCategory(int value) {
            return new Options(seed, users, items, categories, value, dimension, startDate, days, sessionsPerWeek,
                    activitySigma, churnFraction, newUserFraction, popularityExponent, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #dimension()} replaced. */
        public Options withDimension(int value) {
            return new Options(seed, users, items, categories, brandsPerCategory, value, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #startDate()} replaced. */
        public Options withStartDate(LocalDate value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, value, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #days()} replaced. */
        public Options withDays(int value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, value,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, behaviour);
        }

        /** A copy with {@link #sessionsPerWeek()} replaced. */
        public Options withSessionsPerWeek(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days, value,
                    activitySigma, churnFraction, newUserFraction, popularityExponent, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #activitySigma()} replaced. */
        public Options withActivitySigma(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, value, churnFraction, newUserFraction, popularityExponent, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #churnFraction()} replaced. */
        public Options withChurnFraction(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, value, newUserFraction, popularityExponent, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #newUserFraction()} replaced. */
        public Options withNewUserFraction(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, value, popularityExponent, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #popularityExponent()} replaced. */
        public Options withPopularityExponent(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, value, consumableFraction,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #consumableFraction()} replaced. */
        public Options withConsumableFraction(double value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent, value,
                    targetEvents, behaviour);
        }

        /** A copy with {@link #targetEvents()} replaced. */
        public Options withTargetEvents(long value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, value, behaviour);
        }

        /** A copy with {@link #behaviour()} replaced. */
        public Options withBehaviour(ShopperBehaviour value) {
            return new Options(seed, users, items, categories, brandsPerCategory, dimension, startDate, days,
                    sessionsPerWeek, activitySigma, churnFraction, newUserFraction, popularityExponent,
                    consumableFraction, targetEvents, value);
        }
    }
}
