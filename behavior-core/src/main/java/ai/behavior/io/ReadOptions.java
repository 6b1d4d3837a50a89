package ai.behavior.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a reader treats bad rows and what it keeps of them.
 *
 * <pre>{@code
 * ReadOptions opts = ReadOptions.defaults().withPolicy(ReadPolicy.SKIP).withMaxRecordedProblems(1000);
 * }</pre>
 *
 * @param policy               fail at the first bad row (default) or skip and count
 * @param maxRecordedProblems  how many skipped rows the report keeps in full (all are counted by reason)
 * @param skipListener         called with every skipped row, e.g. to log it (default: nothing)
 * @param charset              file encoding when no byte-order mark says otherwise (default UTF-8)
 */
public record ReadOptions(ReadPolicy policy, int maxRecordedProblems, Consumer<RowProblem> skipListener,
                          Charset charset) {
    /** Validates the options. */
    public ReadOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(skipListener, "skipListener");
        Objects.requireNonNull(charset, "charset");
        if (maxRecordedProblems < 0) {
            throw new IllegalArgumentException("maxRecordedProblems must be >= 0, got " + maxRecordedProblems);
        }
    }

    /** FAIL policy, 100 recorded problems, no listener, UTF-8. */
    public static ReadOptions defaults() {
        return new ReadOptions(ReadPolicy.FAIL, 100, p -> { }, StandardCharsets.UTF_8);
    }

    /** A copy with another policy. */
    public ReadOptions withPolicy(ReadPolicy p) {
        return new ReadOptions(p, maxRecordedProblems, skipListener, charset);
    }

    /** A copy that keeps up to {@code n} skipped rows in full. */
    public ReadOptions withMaxRecordedProblems(int n) {
        return new ReadOptions(policy, n, skipListener, charset);
    }

    /** A copy that calls {@code listener} for every skipped row. */
    public ReadOptions withSkipListener(Consumer<RowProblem> listener) {
        return new ReadOptions(policy, maxRecordedProblems, listener, charset);
    }

    /** A copy with another default charset. */
    public ReadOptions withCharset(Charset c) {
        return new ReadOptions(policy, maxRecordedProblems, skipListener, c);
    }
}
