package ai.behavior.cli;

import ai.behavior.data.Interactions;
import ai.behavior.io.CsvInteractionReader;
import ai.behavior.io.InteractionsCsvWriter;
import ai.behavior.synth.ShopData;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code behavior generate} and {@code behavior split}: files, part sizes, and usage errors. */
class GenerateAndSplitTest {
    @TempDir
    static Path tmp;
    static Path shop;

    @BeforeAll
    static void generate() {
        shop = Shop.generate(tmp.resolve("shop"));
    }

    @Test
    void generateWritesTheShopTheLibraryGenerates() throws IOException {
        ShopData expected = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(300).withDays(30)
                .withSeed(7));
        Interactions written = CsvInteractionReader.read(shop.resolve("events.csv"), InteractionsCsvWriter.schema(true))
                .interactions();
        assertEquals(expected.interactions().size(), written.size());
        List<String> users = Files.readAllLines(shop.resolve("users.csv"));
        assertEquals("user_id,age:float,age_band,region,segment,activity_level,signup_day:float", users.get(0));
        assertEquals(301, users.size()); // header + one row per generated user, with or without events
        List<String> items = Files.readAllLines(shop.resolve("items.csv"));
        assertEquals("item_id,category,brand,price:float,popularity_tier,consumable", items.get(0));
        assertEquals(1001, items.size());
    }

    @Test
    void generateNamesTheFlagOfAnOutOfRangeValue() {
        Cli.Result r = Cli.run("generate", "--users", "0", "--out", tmp.resolve("x").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--users: users must be in [1, "), r.err());
    }

    @Test
    void temporalSplitWritesTrainAndTestThatAddUp() throws IOException {
        Path out = tmp.resolve("temporal");
        Cli.Result r = Cli.run("split", "--data", shop.resolve("events.csv").toString(), "--method", "temporal",
                "--ratios", "0.8,0.2", "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("split: temporal 80/20"), r.out());
        long total = Files.lines(shop.resolve("events.csv")).count() - 1;
        long train = Files.lines(out.resolve("train.csv")).count() - 1;
        long test = Files.lines(out.resolve("test.csv")).count() - 1;
        assertEquals(total, train + test);
        assertFalse(Files.exists(out.resolve("validation.csv")));
        assertTrue(Files.readString(out.resolve("split.json")).contains("\"ordering\": \"TEMPORAL\""));
    }

    @Test
    void leaveLastOutHoldsOutOneEventPerEligibleUser() throws IOException {
        Path out = tmp.resolve("loo");
        Cli.Result r = Cli.run("split", "--data", shop.resolve("events.csv").toString(), "--method", "leave-last-out",
                "--last", "1", "--validation-last", "1", "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        Interactions test = CsvInteractionReader.read(out.resolve("test.csv"), InteractionsCsvWriter.schema(true))
                .interactions();
        Interactions validation = CsvInteractionReader.read(out.resolve("validation.csv"),
                InteractionsCsvWriter.schema(true)).interactions();
        assertEquals(test.numUsers(), test.size(), "one test event per user");
        assertEquals(validation.numUsers(), validation.size(), "one validation event per user");
    }

    @Test
    void randomPerUserSplitWithValidation() {
        Path out = tmp.resolve("random");
        Cli.Result r = Cli.run("split", "--data", shop.resolve("events.csv").toString(), "--method", "random",
                "--ratios", "0.8,0.1,0.1", "--per-user", "--seed", "3", "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("stratified per user, seed 3"), r.out());
        assertTrue(Files.exists(out.resolve("validation.csv")));
    }

    @Test
    void splitUsageErrorsNameTheFlag() {
        String data = shop.resolve("events.csv").toString();
        String out = tmp.resolve("bad").toString();
        Cli.Result ratios = Cli.run("split", "--data", data, "--ratios", "0.8,x", "--out", out);
        assertEquals(ExitCode.USAGE, ratios.code(), ratios.toString());
        assertTrue(ratios.err().contains("Invalid value for option '--ratios'"), ratios.err());
        assertTrue(ratios.err().contains("expected fractions like 0.8,0.2"), ratios.err());
        Cli.Result sum = Cli.run("split", "--data", data, "--ratios", "0.8,0.3", "--out", out);
        assertEquals(ExitCode.USAGE, sum.code());
        assertTrue(sum.err().contains("'--ratios'") && sum.err().contains("must sum to 1"), sum.err());
        Cli.Result method = Cli.run("split", "--data", data, "--method", "shuffle", "--out", out);
        assertEquals(ExitCode.USAGE, method.code());
        assertTrue(method.err().contains("--method: expected random, temporal or leave-last-out, got 'shuffle'"),
                method.err());
        Cli.Result loo = Cli.run("split", "--data", data, "--method", "leave-last-out", "--ratios", "0.8,0.2",
                "--out", out);
        assertEquals(ExitCode.USAGE, loo.code());
        assertTrue(loo.err().contains("--ratios: does not apply to --method leave-last-out"), loo.err());
        Cli.Result perUser = Cli.run("split", "--data", data, "--method", "temporal", "--per-user", "--out", out);
        assertEquals(ExitCode.USAGE, perUser.code());
        assertTrue(perUser.err().contains("--per-user: does not apply to --method temporal"), perUser.err());
        Cli.Result missing = Cli.run("split", "--data", data);
        assertEquals(ExitCode.USAGE, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--out=DIR'"), missing.err());
        Cli.Result noData = Cli.run("split", "--data", tmp.resolve("none.csv").toString(), "--out", out);
        assertEquals(ExitCode.DATA_NOT_FOUND, noData.code());
    }
}
