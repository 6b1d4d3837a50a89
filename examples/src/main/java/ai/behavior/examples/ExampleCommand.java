package ai.behavior.examples;

import picocli.CommandLine;

/**
 * Runs an example's command line: picocli parses the options, and an {@link IllegalArgumentException} from the
 * run (the SDK's way of rejecting a bad value, with a message naming it) becomes a one-line error and exit code
 * 2, like a bad option, instead of a stack trace. Other failures keep their stack trace and exit code 1.
 *
 * <pre>{@code
 * System.exit(ExampleCommand.execute(new ChurnPrediction(System.out), args));
 * }</pre>
 */
final class ExampleCommand {
    private ExampleCommand() {
    }

    /** Parses {@code args} into {@code command}, runs it and returns the exit code. */
    static int execute(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("error: " + e.getMessage());
                line.getErr().println("(" + line.getCommandName() + " --help lists the options)");
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }
}
