package ai.behavior.bench.runner;

import ai.behavior.bench.runner.FakeScenario.Kind;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: parsing, exit codes, skipping with reasons, and the {@code list} output. */
class BenchCliTest {
    @TempDir
    Path tmp;

    private final List<Scenario> fakes = List.of(new FakeScenario("ok", Kind.OK),
            new FakeScenario("missing", Kind.MISSING));

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.of(Scenarios.all());
        assertEquals(BenchCli.USAGE, r.exit());
        assertTrue(r.err().contains("Usage: behavior-bench"), r.err());
    }

    @Test
    void unknownScenarioIsAUsageErrorNamingTheKnownOnes() {
        CliRun r = CliRun.of(Scenarios.all(), "run", "nope", "--out", tmp.resolve("o.jsonl").toString());
        assertEquals(BenchCli.USAGE, r.exit());
        String known = String.join(", ", Scenarios.all().stream().map(Scenario::name).toList());
        assertTrue(r.err().contains("unknown scenario 'nope'; known: " + known + ", or all"), r.err());
        assertTrue(known.startsWith("ml100k-rating, ml100k-topn, ml100k-nextitem, taobao-purchase, als-speed"), known);
        assertFalse(Files.exists(tmp.resolve("o.jsonl")));
    }

    @Test
    void badNumbersAndUnknownOptionsAreUsageErrors() {
        String out = tmp.resolve("o.jsonl").toString();
        CliRun zero = CliRun.of(fakes, "run", "ok", "--threads", "0", "--out", out);
        assertEquals(BenchCli.USAGE, zero.exit());
        assertTrue(zero.err().contains("--threads must be at least 1, got 0"), zero.err());
        CliRun word = CliRun.of(fakes, "run", "ok", "--threads", "two", "--out", out);
        assertEquals(BenchCli.USAGE, word.exit());
        assertTrue(word.err().contains("two"), word.err());
        CliRun size = CliRun.of(fakes, "run", "ok", "--size", "-5", "--out", out);
        assertEquals(BenchCli.USAGE, size.exit());
        assertTrue(size.err().contains("--size must be at least 1, got -5"), size.err());
        CliRun option = CliRun.of(fakes, "run", "ok", "--bogus", "--out", out);
        assertEquals(BenchCli.USAGE, option.exit());
        assertTrue(option.err().contains("--bogus"), option.err());
        CliRun none = CliRun.of(fakes, "run");
        assertEquals(BenchCli.USAGE, none.exit());
        assertFalse(Files.exists(tmp.resolve("o.jsonl")));
    }

    @Test
    void namedScenarioWithoutItsDataExitsThreeAndSaysWhatIsMissing() {
        Path empty = tmp.resolve("no-datasets");
        Path out = tmp.resolve("o.jsonl");
        CliRun r = CliRun.of(Scenarios.all(), "run", "ml100k-rating", "--data", empty.toString(), "--out",
                out.toString());
        assertEquals(BenchCli.DATA_MISSING, r.exit());
        assertTrue(r.err().contains("no ml-100k.inter (RecBole atomic files) in " + empty.resolve("ml-100k")),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void runAllSkipsScenariosWithoutDataSayingWhyAndExitsZero() throws IOException {
        Path out = tmp.resolve("results").resolve("o.jsonl"); // the folder is created
        CliRun r = CliRun.of(fakes, "run", "all", "--data", tmp.toString(), "--out", out.toString(), "--threads",
                "3");
        assertEquals(BenchCli.OK, r.exit(), r.err());
        assertTrue(r.out().contains("skipped missing: data missing: no fake.csv in " + tmp), r.out());
        assertTrue(r.out().contains("ran: ok ("), r.out());
        assertTrue(r.out().contains("skipped part: peer: not installed"), r.out());
        List<JsonObject> lines = JsonLines.read(out);
        assertEquals(3, lines.size());
        for (JsonObject o : lines) {
            assertEquals("ok", o.get("scenario").getAsString());
            assertEquals("fake-ok", o.get("dataset").getAsString());
            assertEquals("protocol: fake", o.get("protocol").getAsString());
        }
        // the threads of model a come from --threads; model b said 1
        assertEquals(3, lines.get(0).get("threads").getAsInt());
        assertEquals(1, lines.get(2).get("threads").getAsInt());
        assertEquals(0.75, lines.get(2).get("value").getAsDouble());

        // a second run appends
        assertEquals(BenchCli.OK, CliRun.of(fakes, "run", "ok", "--out", out.toString()).exit());
        assertEquals(6, JsonLines.read(out).size());
    }

    @Test
    void skipLeavesNamedScenariosOutOfRunAll() throws IOException {
        Path out = tmp.resolve("skip.jsonl");
        List<Scenario> scenarios = List.of(new FakeScenario("bad", Kind.FAILS), new FakeScenario("ok", Kind.OK));
        CliRun r = CliRun.of(scenarios, "run", "all", "--skip", "bad", "--out", out.toString());
        assertEquals(BenchCli.OK, r.exit(), r.err()); // the failing one never ran
        assertTrue(r.out().contains("skipped bad: --skip"), r.out());
        assertEquals(3, JsonLines.read(out).size());
        CliRun unknown = CliRun.of(scenarios, "run", "all", "--skip", "nope", "--out", out.toString());
        assertEquals(BenchCli.USAGE, unknown.exit());
        assertTrue(unknown.err().contains("--skip: unknown scenario 'nope'; known: bad, ok"), unknown.err());
        CliRun one = CliRun.of(scenarios, "run", "ok", "--skip", "bad", "--out", out.toString());
        assertEquals(BenchCli.USAGE, one.exit());
        assertTrue(one.err().contains("--skip goes with run all"), one.err());
    }

    @Test
    void aFailingScenarioExitsOneAfterTheOthersRan() throws IOException {
        Path out = tmp.resolve("o.jsonl");
        List<Scenario> scenarios = List.of(new FakeScenario("bad", Kind.FAILS), new FakeScenario("ok", Kind.OK));
        CliRun all = CliRun.of(scenarios, "run", "all", "--out", out.toString());
        assertEquals(BenchCli.FAILED, all.exit());
        assertTrue(all.err().contains("fake failure in bad"), all.err());
        assertTrue(all.out().contains("failed bad: java.lang.IllegalStateException: fake failure in bad"), all.out());
        assertEquals(3, JsonLines.read(out).size());
        assertEquals(BenchCli.FAILED, CliRun.of(scenarios, "run", "bad", "--out", out.toString()).exit());
    }

    @Test
    void listShowsEveryScenarioWithItsDatasetAndWhetherItsDataIsPresent() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliRun.of(Scenarios.all(), "list", "--data", empty.toString());
        assertEquals(BenchCli.OK, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("datasets root: " + empty, lines.get(0));
        assertTrue(lines.get(1).matches("scenario +dataset +data +description"), lines.get(1));
        assertTrue(lines.get(2).matches("ml100k-rating +ml-100k +missing +5-fold CV RMSE/MAE.*"), lines.get(2));
        assertTrue(lines.get(3).matches("ml100k-topn +ml-100k +missing +75/25 per-user split.*"), lines.get(3));
        assertTrue(lines.get(4).matches("ml100k-nextitem +ml-100k +missing +leave-last-out by time.*"), lines.get(4));
        assertTrue(lines.get(5).matches("taobao-purchase +taobao-userbehavior +missing +viewed \\(user, item\\) pairs.*"),
                lines.get(5));
        assertTrue(lines.get(6).matches("als-speed +synthetic ML-1M-shaped +present +seconds per ALS iteration.*"),
                lines.get(6));
        assertTrue(r.out().contains("  ml100k-topn: no ml-100k.inter (RecBole atomic files) in "
                + empty.resolve("ml-100k")), r.out());
        // Spark is on the test class path (provided scope)
        assertTrue(r.out().contains("  als-speed: generated in memory (Ml1mShapedMatrix seed 42); Spark MLlib peer:"
                + " on the class path"), r.out());

        Path data = TinyMovieLens.write(tmp.resolve("data"), 2, 3);
        CliRun present = CliRun.of(Scenarios.all(), "list", "--data", data.toString());
        assertTrue(present.out().lines().anyMatch(l -> l.matches("ml100k-rating +ml-100k +present .*")),
                present.out());
        assertTrue(present.out().contains("  ml100k-rating: " + data.resolve("ml-100k").resolve("ml-100k.inter")),
                present.out());
    }

    @Test
    void scenarioNamesAreUnique() {
        assertEquals(Scenarios.all().size(), Scenarios.all().stream().map(Scenario::name).distinct().count());
        assertEquals("als-speed", Scenarios.byName("als-speed").orElseThrow().name());
        assertTrue(Scenarios.byName("all").isEmpty());
    }
}
