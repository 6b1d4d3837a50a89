package ai.behavior.cli;

/**
 * The exit codes of the {@code behavior} command, documented in {@code docs/cli.md}.
 *
 * <pre>{@code
 * int code = Behavior.commandLine(out, err).execute("describe", "--data", "events.csv");
 * if (code == ExitCode.DATA_NOT_FOUND) { ... }
 * }</pre>
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A runtime failure: the inputs were readable but the work failed (the message says why). */
    public static final int FAILURE = 1;
    /** A usage error: an unknown or malformed flag or flag value, or a wrong training configuration. */
    public static final int USAGE = 2;
    /** An input file or folder (data, configuration, model) does not exist. */
    public static final int DATA_NOT_FOUND = 3;
    /** Bad input data: a malformed row (file:line:column in the message) or a corrupted model folder. */
    public static final int BAD_DATA = 4;

    private ExitCode() {
    }
}
