package ai.behavior.models.sequence;

/**
 * Fixed buckets of the time between consecutive events of a sequence, embedded when a model uses
 * {@link EventFeature#GAP}. The edges are fixed (not fitted) so that a model means the same thing on any data:
 *
 * <table>
 *   <caption>bucket of a gap of {@code g} seconds</caption>
 *   <tr><th>bucket</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>padding</td></tr>
 *   <tr><td>1</td><td>first event of the sequence (no previous event)</td></tr>
 *   <tr><td>2</td><td>{@code g < 1} (same second)</td></tr>
 *   <tr><td>3</td><td>{@code 1 <= g < 60}</td></tr>
 *   <tr><td>4</td><td>{@code 60 <= g < 600}</td></tr>
 *   <tr><td>5</td><td>{@code 600 <= g < 3,600}</td></tr>
 *   <tr><td>6</td><td>{@code 3,600 <= g < 86,400} (within a day)</td></tr>
 *   <tr><td>7</td><td>{@code 86,400 <= g < 604,800} (within a week)</td></tr>
 *   <tr><td>8</td><td>{@code 604,800 <= g < 2,592,000} (within 30 days)</td></tr>
 *   <tr><td>9</td><td>{@code g >= 2,592,000}</td></tr>
 * </table>
 *
 * <pre>{@code
 * int b = GapBuckets.bucket(90.0, false);   // 4: between one and ten minutes
 * int rows = GapBuckets.ROWS;               // 10 embedding rows
 * }</pre>
 */
public final class GapBuckets {
    /** Embedding rows: padding, first event and eight gap ranges. */
    public static final int ROWS = 10;
    /** Bucket of the first event of a sequence. */
    public static final int FIRST = 1;
    private static final double[] EDGES = {1, 60, 600, 3_600, 86_400, 604_800, 2_592_000};

    private GapBuckets() {
    }

    /**
     * The bucket of a gap of {@code seconds} ({@code first}: the event has no previous one, the gap is ignored).
     *
     * @throws IllegalArgumentException if the gap is negative or not finite
     */
    public static int bucket(double seconds, boolean first) {
        if (first) {
            return FIRST;
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a gap between events must be finite and >= 0 seconds, got " + seconds);
        }
        int b = 0;
        while (b < EDGES.length && seconds >= EDGES[b]) {
            b++;
        }
        return 2 + b;
    }
}
