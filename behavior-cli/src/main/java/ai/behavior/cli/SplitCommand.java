package ai.behavior.cli;

import ai.behavior.cli.config.SplitSpec;
import ai.behavior.cli.data.LoadedData;
import ai.behavior.cli.data.SplitRecord;
import ai.behavior.data.Interactions;
import ai.behavior.io.InteractionsCsvWriter;
import ai.behavior.split.Ratios;
import ai.behavior.split.SplitResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code behavior split}: divides a log into train / validation / test CSV files (the SDK layout) and records
 * how in {@code split.json}, which {@code train} and {@code evaluate} print in their protocol.
 *
 * <pre>
 * behavior split --data shop/events.csv --method temporal --ratios 0.8,0.2 --out shop/split
 * behavior split --data shop/events.csv --method leave-last-out --last 1 --validation-last 1 --out shop/loo
 * </pre>
 */
@Command(name = "split", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = {"Split a behaviour log into train.csv, validation.csv (when there is a validation part) and "
                + "test.csv, and write split.json saying how.",
                "random: a seeded shuffle of all events (or of each user's with --per-user); temporal: the newest "
                        + "events test (events at a cut all go to the later part); leave-last-out: each user's last "
                        + "--last events test."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2, Behavior.EXIT_3, Behavior.EXIT_4})
public final class SplitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH", required = true, description = "the events to split")
    Path data;

    @ArgGroup(validate = false, heading = SchemaOptions.HEADING)
    SchemaOptions schema = new SchemaOptions();

    @Option(names = "--method", paramLabel = "METHOD", description = "random (default), temporal or leave-last-out")
    String method = "random";

    @Option(names = "--ratios", paramLabel = "TRAIN,[VALIDATION,]TEST",
            converter = ValueConverters.RatiosConverter.class,
            description = "fractions summing to 1, e.g. 0.8,0.2 or 0.8,0.1,0.1 (random and temporal; default 0.8,0.2)")
    Ratios ratios;

    @Option(names = "--per-user", description = "random: split each user's events by the ratios (every user keeps a "
            + "training event)")
    boolean perUser;

    @Option(names = "--seed", paramLabel = "S", description = "random: seed of the shuffle (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--last", paramLabel = "K", description = "leave-last-out: each user's last K events test "
            + "(default: ${DEFAULT-VALUE})")
    int last = 1;

    @Option(names = "--validation-last", paramLabel = "K", description = "leave-last-out: the K events before those "
            + "validate (default: ${DEFAULT-VALUE})")
    int validationLast = 0;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the part files")
    Path out;

    @Override
    public Integer call() throws IOException {
        SplitSpec s = splitSpec();
        PrintWriter w = spec.commandLine().getOut();
        LoadedData d = schema.read(data, "--data");
        SplitResult parts = s.toSplit().apply(d.log());
        Files.createDirectories(out);
        w.println("split: " + parts.describe());
        write(w, parts.train(), out.resolve("train.csv"));
        boolean validation = !parts.validation().isEmpty()
                || (s.ratios() != null && s.ratios().hasValidation()) || s.validationLast() > 0;
        if (validation) {
            write(w, parts.validation(), out.resolve("validation.csv"));
        } else {
            Files.deleteIfExists(out.resolve("validation.csv")); // never leave a stale part of an older split
        }
        write(w, parts.test(), out.resolve("test.csv"));
        new SplitRecord(parts.describe(), s.ordering(), s.method().label(), data.toString()).write(out);
        w.println("  " + out.resolve(SplitRecord.FILE) + " (how the parts were made)");
        return ExitCode.OK;
    }

    /** The split the flags describe; flags that do not apply to the method are usage errors. */
    SplitSpec splitSpec() {
        SplitSpec.Method m;
        try {
            m = SplitSpec.Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--method: " + e.getMessage());
        }
        ParseResult pr = spec.commandLine().getParseResult();
        if (m == SplitSpec.Method.LEAVE_LAST_OUT) {
            notWith(pr, "--ratios", m, "use --last K and --validation-last K");
            notWith(pr, "--per-user", m, "it is per user already");
            notWith(pr, "--seed", m, "it is not random");
        } else {
            notWith(pr, "--last", m, "use --ratios");
            notWith(pr, "--validation-last", m, "use three --ratios, e.g. 0.8,0.1,0.1");
            if (m == SplitSpec.Method.TEMPORAL) {
                notWith(pr, "--per-user", m, "a temporal split cuts all users at the same time");
                notWith(pr, "--seed", m, "it is not random");
            }
        }
        Ratios r = m == SplitSpec.Method.LEAVE_LAST_OUT ? null : ratios != null ? ratios : Ratios.trainTest(0.8, 0.2);
        try {
            return SplitSpec.of(m, r, perUser, seed, last, validationLast);
        } catch (IllegalArgumentException e) {
            String flag = e.getMessage().startsWith("validationLast") ? "--validation-last"
                    : e.getMessage().startsWith("last") ? "--last" : "--method";
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }

    private static void notWith(ParseResult pr, String flag, SplitSpec.Method m, String instead) {
        if (pr.hasMatchedOption(flag)) {
            throw new UsageException(flag + ": does not apply to --method " + m + "; " + instead);
        }
    }

    private static void write(PrintWriter w, Interactions part, Path file) throws IOException {
        InteractionsCsvWriter.write(part, file);
        w.printf(Locale.ROOT, "  %-40s %,d events, %,d users, %,d items%n", file, part.size(), part.activeUsers(),
                part.activeItems());
    }
}
