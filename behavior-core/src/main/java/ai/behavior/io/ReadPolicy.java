package ai.behavior.io;

/**
 * What a reader does with a malformed row.
 *
 * <pre>{@code
 * ReadOptions opts = ReadOptions.defaults().withPolicy(ReadPolicy.SKIP);
 * ReadResult r = CsvInteractionReader.read(path, schema, opts);   // r.report() counts every skip
 * }</pre>
 */
public enum ReadPolicy {
    /** Stop at the first malformed row with a {@link MalformedRowException} (the default). */
    FAIL,
    /** Skip malformed rows, count each by reason in the {@link ReadReport}, and go on. */
    SKIP
}
