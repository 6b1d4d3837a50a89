package ai.behavior.synth;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.data.InteractionsBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulates one user at a time, streaming the user's sessions into the log (int fast path, no boxing) and
 * the view truth into its buffer. Reuses all scratch space across users.
 */
final class UserSimulator {
    private static final long SECOND = ShopCalendar.SECOND;
    private static final long MINUTE = ShopCalendar.MINUTE;
    private static final long HOUR = ShopCalendar.HOUR;
    /** Time kept free before the end of the user's window at every view: a step plus checkout fits in it. */
    private static final long RESERVE = HOUR;
    /** No session starts later than this before the end of the user's window (ratings fit in the rest). */
    private static final long START_MARGIN = RESERVE + 5 * MINUTE;
    private static final long SESSION_TIMEOUT = 30 * MINUTE;
    private static final long MAX_SESSION = 4 * HOUR;
    private static final long CHURN_FADE = 14 * ShopCalendar.DAY;
    private static final double CHURN_FADE_FLOOR = 0.2;
    private static final double MAX_DWELL_SECONDS = 1800;
    private static final int MAX_VIEWS = 200;
    private static final int MAX_REPEATS_PER_SESSION = 2;
    private static final int MAX_PENDING_RATINGS = 5;

    private static final int VIEW = EventType.VIEW.ordinal();
    private static final int CLICK = EventType.CLICK.ordinal();
    private static final int IMPRESSION = EventType.IMPRESSION.ordinal();
    private static final int SEARCH = EventType.SEARCH.ordinal();
    private static final int FAVOURITE = EventType.FAVOURITE.ordinal();
    private static final int CART = EventType.CART.ordinal();
    private static final int PURCHASE = EventType.PURCHASE.ordinal();
    private static final int RATING = EventType.RATING.ordinal();

    private final long seed;
    private final InteractionsBuilder log;
    private final IdIndex.Builder sessionIds;
    private final ViewTruthBuffer truth;
    private final Catalogue catalogue;
    private final Population population;
    private final ShopCalendar calendar;
    private final ShopperBehaviour b;
    private final ItemChooser chooser;
    private final ConversionModel conversion;
    /** Candidate session rate per millisecond for activity 1 (before thinning). */
    private final double baseRate;
    private final double logDwellMedian;
    private final double viewStop;
    private long sessionCounter;

    private final int[] cartItem = new int[MAX_VIEWS + MAX_REPEATS_PER_SESSION];
    private final int[] cartEntry = new int[cartItem.length];
    private final double[] cartBuy = new double[cartItem.length];
    private final int[] ratingItem = new int[MAX_PENDING_RATINGS];
    private final int[] repeatQueue = new int[MAX_REPEATS_PER_SESSION];
    /** ownedStamp[item] == userStamp when the current user bought that non-consumable item. */
    private final int[] ownedStamp;
    private int userStamp;
    private int[] dueItem = new int[16];
    private long[] dueAt = new long[16];
    private int cartSize;
    private int ratingCount;
    private int dueCount;

    UserSimulator(SyntheticShop.Options options, InteractionsBuilder log, ViewTruthBuffer truth,
                  Catalogue catalogue, Population population, ShopCalendar calendar) {
        this.seed = options.seed();
        this.log = log;
        this.sessionIds = log.sessions();
        this.truth = truth;
        this.catalogue = catalogue;
        this.population = population;
        this.calendar = calendar;
        this.b = options.behaviour();
        this.chooser = new ItemChooser(catalogue, population, b.choiceSharpness());
        this.conversion = new ConversionModel(b, catalogue, population);
        this.baseRate = options.sessionsPerWeek() / (7.0 * ShopCalendar.DAY)
                * ShopCalendar.MAX_INTENSITY / ShopCalendar.MEAN_INTENSITY;
        this.logDwellMedian = Math.log(b.dwellMedianSeconds());
        this.viewStop = 1.0 / b.viewsPerSession();
        this.ownedStamp = new int[catalogue.numItems];
    }

