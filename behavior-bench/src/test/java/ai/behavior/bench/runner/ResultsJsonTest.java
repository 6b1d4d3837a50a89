package ai.behavior.bench.runner;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON-lines schema and the checks on a result. */
class ResultsJsonTest {
    private static final RunEnvironment ENV = new RunEnvironment("2026-11-22T19:03:09Z", "Vendor 17.0.15+6", 2);

    @TempDir
    Path tmp;

    @Test
    void oneLineHoldsEveryKeyInOrderWithTheValuesGiven() {
        Result r = new Result("s", "d", "m <x>", "ndcg@10", 0.4770, "protocol: a=b; K=[10]", 1.25, 2);
        String line = ResultsJson.line(r, ENV, "0.50 0.40 0.30");
        assertEquals("{\"scenario\":\"s\",\"dataset\":\"d\",\"model\":\"m <x>\",\"metric\":\"ndcg@10\",\"value\":0.477,"
                + "\"protocol\":\"protocol: a=b; K=[10]\",\"seconds\":1.25,\"threads\":2,"
                + "\"date\":\"2026-11-22T19:03:09Z\",\"jdk\":\"Vendor 17.0.15+6\",\"cores\":2,"
                + "\"load\":\"0.50 0.40 0.30\"}", line);
        JsonLines.assertSchema(JsonParser.parseString(line).getAsJsonObject(), line);
    }

    @Test
    void numbersSurviveTheRoundTripExactly() {
        double v = 0.9438377670041682;
        JsonObject o = JsonParser.parseString(ResultsJson.line(new Result("s", "d", "m", "RMSE", v, "p", 0.185619093,
                1), ENV, "?")).getAsJsonObject();
        assertEquals(v, o.get("value").getAsDouble());
        assertEquals(0.185619093, o.get("seconds").getAsDouble());
    }

    @Test
    void appendCreatesTheFolderAndAddsLines() throws IOException {
        Path file = tmp.resolve("a").resolve("b.jsonl");
        List<Result> two = List.of(new Result("s", "d", "m", "x", 1, "p", 0, 1),
                new Result("s", "d", "m", "y", -2.5, "p", 0, 1));
        ResultsJson.append(file, two, ENV, "1.00 1.00 1.00");
        ResultsJson.append(file, two.subList(0, 1), ENV, "1.00 1.00 1.00");
        List<JsonObject> lines = JsonLines.read(file);
        assertEquals(3, lines.size());
        assertEquals(-2.5, lines.get(1).get("value").getAsDouble());
        assertEquals("x", lines.get(2).get("metric").getAsString());
    }

    @Test
    void aResultRefusesWhatWouldBreakTheSchemaNamingModelAndMetric() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Result("s", "d", "ALS", "RMSE", Double.NaN, "p", 1, 1));
        assertTrue(nan.getMessage().contains("result s / ALS / RMSE: value must be finite, got NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Result("s", "d", "ALS", "RMSE", Double.POSITIVE_INFINITY, "p", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Result("s", "d", "ALS", "RMSE", 1, "p", -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Result("s", "d", "ALS", "RMSE", 1, "p", Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Result("s", "d", "ALS", "RMSE", 1, "p", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Result("s", "d", " ", "RMSE", 1, "p", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Result("s", "d", "ALS", "RMSE", 1, "p\nq", 1, 1));
    }

    @Test
    void anOutcomeRefusesTheSameFigureTwice() {
        Scenario fake = new FakeScenario("f", FakeScenario.Kind.OK);
        ScenarioOutcome.Builder b = ScenarioOutcome.builder(fake).protocol("p").add("m", "x", 1, 0, 1)
                .add("m", "x", 2, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("reported m / x twice"), e.getMessage());
        // the same figure under another protocol is another figure
        assertEquals(2, ScenarioOutcome.builder(fake).protocol("p").add("m", "x", 1, 0, 1).protocol("q")
                .add("m", "x", 2, 0, 1).build().results().size());
        assertThrows(IllegalStateException.class, () -> ScenarioOutcome.builder(fake).add("m", "x", 1, 0, 1));
    }
}
