package ai.behavior.cli;

/**
 * A command line that parsed but does not make sense (flags that do not go together, a flag that does not
 * apply to the data or the model). The message names the flag and the expected form; the command exits with
 * {@link ExitCode#USAGE}.
 *
 * <pre>{@code
 * throw new UsageException("--ratios: leave-last-out takes no ratios; use --last K");
 * }</pre>
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message starts with the flag it is about. */
    public UsageException(String message) {
        super(message);
    }
}
