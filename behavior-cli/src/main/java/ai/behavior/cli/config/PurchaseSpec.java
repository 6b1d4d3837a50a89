package ai.behavior.cli.config;

import java.time.Duration;
import java.time.Instant;

/**
 * The purchase-prediction task of {@code purchase-logistic} and {@code purchase-mlp}: features from events
 * before the cut-off, label "bought within the horizon after it", and a stratified split of the users.
 *
 * <pre>{@code
 * PurchaseSpec p = PurchaseSpec.defaults();            // 7-day horizon ending at the last event; 30 % test users
 * long cutoff = p.cutoffFor(log.maxTimestamp());
 * }</pre>
 *
 * @param horizonDays     the label window after the cut-off, in days ({@code > 0})
 * @param cutoff          the cut-off, or {@code null} for "the last event minus the horizon"
 * @param testShare       share of users held out for testing, in (0, 1)
 * @param validationShare share of the remaining users used to validate the MLP (0 = none), in [0, 1)
 * @param seed            seed of the user split
 */
public record PurchaseSpec(double horizonDays, Instant cutoff, double testShare, double validationShare, long seed) {
    /** Checks the values. */
    public PurchaseSpec {
        if (!(horizonDays > 0) || !Double.isFinite(horizonDays)) {
            throw new IllegalArgumentException("horizonDays must be finite and > 0, got " + horizonDays);
        }
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("test must be in (0, 1), got " + testShare);
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation must be in [0, 1), got " + validationShare);
        }
    }

    /** A 7-day horizon ending at the last event, 30 % test users, no validation users, seed 42. */
    public static PurchaseSpec defaults() {
        return new PurchaseSpec(7, null, 0.3, 0, 42);
    }

    /** The horizon as a duration (rounded to the millisecond). */
    public Duration horizon() {
        return Duration.ofMillis(Math.round(horizonDays * 86_400_000.0));
    }

    /** The cut-off in epoch milliseconds for a log whose last event is at {@code maxTimestamp}. */
    public long cutoffFor(long maxTimestamp) {
        return cutoff != null ? cutoff.toEpochMilli() : maxTimestamp - horizon().toMillis();
    }

    /** A copy with the cut-off fixed (as recorded after training). */
    public PurchaseSpec withCutoff(Instant value) {
        return new PurchaseSpec(horizonDays, value, testShare, validationShare, seed);
    }

    /** E.g. {@code "users stratified by label, 30 % test, seed 42"}. */
    public String describeSplit() {
        return "users stratified by label, " + percent(testShare) + " test"
                + (validationShare > 0 ? ", " + percent(validationShare) + " of the rest validate" : "")
                + ", seed " + seed;
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + " %";
    }
}
