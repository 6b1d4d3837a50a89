package ai.behavior.cli;

import ai.behavior.cli.data.AttributeCsvWriter;
import ai.behavior.data.Interactions;
import ai.behavior.io.InteractionsCsvWriter;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * {@code behavior generate}: writes a synthetic shop (events, user and item attributes) so that every other
 * command can be tried without real data.
 *
 * <pre>
 * behavior generate --users 500 --days 30 --seed 7 --out shop
 * behavior describe --data shop/events.csv
 * </pre>
 */
@Command(name = "generate", mixinStandardHelpOptions = true, version = Behavior.VERSION, sortOptions = false,
        description = {"Write a synthetic shop: events.csv (the SDK layout, with sessions), users.csv and items.csv "
                + "(attributes; numeric columns typed name:float).",
                "The same options always give the same files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Behavior.EXIT_0, Behavior.EXIT_1, Behavior.EXIT_2})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", description = "number of shoppers (default: ${DEFAULT-VALUE})")
    int users = 1_000;

    @Option(names = "--items", paramLabel = "N", description = "catalogue size (default: ${DEFAULT-VALUE})")
    int items = 1_000;

    @Option(names = "--days", paramLabel = "D", description = "length of the span in days (default: ${DEFAULT-VALUE})")
    int days = 30;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "first day (default: ${DEFAULT-VALUE})")
    LocalDate start = LocalDate.of(2024, 1, 1);

    @Option(names = "--seed", paramLabel = "S", description = "seed of every random draw (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write the three files into")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        SyntheticShop.Options o = SyntheticShop.Options.defaults().withSeed(seed);
        o = apply(o, "--users", x -> x.withUsers(users));
        o = apply(o, "--items", x -> x.withItems(items));
        o = apply(o, "--days", x -> x.withDays(days));
        o = apply(o, "--start", x -> x.withStartDate(start));
        long t0 = System.nanoTime();
        ShopData shop = SyntheticShop.generate(o);
        Files.createDirectories(out);
        Path events = out.resolve("events.csv");
        Path userFile = out.resolve("users.csv");
        Path itemFile = out.resolve("items.csv");
        InteractionsCsvWriter.write(shop.interactions(), events);
        AttributeCsvWriter.write(shop.users(), userFile);
        AttributeCsvWriter.write(shop.items(), itemFile);
        Interactions log = shop.interactions();
        w.printf(Locale.ROOT, "synthetic shop (seed %d): %,d events of %,d users on %,d items, %d days from %s, "
                        + "generated in %.1f s%n", seed, log.size(), log.activeUsers(), log.activeItems(), days, start,
                (System.nanoTime() - t0) / 1e9);
        w.printf(Locale.ROOT, "  %-40s %,d events (user_id,item_id,event_type,timestamp,value,session_id)%n", events,
                log.size());
        w.printf(Locale.ROOT, "  %-40s %,d users %s%n", userFile, shop.users().size(), shop.users().columnNames());
        w.printf(Locale.ROOT, "  %-40s %,d items %s%n", itemFile, shop.items().size(), shop.items().columnNames());
        return ExitCode.OK;
    }

    /** Applies a with-er; the generator's range error becomes a usage error naming the flag. */
    private static SyntheticShop.Options apply(SyntheticShop.Options o, String flag,
                                               UnaryOperator<SyntheticShop.Options> with) {
        try {
            return with.apply(o);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }
}
