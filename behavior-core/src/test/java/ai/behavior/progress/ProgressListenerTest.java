package ai.behavior.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgressListenerTest {
    @Test
    void consoleLineShowsTaskCountMetricsTimeAndEta() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 0.123456);
        metrics.put("ndcg@10", 0.4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressListener.console(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .update(new Progress("implicit-als", 3, 15, metrics, 1.5));
        assertEquals("implicit-als 3/15 loss=0.12346 ndcg@10=0.40000 (1.5 s, ETA 6.0 s)",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void unknownTotalHasNoEtaAndMetricsAreCopied() {
        Map<String, Double> metrics = new LinkedHashMap<>(Map.of("rows", 10.0));
        Progress p = new Progress("reading", 10, 0, metrics, 2);
        metrics.put("late", 1.0);
        assertEquals(-1, p.etaSeconds());
        assertEquals(1, p.metrics().size());
        assertThrows(UnsupportedOperationException.class, () -> p.metrics().put("x", 1.0));
        assertEquals("reading 10 rows=10.000 (2.0 s)", ProgressListener.format(p));
        ProgressListener.quiet().update(p);
    }
}
