package ai.behavior.split;

import ai.behavior.data.Interactions;

/**
 * A deterministic strategy that divides a log into train, validation and test parts.
 *
 * <pre>{@code
 * Split split = Split.randomPerUser(0.8, 0.1, 0.1, 42);
 * SplitResult parts = split.apply(log);   // same log + same seed -> the same rows, every run
 * }</pre>
 *
 * <p>The strategies are a closed set of records (values that can be printed, compared and stored in an
 * evaluation protocol): {@link RandomSplit}, {@link TemporalCutSplit}, {@link TemporalQuantileSplit} and
 * {@link LeaveLastOut}. Cross-validation folds are made by {@link KFold}. Applying any split to an empty log
 * returns three empty parts.
 */
public sealed interface Split permits RandomSplit, TemporalCutSplit, TemporalQuantileSplit, LeaveLastOut {

    /**
     * Divides {@code log}; the parts share its user and item index spaces and keep its row order.
     *
     * @return the parts, with a {@link SplitResult#describe()} naming this split and the part sizes
     */
    SplitResult apply(Interactions log);

    /** How this split works, in one line, e.g. {@code "random 80/10/10 train/validation/test, seed 42"}. */
    String describe();

    /** Random split of all rows (one global shuffle) by the given fractions. */
    static RandomSplit random(double train, double validation, double test, long seed) {
        return new RandomSplit(Ratios.of(train, validation, test), RandomSplit.Scope.GLOBAL, seed);
    }

    /** Random split stratified per user: each user's events are divided by the given fractions. */
    static RandomSplit randomPerUser(double train, double validation, double test, long seed) {
        return new RandomSplit(Ratios.of(train, validation, test), RandomSplit.Scope.PER_USER, seed);
    }

    /** Temporal cut: events before {@code testCutMillis} train, events at or after it test. */
    static TemporalCutSplit temporalCut(long testCutMillis) {
        return TemporalCutSplit.at(testCutMillis);
    }

    /** Temporal quantile: the newest {@code testFraction} of events (by time) test, the rest train. */
    static TemporalQuantileSplit lastFraction(double testFraction) {
        return new TemporalQuantileSplit(Ratios.trainTest(1 - testFraction, testFraction),
                TemporalQuantileSplit.Basis.EVENTS);
    }

    /** Leave-last-k-out: each user's last {@code k} events test; users with {@code <= k} events stay in train. */
    static LeaveLastOut leaveLastOut(int k) {
        return LeaveLastOut.of(k);
    }
}
