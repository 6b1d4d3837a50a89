package ai.behavior.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code behavior} command: generate a synthetic shop, describe and split behaviour logs, train a model from a
 * declared configuration, evaluate it under a named protocol and recommend for users.
 *
 * <pre>
 * java -jar behavior-cli/target/behavior.jar generate --users 500 --days 30 --seed 7 --out /tmp/behavior-demo/shop
 * java -jar behavior-cli/target/behavior.jar describe --data /tmp/behavior-demo/shop/events.csv
 * </pre>
 *
 * <p>Exit codes: {@value ExitCode#OK} ok, {@value ExitCode#FAILURE} runtime failure, {@value ExitCode#USAGE}
 * usage error, {@value ExitCode#DATA_NOT_FOUND} input not found, {@value ExitCode#BAD_DATA} bad input data.
 */
@Command(name = "behavior", mixinStandardHelpOptions = true, version = Behavior.VERSION,
        description = "Shopper-behaviour modelling from the shell: generate, describe, split, train, evaluate, "
                + "recommend.",
        subcommands = {GenerateCommand.class, DescribeCommand.class, SplitCommand.class, TrainCommand.class,
                EvaluateCommand.class, RecommendCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class Behavior implements Runnable {
    /** What {@code --version} prints. */
    static final String VERSION = "behavior 0.1.0-SNAPSHOT";
    static final String EXIT_0 = "0:ok";
    static final String EXIT_1 = "1:runtime failure (the message says why)";
    static final String EXIT_2 = "2:usage error: bad flag or flag value, or a wrong training configuration";
    static final String EXIT_3 = "3:an input (data, configuration, model folder) does not exist";
    static final String EXIT_4 = "4:bad input data: a malformed row (file:line:column) or a damaged model folder";

    @Spec
    CommandSpec spec;

    /** The command line with its error handlers, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Behavior());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new ErrorHandlers.Parameters());
        cl.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        return cl;
    }

    /** Runs the command with {@code args} and exits with its code. */
    public static void main(String[] args) {
        // Fully offline DJL (the CPU libtorch ships in the jar) and quiet libraries, unless the user says otherwise.
        setIfAbsent("ai.djl.offline", "true");
        if (System.getenv("DJL_CACHE_DIR") == null) {
            // libtorch is unpacked here on first use: inside the working folder, not the user's home
            setIfAbsent("DJL_CACHE_DIR", java.nio.file.Path.of(".djl-cache").toAbsolutePath().toString());
        }
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Without a subcommand: a usage error that lists them. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: generate, describe, split, train, "
                + "evaluate or recommend");
    }
}
