package ai.behavior.cli;

import ai.behavior.cli.config.ConfigException;
import ai.behavior.io.MalformedRowException;
import ai.behavior.modelfile.ModelFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns every failure into one {@code error:} line on standard error and an {@link ExitCode}: picocli's
 * parameter errors (unknown flag, missing flag, a value not in the expected form; picocli names the flag) and
 * {@link UsageException} / {@link ConfigException} exit with {@link ExitCode#USAGE}; a missing input with
 * {@link ExitCode#DATA_NOT_FOUND}; a malformed row (file:line:column) or damaged model folder with
 * {@link ExitCode#BAD_DATA}; anything else with {@link ExitCode#FAILURE}.
 *
 * <pre>{@code
 * commandLine.setParameterExceptionHandler(new ErrorHandlers.Parameters());
 * commandLine.setExecutionExceptionHandler(new ErrorHandlers.Execution());
 * }</pre>
 */
public final class ErrorHandlers {
    private ErrorHandlers() {
    }

    /** Parse errors: the message, suggestions for a mistyped flag, and where to find the forms. */
    public static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, err);
            hint(cmd, err);
            return ExitCode.USAGE;
        }
    }

    /** Failures while a command runs. */
    public static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            int code = codeOf(ex);
            err.println("error: " + message(ex));
            if (code == ExitCode.USAGE) {
                hint(cmd, err);
            } else if (code == ExitCode.FAILURE && !(ex instanceof IllegalArgumentException
                    || ex instanceof IllegalStateException || ex instanceof IOException
                    || ex instanceof UncheckedIOException)) {
                ex.printStackTrace(err); // not an expected kind of failure: show where it came from
            }
            err.flush();
            return code;
        }
    }

    /** The exit code of a failure. */
    public static int codeOf(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof ConfigException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof NoSuchFileException || ex instanceof FileNotFoundException) {
            return ExitCode.DATA_NOT_FOUND;
        }
        if (ex instanceof MalformedRowException || ex instanceof ModelFileException) {
            return ExitCode.BAD_DATA;
        }
        if (ex instanceof UncheckedIOException u) {
            return codeOf(u.getCause());
        }
        return ExitCode.FAILURE;
    }

    /** The one-line message of a failure. */
    static String message(Throwable ex) {
        if (ex instanceof NoSuchFileException e) {
            return (e.getReason() != null ? e.getReason() + ": " : "no such file: ") + e.getFile();
        }
        if (ex instanceof MalformedRowException || ex instanceof ModelFileException) {
            return "bad input data: " + ex.getMessage();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }

    private static void hint(CommandLine cmd, PrintWriter err) {
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the flags and their forms.");
    }
}
