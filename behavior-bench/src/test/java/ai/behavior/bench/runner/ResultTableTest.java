package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The printed table: one block per protocol, models by metrics, then seconds and threads. */
class ResultTableTest {
    @Test
    void pivotsResultsIntoOneBlockPerProtocol() {
        List<Result> results = new FakeScenario("f", FakeScenario.Kind.OK)
                .run(new RunContext(Path.of("."), 2, OptionalLong.empty(), System.out)).results();
        List<Result> more = new java.util.ArrayList<>(results);
        more.add(new Result("f", "d", "model c", "m2", 12.5, "protocol: other", 3.0, 4));
        // widths: "model a" 7 chars; m1 column holds "0.2500" (6); m2 holds "2.0000"; seconds "1.50"
        // (header 7 wide), threads (7 wide); model b lacks m2, so "-"
        String expected = ""
                + "protocol: fake\n"
                + "model   |     m1 |     m2 | seconds | threads\n"
                + "--------+--------+--------+---------+--------\n"
                + "model a | 0.2500 | 2.0000 |    1.50 |       2\n"
                + "model b | 0.7500 |      - |    0.50 |       1\n"
                + "\n"
                + "protocol: other\n"
                + "model   |      m2 | seconds | threads\n"
                + "--------+---------+---------+--------\n"
                + "model c | 12.5000 |    3.00 |       4\n"
                + "\n";
        assertEquals(expected, ResultTable.render(more));
        assertEquals("", ResultTable.render(List.of()));
    }
}