    /** Appends all sessions of user {@code u}. */
    void simulate(int u) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.USER, u);
        chooser.beginUser(u);
        userStamp++;
        ratingCount = 0;
        dueCount = 0;
        long limit = Math.min(calendar.end(), population.churnMillis[u]);
        double rate = baseRate * population.activity[u];
        long t = population.activeFrom[u];
        while (true) {
            t = nextSessionStart(rng, u, t, limit, rate);
            if (t < 0) {
                return;
            }
            t = session(rng, u, t, limit) + SESSION_TIMEOUT;
        }
    }

    /** The next accepted session start after {@code t}, or -1: a Poisson process thinned by intensity. */
    private long nextSessionStart(SplittableRandom rng, int u, long t, long limit, double rate) {
        if (rate <= 0) {
            return -1;
        }
        long last = limit - START_MARGIN;
        long churn = population.churnMillis[u];
        double clock = t;
        while (true) {
            clock += rng.nextExponential() / rate;
            if (clock >= last) {
                return -1;
            }
            long ts = (long) clock;
            double accept = ShopCalendar.intensity(ts) / ShopCalendar.MAX_INTENSITY;
            if (churn != UserTruth.NO_CHURN && churn - ts < CHURN_FADE) {
                accept *= CHURN_FADE_FLOOR + (1 - CHURN_FADE_FLOOR) * (double) (churn - ts) / CHURN_FADE;
            }
            if (rng.nextDouble() < accept) {
                return ts;
            }
        }
    }

    /** Emits one session starting at {@code t0}; returns the time of its last event. */
    private long session(SplittableRandom rng, int u, long t0, long limit) {
        int s = sessionIds.intern("s" + sessionCounter++);
        long t = t0;
        for (int k = 0; k < ratingCount; k++) {
            int item = ratingItem[k];
            double a = Affinity.of(population.tastes, u, catalogue.embeddings, item, catalogue.dimension);
            log.add(u, item, RATING, t, ConversionModel.stars(a, rng.nextGaussian()), s);
            t += 5 * SECOND + rng.nextInt(35_000);
        }
        ratingCount = 0;
        int repeats = 0;
        for (int k = 0; k < dueCount; k++) {
            if (dueAt[k] <= t0 && repeats < MAX_REPEATS_PER_SESSION && rng.nextDouble() < b.repeatProbability()) {
                repeatQueue[repeats++] = dueItem[k];
                dueCount--;
                dueItem[k] = dueItem[dueCount];
                dueAt[k] = dueAt[dueCount];
                k--;
            }
        }
        int steps = repeats + 1 + Sampling.geometric(rng, viewStop, MAX_VIEWS - 1);
        int category = chooser.drawCategory(rng);
        cartSize = 0;
        for (int step = 0; step < steps; step++) {
            if (t + RESERVE > limit || t - t0 > MAX_SESSION) {
                break;
            }
            int item;
            double affinity;
            boolean searched = false;
            boolean repeat = step < repeats;
            if (repeat) {
                item = repeatQueue[step];
                affinity = Affinity.of(population.tastes, u, catalogue.embeddings, item, catalogue.dimension);
            } else {
                if (step > repeats && rng.nextDouble() >= b.categoryStickiness()) {
                    category = chooser.drawCategory(rng);
                }
                int slot = chooser.drawSlot(category, rng);
                item = chooser.item(slot);
                affinity = chooser.affinity(slot);
                if (rng.nextDouble() < b.searchProbability()) {
                    searched = true;
                    t = search(rng, u, s, t, item, category);
                } else if (rng.nextDouble() < b.clickProbability()) {
                    log.add(u, item, CLICK, t, 1 + Sampling.geometric(rng, 0.4, 49), s);
                    t += 500 + rng.nextInt(1_000);
                }
            }
            t = view(rng, u, s, t, item, affinity, searched, repeat);
        }
        if (cartSize > 0) {
            t += checkoutDelay(rng);
            for (int k = 0; k < cartSize; k++) {
                if (rng.nextDouble() < cartBuy[k]) {
                    int item = cartItem[k];
                    log.add(u, item, PURCHASE, t, (float) catalogue.price[item], s);
                    truth.markPurchased(cartEntry[k]);
                    bought(rng, item, t);
                    t += 1_500;
                }
            }
        }
        return t;
    }

    /** A SEARCH, its results list as IMPRESSION rows, and a CLICK on {@code item}; returns the click time. */
    private long search(SplittableRandom rng, int u, int s, long t, int item, int category) {
        int shown = b.impressionsPerSearch();
        int position = shown == 0 ? 1 : 1 + Sampling.geometric(rng, 0.5, shown - 1);
        log.add(u, item, SEARCH, t, shown, s);
        long listed = t + 800;
        for (int p = 1; p <= shown; p++) {
            int other = p == position ? item : catalogue.popularItem(category, rng);
            log.add(u, other, IMPRESSION, listed + p, p, s);
        }
        long click = listed + shown + (long) Math.min(60_000, 6_000 * Math.exp(0.6 * rng.nextGaussian()));
        log.add(u, item, CLICK, click, position, s);
        return click + 700 + rng.nextInt(800);
    }

    /** A VIEW with its dwell, then maybe FAVOURITE and CART; returns the time of the next step. */
    private long view(SplittableRandom rng, int u, int s, long t, int item, double affinity, boolean searched,
                      boolean repeat) {
        double z = rng.nextGaussian();
        double dwell = Math.exp(logDwellMedian + b.dwellAffinity() * affinity + b.dwellSigma() * z);
        dwell = Math.max(1, Math.min(MAX_DWELL_SECONDS, dwell));
        long dwellMillis = Math.round(dwell * 1000);
        int row = log.size();
        log.add(u, item, VIEW, t, (float) dwell, s);
        boolean owned = ownedStamp[item] == userStamp;
        double pCart = conversion.cart(u, item, affinity, z, searched, repeat, owned);
        double pBuy = conversion.purchaseGivenCart(u, item, affinity, repeat);
        int entry = truth.add(row, pCart, pCart * pBuy, affinity, z, searched, repeat, owned);
        if (rng.nextDouble() < conversion.favourite(affinity, z)) {
            log.add(u, item, FAVOURITE, t + dwellMillis / 2, 1f, s);
        }
        if (rng.nextDouble() < pCart) {
            log.add(u, item, CART, t + dwellMillis * 17 / 20, 1f, s);
            truth.markCarted(entry);
            cartItem[cartSize] = item;
            cartEntry[cartSize] = entry;
            cartBuy[cartSize] = pBuy;
            cartSize++;
        }
        long navigation = (long) Math.min(120_000, 4_000 * Math.exp(0.8 * rng.nextGaussian()));
        return t + dwellMillis + navigation;
    }

    private static long checkoutDelay(SplittableRandom rng) {
        return (long) Math.min(600_000, 45_000 * Math.exp(0.7 * rng.nextGaussian()));
    }

    /** After a purchase: maybe a rating at the next session; a consumable becomes due again, a durable owned. */
    private void bought(SplittableRandom rng, int item, long t) {
        if (ratingCount < MAX_PENDING_RATINGS && rng.nextDouble() < b.ratingProbability()) {
            ratingItem[ratingCount++] = item;
        }
        int c = catalogue.categoryOf[item];
        if (!catalogue.consumable[c]) {
            ownedStamp[item] = userStamp;
        } else {
            if (dueCount == dueItem.length) {
                dueItem = Arrays.copyOf(dueItem, dueCount * 2);
                dueAt = Arrays.copyOf(dueAt, dueCount * 2);
            }
            dueItem[dueCount] = item;
            dueAt[dueCount] = t + (long) (catalogue.replenishDays[c] * Math.exp(0.25 * rng.nextGaussian())
                    * ShopCalendar.DAY);
            dueCount++;
        }
    }
}
