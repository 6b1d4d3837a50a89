package ai.behavior.split;

import ai.behavior.data.Interactions;
import java.time.Instant;

/**
 * Global temporal split at explicit timestamps: train strictly before {@code validationCut}, validation in
 * {@code [validationCut, testCut)}, test at or after {@code testCut}.
 *
 * <pre>{@code
 * Split split = TemporalCutSplit.at(Instant.parse("2024-03-01T00:00:00Z"));
 * SplitResult parts = split.apply(log);   // train t < cut, test t >= cut
 * }</pre>
 *
 * <p>Boundary: an event exactly at a cut belongs to the later part, so the latest train timestamp is strictly
 * smaller than the earliest validation or test timestamp (no leakage from the future). When
 * {@code validationCut == testCut} the validation part is empty. Any part may be empty when no event falls in
 * its interval; users are not considered, so a user may appear only in test.
 *
 * @param validationCut first timestamp (epoch ms) of the validation part; equal to {@code testCut} for none
 * @param testCut       first timestamp (epoch ms) of the test part
 */
public record TemporalCutSplit(long validationCut, long testCut) implements Split {

    /**
     * Checks the cuts' order.
     *
     * @throws IllegalArgumentException if {@code validationCut > testCut}
     */
    public TemporalCutSplit {
        if (validationCut > testCut) {
            throw new IllegalArgumentException("validation cut " + instant(validationCut)
                    + " must not be after the test cut " + instant(testCut));
        }
    }

    /** Train before {@code testCutMillis} (epoch ms), test at or after it, no validation. */
    public static TemporalCutSplit at(long testCutMillis) {
        return new TemporalCutSplit(testCutMillis, testCutMillis);
    }

    /** Train before {@code testCut}, test at or after it, no validation. */
    public static TemporalCutSplit at(Instant testCut) {
        return at(testCut.toEpochMilli());
    }

    /** Train before {@code validationCut}, validation up to {@code testCut}, test from {@code testCut}. */
    public static TemporalCutSplit at(Instant validationCut, Instant testCut) {
        return new TemporalCutSplit(validationCut.toEpochMilli(), testCut.toEpochMilli());
    }

    /** Whether this split has a (possibly empty) validation interval. */
    public boolean hasValidation() {
        return validationCut < testCut;
    }

    @Override
    public SplitResult apply(Interactions log) {
        RowParts parts = new RowParts(log.size());
        for (int r = 0; r < log.size(); r++) {
            long t = log.timestamp(r);
            if (t >= testCut) {
                parts.set(r, RowParts.TEST);
            } else if (t >= validationCut) {
                parts.set(r, RowParts.VALIDATION);
            }
        }
        return parts.toResult(log, describe());
    }

    /** E.g. {@code "temporal cut at 2024-03-01T00:00:00Z (train t < cut, test t >= cut)"}. */
    @Override
    public String describe() {
        return hasValidation()
                ? "temporal cuts at " + instant(validationCut) + " and " + instant(testCut)
                        + " (train t < first cut, validation in between, test t >= second cut)"
                : "temporal cut at " + instant(testCut) + " (train t < cut, test t >= cut)";
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
