package ai.behavior.spark;

/**
 * A DataFrame row that cannot become an event under {@link ai.behavior.io.ReadPolicy#FAIL}: the message names
 * the partition, the row within it, the column and the value.
 *
 * <pre>{@code
 * try { SparkEvents.toInteractions(frame, cols, ReadPolicy.FAIL); }
 * catch (BadRowException e) { System.err.println(e.getMessage()); } // partition 1, row 7: column 'value' ... NaN
 * }</pre>
 *
 * <p>Thrown on an executor, it reaches the driver wrapped in Spark's {@code SparkException}, whose message
 * carries this one; {@link SparkEvents} unwraps it on the driver path.
 */
public final class BadRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A bad row with a message naming where and why. */
    public BadRowException(String message) {
        super(message);
    }
}
