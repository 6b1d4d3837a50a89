package ai.behavior.io;

/**
 * How a timestamp column is written. Every format becomes epoch milliseconds in {@code Interactions}.
 *
 * <pre>{@code
 * InteractionSchema.builder().timestamp("ts", TimestampFormat.EPOCH_SECONDS)
 * }</pre>
 */
public enum TimestampFormat {
    /** Unix seconds, integral or decimal ({@code 881250949}, {@code 881250949.25}); rounded to the nearest ms. */
    EPOCH_SECONDS,
    /** Unix milliseconds, integral or decimal; rounded to the nearest ms. */
    EPOCH_MILLIS,
    /**
     * ISO-8601: an instant ({@code 2017-11-25T08:00:00Z}), a date-time with offset
     * ({@code 2017-11-25T08:00:00+08:00}), or a local date-time or date read in UTC
     * ({@code 2017-11-25 08:00:00}, {@code 2017-11-25}).
     */
    ISO_8601
}
