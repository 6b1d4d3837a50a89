package ai.behavior.feature.time;

import ai.behavior.feature.FeatureFrame;
import ai.behavior.feature.StepReader;
import ai.behavior.feature.StepWriter;
import ai.behavior.modelfile.ModelFileException;

import java.util.Locale;

/**
 * What a time transform does with a missing timestamp ({@link FeatureFrame#MISSING_TIME}). REJECT (the
 * default) throws naming the column and row; ZERO writes every output of the row as zero (categorical outputs
 * get index 0, unknown, and are counted as such) and can add a 0/1 "was missing" indicator output, so a model
 * can tell an imputed zero from a real one.
 *
 * <pre>{@code
 * CalendarFeatures.of("ts").missing(MissingTimes.zero().withIndicator());
 * }</pre>
 */
public record MissingTimes(Strategy strategy, boolean indicator) {
    /** How a missing timestamp is handled. */
    public enum Strategy {
        /** Throw an error naming the column and row. */
        REJECT,
        /** Write zeros (index 0 for categorical outputs). */
        ZERO
    }

    /** Checks the combination. */
    public MissingTimes {
        if (strategy == null) {
            throw new IllegalArgumentException("a missing-time strategy is required");
        }
        if (strategy == Strategy.REJECT && indicator) {
            throw new IllegalArgumentException("a missing indicator needs the ZERO strategy, not REJECT");
        }
    }

    /** Missing timestamps are an error (the default). */
    public static MissingTimes reject() {
        return new MissingTimes(Strategy.REJECT, false);
    }

    /** Missing timestamps give all-zero outputs. */
    public static MissingTimes zero() {
        return new MissingTimes(Strategy.ZERO, false);
    }

    /** The same strategy plus a 0/1 "was missing" output. */
    public MissingTimes withIndicator() {
        return new MissingTimes(strategy, true);
    }

    /** Whether the policy throws on a missing timestamp. */
    public boolean rejects() {
        return strategy == Strategy.REJECT;
    }

    /** Whether {@code epochMillis} is the missing marker. */
    public static boolean isMissing(long epochMillis) {
        return epochMillis == FeatureFrame.MISSING_TIME;
    }

    /** The error for a missing timestamp under REJECT. */
    public static IllegalArgumentException rejected(String column, int row) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "column '%s' row %d: the timestamp is "
                + "missing; declare MissingTimes.zero() (optionally withIndicator()) or clean the input", column, row));
    }

    /** Throws {@link #rejected} for the first missing timestamp of {@code times} when the policy rejects. */
    void checkTraining(String column, long[] times) {
        if (rejects()) {
            for (int r = 0; r < times.length; r++) {
                if (isMissing(times[r])) {
                    throw rejected(column, r);
                }
            }
        }
    }

    void save(StepWriter out) {
        out.param("missing", strategy.name()).param("missingIndicator", indicator);
    }

    static MissingTimes load(StepReader in) throws ModelFileException {
        String s = in.stringParam("missing");
        try {
            return new MissingTimes(Strategy.valueOf(s), in.booleanParam("missingIndicator"));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("pipeline step '" + in.step() + "': unknown missing-time strategy '" + s
                    + "'");
        }
    }

    @Override
    public String toString() {
        return rejects() ? "error" : indicator ? "zeros + indicator" : "zeros";
    }
}
