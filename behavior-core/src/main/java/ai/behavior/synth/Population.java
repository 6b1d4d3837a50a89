package ai.behavior.synth;

import ai.behavior.data.AttributeTable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The user side of a synthetic shop: demographics, tastes, activity, segment, conversion propensity,
 * signup and churn. Users are drawn one after another from a single stream and on demand
 * ({@link #ensureSize(int)}), so the first {@code n} users are the same however many are drawn in the end.
 */
final class Population {
    private static final String[] REGIONS = {"north", "south", "east", "west", "capital"};
    private static final double[] REGION_SHARES = {0.22, 0.2, 0.18, 0.15, 0.25};
    private static final String[] SEGMENTS = {"bargain", "mainstream", "premium"};
    private static final double[] SEGMENT_SHARES = {0.3, 0.5, 0.2};
    private static final double[] SEGMENT_PRICE_SENSITIVITY = {1.8, 1.0, 0.45};
    private static final double REGION_SHARE_OF_TASTE = 0.3;
    private static final double AGE_SHARE_OF_TASTE = 0.1;
    private static final double MEAN_AGE = 38;
    private static final double AGE_SD = 13;
    private static final double PROPENSITY_SD = 0.5;
    private static final double MAX_ACTIVITY = 50;
    private static final double LIGHT_BELOW = 0.5;
    private static final double HEAVY_ABOVE = 2.0;

    private final SplittableRandom rng;
    private final SyntheticShop.Options options;
    private final ShopCalendar calendar;
    private final double[] centroids;
    private final double[] ageDirection;
    private final double[] regionCum;
    private final double[] segmentCum;
    final int dimension;
    int size;
    double[] tastes;
    double[] activity;
    double[] propensity;
    double[] priceSensitivity;
    long[] activeFrom;
    long[] churnMillis;
    long[] signupMillis;
    byte[] age;
    byte[] region;
    byte[] segment;

    Population(SyntheticShop.Options options, ShopCalendar calendar) {
        this.rng = Seeds.stream(options.seed(), Seeds.POPULATION, 0);
        this.options = options;
        this.calendar = calendar;
        this.dimension = options.dimension();
        int d = dimension;
        centroids = new double[REGIONS.length * d];
        for (int k = 0; k < centroids.length; k++) {
            centroids[k] = rng.nextGaussian();
        }
        ageDirection = new double[d];
        for (int k = 0; k < d; k++) {
            ageDirection[k] = rng.nextGaussian();
        }
        regionCum = cumulative(REGION_SHARES);
        segmentCum = cumulative(SEGMENT_SHARES);
        resize(16);
    }

    /** Draws users until there are at least {@code n}. */
    void ensureSize(int n) {
        if (n > activity.length) {
            resize((int) Math.min(Integer.MAX_VALUE - 16, Math.max(n, 2L * activity.length)));
        }
        while (size < n) {
            draw(size++);
        }
    }

    private void draw(int u) {
        int d = dimension;
        double wr = Math.sqrt(REGION_SHARE_OF_TASTE);
        double wa = Math.sqrt(AGE_SHARE_OF_TASTE);
        double wn = Math.sqrt(1 - REGION_SHARE_OF_TASTE - AGE_SHARE_OF_TASTE);
        double sigma = options.activitySigma();
        long start = calendar.start();
        int r = Sampling.cumulative(regionCum, 0, regionCum.length, rng.nextDouble());
        region[u] = (byte) r;
        int a = (int) Math.round(MEAN_AGE + AGE_SD * rng.nextGaussian());
        a = Math.max(18, Math.min(80, a));
        age[u] = (byte) a;
        double ageZ = (a - MEAN_AGE) / AGE_SD;
        for (int k = 0; k < d; k++) {
            tastes[u * d + k] = wr * centroids[r * d + k] + wa * ageZ * ageDirection[k] + wn * rng.nextGaussian();
        }
        int s = Sampling.cumulative(segmentCum, 0, segmentCum.length, rng.nextDouble());
        segment[u] = (byte) s;
        priceSensitivity[u] = SEGMENT_PRICE_SENSITIVITY[s] * Math.exp(0.2 * rng.nextGaussian());
        propensity[u] = PROPENSITY_SD * rng.nextGaussian();
        activity[u] = Math.min(MAX_ACTIVITY, Math.exp(sigma * rng.nextGaussian() - sigma * sigma / 2));
        long signup = rng.nextDouble() < options.newUserFraction()
                ? start + (long) (rng.nextDouble() * calendar.span())
                : start - (long) ((1 + 364 * rng.nextDouble()) * ShopCalendar.DAY);
        signupMillis[u] = signup;
        activeFrom[u] = Math.max(start, signup);
        churnMillis[u] = rng.nextDouble() < options.churnFraction()
                ? activeFrom[u] + (long) (rng.nextDouble() * (calendar.end() - activeFrom[u]))
                : UserTruth.NO_CHURN;
    }

    private void resize(int capacity) {
        tastes = Arrays.copyOf(tastes == null ? new double[0] : tastes, Math.multiplyExact(capacity, dimension));
        activity = Arrays.copyOf(activity == null ? new double[0] : activity, capacity);
        propensity = Arrays.copyOf(propensity == null ? new double[0] : propensity, capacity);
        priceSensitivity = Arrays.copyOf(priceSensitivity == null ? new double[0] : priceSensitivity, capacity);
        activeFrom = Arrays.copyOf(activeFrom == null ? new long[0] : activeFrom, capacity);
        churnMillis = Arrays.copyOf(churnMillis == null ? new long[0] : churnMillis, capacity);
        signupMillis = Arrays.copyOf(signupMillis == null ? new long[0] : signupMillis, capacity);
        age = Arrays.copyOf(age == null ? new byte[0] : age, capacity);
        region = Arrays.copyOf(region == null ? new byte[0] : region, capacity);
        segment = Arrays.copyOf(segment == null ? new byte[0] : segment, capacity);
    }

    /** The planted state of the users drawn so far. */
    UserTruth truth() {
        int n = size;
        return new UserTruth(dimension, Arrays.copyOf(tastes, n * dimension), Arrays.copyOf(activity, n),
                Arrays.copyOf(propensity, n), Arrays.copyOf(priceSensitivity, n), Arrays.copyOf(activeFrom, n),
                Arrays.copyOf(churnMillis, n));
    }

    /** The users attribute table, one row per user drawn, in index order. */
    AttributeTable table() {
        AttributeTable.Builder b = AttributeTable.builder("user_id").numeric("age").categorical("age_band")
                .categorical("region").categorical("segment").categorical("activity_level").numeric("signup_day");
        long start = calendar.start();
        for (int u = 0; u < size; u++) {
            double act = activity[u];
            b.row("u" + u).set("age", age[u]).set("age_band", ageBand(age[u]))
                    .set("region", REGIONS[region[u]]).set("segment", SEGMENTS[segment[u]])
                    .set("activity_level", act < LIGHT_BELOW ? "light" : act > HEAVY_ABOVE ? "heavy" : "regular")
                    .set("signup_day", Math.floorDiv(signupMillis[u] - start, ShopCalendar.DAY));
        }
        return b.build();
    }

    private static String ageBand(int a) {
        return a < 25 ? "18-24" : a < 35 ? "25-34" : a < 45 ? "35-44" : a < 55 ? "45-54" : a < 65 ? "55-64" : "65+";
    }

    private static double[] cumulative(double[] shares) {
        double[] c = new double[shares.length];
        double s = 0;
        for (int k = 0; k < shares.length; k++) {
            s += shares[k];
            c[k] = s;
        }
        for (int k = 0; k < c.length; k++) {
            c[k] /= s;
        }
        return c;
    }
}
