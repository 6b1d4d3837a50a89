package ai.behavior.split;

import ai.behavior.data.Interactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * Global temporal split by quantile: the oldest events train, the newest test, with the cut timestamps chosen
 * from the log either by event count or by the time range.
 *
 * <pre>{@code
 * Split split = new TemporalQuantileSplit(Ratios.of(0.8, 0.1, 0.1), TemporalQuantileSplit.Basis.EVENTS);
 * SplitResult parts = split.apply(log);   // newest ~10 % of events test, the ~10 % before them validate
 * }</pre>
 *
 * <p>The split is resolved on each log into a {@link TemporalCutSplit} ({@link #resolve(Interactions)}) and
 * then applied with its boundary: train strictly before the validation cut, test at or after the test cut, so
 * no train event is as late as any test event. The cuts are:
 * <ul>
 *   <li>{@link Basis#EVENTS}: with the timestamps sorted ascending as {@code t[0..n-1]} and
 *       {@code c = ratios.counts(n)} ({@link Ratios#counts(int)}), the test cut is {@code t[n - c[2]]} (or
 *       {@code t[n-1] + 1}, an empty test part, when a tiny log gives {@code c[2] == 0}) and the validation
 *       cut is {@code t[c[0]]} (or the test cut when {@code c[1] == 0}). Events sharing a cut's timestamp all
 *       go to the later part, so test and validation can be larger than their counts.</li>
 *   <li>{@link Basis#TIME_RANGE}: with {@code min}/{@code max} the earliest/latest timestamps, the test cut is
 *       {@code min + ceil((1 - test) * (max - min))} and the validation cut {@code min + ceil(train * (max -
 *       min))} (or the test cut when the validation fraction is 0), computed exactly in decimal from the
 *       fractions' shortest decimal forms ({@code 0.2} is exactly one fifth), so an event exactly at 80 % of
 *       the range is test for a test fraction of 0.2.</li>
 * </ul>
 * When every event has the same timestamp, everything is test. An empty log gives three empty parts.
 *
 * @param ratios the train / validation / test fractions, in time order; test must be {@code > 0}
 * @param basis  whether the fractions count events or measure the time range
 */
public record TemporalQuantileSplit(Ratios ratios, Basis basis) implements Split {

    /** What the fractions of a temporal quantile split measure. */
    public enum Basis {
        /** Fractions of the events, ordered by time (e.g. the newest 20 % of events test). */
        EVENTS,
        /** Fractions of the span from the earliest to the latest timestamp (e.g. the last 20 % of the time). */
        TIME_RANGE
    }

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException if the test fraction is 0
     */
    public TemporalQuantileSplit {
        Objects.requireNonNull(ratios, "ratios");
        Objects.requireNonNull(basis, "basis");
        if (ratios.test() == 0) {
            throw new IllegalArgumentException("a temporal quantile split needs a test fraction > 0, got "
                    + ratios.label());
        }
    }

    /**
     * The explicit cuts this split uses on {@code log}.
     *
     * <pre>{@code
     * TemporalCutSplit cuts = Split.lastFraction(0.2).resolve(log);
     * long firstTestMillis = cuts.testCut();
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code log} is empty
     */
    public TemporalCutSplit resolve(Interactions log) {
        int n = log.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot resolve temporal quantile cuts on an empty log");
        }
        long testCut;
        long validationCut;
        if (basis == Basis.EVENTS) {
            long[] t = log.timestampColumn();
            Arrays.sort(t);
            int[] c = ratios.counts(n);
            if (c[2] > 0) {
                testCut = t[n - c[2]];
            } else { // a tiny log where the test count rounds to 0: cut after the latest event
                testCut = t[n - 1] == Long.MAX_VALUE ? Long.MAX_VALUE : t[n - 1] + 1;
            }
            validationCut = c[1] > 0 ? t[c[0]] : testCut;
        } else {
            long min = log.minTimestamp();
            BigDecimal span = BigDecimal.valueOf(log.maxTimestamp()).subtract(BigDecimal.valueOf(min));
            BigDecimal testStart = BigDecimal.ONE.subtract(BigDecimal.valueOf(ratios.test()));
            testCut = min + offset(testStart, span);
            validationCut = ratios.hasValidation()
                    ? Math.min(testCut, min + offset(BigDecimal.valueOf(ratios.train()), span))
                    : testCut;
        }
        return new TemporalCutSplit(validationCut, testCut);
    }

    /** {@code ceil(fraction * span)} computed exactly in decimal. */
    private static long offset(BigDecimal fraction, BigDecimal span) {
        return fraction.multiply(span).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    @Override
    public SplitResult apply(Interactions log) {
        if (log.isEmpty()) {
            return new RowParts(0).toResult(log, describe());
        }
        SplitResult cut = resolve(log).apply(log);
        return new SplitResult(cut.train(), cut.validation(), cut.test(), describe() + ", resolved to "
                + cut.describe());
    }

    /** E.g. {@code "temporal 80/20 train/test by event count, oldest to newest"}. */
    @Override
    public String describe() {
        return "temporal " + ratios.label() + (basis == Basis.EVENTS ? " by event count" : " by time range")
                + ", oldest to newest";
    }
}
