package ai.behavior.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingResult;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsReportTest {
    private static final EvaluationProtocol PROTOCOL =
            EvaluationProtocol.fullRanking("leave-last-1-out per user", 10).withDataset("synthetic shop");

    private static MetricsReport sample() {
        Map<String, Double> pop = new LinkedHashMap<>();
        pop.put("ndcg@10", 0.1234567891234);
        pop.put("recall@10", 1.0 / 3.0);
        Map<String, Double> als = new LinkedHashMap<>();
        als.put("ndcg@10", 0.25);
        als.put("recall@10", Double.NaN);
        als.put("auc", 0.987654321);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("users evaluated", 1200L);
        counts.put("users skipped", 3L);
        return MetricsReport.builder("Top-K on the synthetic shop", PROTOCOL)
                .row("popularity", pop, counts)
                .row("implicit ALS (factors=64)", als)
                .createdAt(Instant.parse("2025-01-02T03:04:05Z"))
                .build();
    }

    @Test
    void tableIsAlignedWithProtocolAbove() {
        String table = sample().toTable();
        List<String> lines = table.lines().toList();
        assertEquals("Top-K on the synthetic shop", lines.get(0));
        assertEquals(PROTOCOL.describe(), lines.get(1));
        List<String> body = lines.subList(2, lines.size());
        assertEquals(4, body.size()); // header, rule, two rows
        int width = body.get(0).length();
        for (String line : body) {
            assertEquals(width, line.length(), "misaligned line: '" + line + "'\n" + table);
        }
        assertTrue(body.get(0).startsWith("model "));
        assertTrue(body.get(0).contains("ndcg@10") && body.get(0).contains("auc")
                && body.get(0).contains("users evaluated"));
        assertTrue(body.get(1).matches("[-+]+"), body.get(1));
        assertTrue(body.get(2).contains("0.1235") && body.get(2).contains("0.3333") && body.get(2).contains("1200"));
        assertTrue(body.get(3).contains("NaN") && body.get(3).contains("0.9877"));
        // the column separators line up on every line
        int bar = body.get(0).indexOf('|');
        for (String line : body) {
            assertEquals(bar, line.indexOf(line.equals(body.get(1)) ? '+' : '|'));
        }
        assertTrue(body.get(2).endsWith("3")); // users skipped, right-aligned
        assertTrue(body.get(3).endsWith("-")); // missing count
    }

    @Test
    void transposedTableHasOneLinePerMetricAndOneColumnPerModel() {
        String table = sample().toTransposedTable();
        List<String> lines = table.lines().toList();
        assertEquals(PROTOCOL.describe(), lines.get(1));
        List<String> body = lines.subList(2, lines.size());
        assertEquals(2 + 3 + 2, body.size()); // header, rule, 3 metrics, 2 counts
        int width = body.get(0).length();
        body.forEach(l -> assertEquals(width, l.length(), "misaligned: '" + l + "'\n" + table));
        assertTrue(body.get(0).startsWith("metric ") && body.get(0).endsWith("implicit ALS (factors=64)"));
        String ndcg = body.stream().filter(l -> l.startsWith("ndcg@10")).findFirst().orElseThrow();
        assertTrue(ndcg.contains("0.1235") && ndcg.endsWith("0.2500"), ndcg);
        String auc = body.stream().filter(l -> l.startsWith("auc")).findFirst().orElseThrow();
        assertTrue(auc.contains("| ") && auc.contains("-") && auc.endsWith("0.9877"), auc);
    }

    @Test
    void decimalsAreConfigurable() {
        MetricsReport r = MetricsReport.builder("t", PROTOCOL).row("m", Map.of("x", 0.5)).decimals(2).build();
        assertTrue(r.toTable().contains("0.50"));
        assertFalse(r.toTable().contains("0.500"));
    }

    @Test
    void jsonRoundTripsNumbersAndProtocol() {
        MetricsReport report = sample();
        String json = report.toJson();
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonObject protocol = root.getAsJsonObject("protocol");
        assertEquals(PROTOCOL.describe(), protocol.get("description").getAsString());
        assertEquals("full", protocol.getAsJsonObject("candidates").get("mode").getAsString());
        assertEquals(0.1234567891234, root.getAsJsonArray("rows").get(0).getAsJsonObject()
                .getAsJsonObject("values").get("ndcg@10").getAsDouble());
        assertEquals("NaN", root.getAsJsonArray("rows").get(1).getAsJsonObject()
                .getAsJsonObject("values").get("recall@10").getAsString());
        assertEquals("2025-01-02T03:04:05Z", root.get("createdAt").getAsString());

        MetricsReport back = MetricsReport.fromJson(json);
        assertEquals(report.title(), back.title());
        assertEquals(report.protocol(), back.protocol());
        assertEquals(report.createdAt(), back.createdAt());
        assertEquals(report.rows(), back.rows()); // Double.equals: exact bits, NaN equal to NaN
        assertEquals(1.0 / 3.0, back.value("popularity", "recall@10"));
        assertEquals(json, back.toJson());
    }

    @Test
    void sampledProtocolRoundTrips() {
        EvaluationProtocol p = EvaluationProtocol.sampledByPopularity("temporal 90/10", 99, 5, 10)
                .withOrdering(Ordering.TEMPORAL).withSeed(-3).withExcludeSeen(false);
        MetricsReport r = MetricsReport.builder("t", p).row("m", Map.of("x", Double.POSITIVE_INFINITY)).build();
        MetricsReport back = MetricsReport.fromJson(r.toJson());
        assertEquals(p, back.protocol());
        assertEquals(Double.POSITIVE_INFINITY, back.value("m", "x"));
        assertTrue(back.createdAt().isEmpty());
        EvaluationProtocol u = p.withCandidates(new CandidateMode.SampledUniform(7));
        assertEquals(u, MetricsReport.fromJson(MetricsReport.builder("t", u).build().toJson()).protocol());
    }

    @Test
    void writesJsonFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        sample().writeJson(file);
        assertEquals(sample().toJson(), Files.readString(file));
    }

    @Test
    void rankingResultRow() {
        RankingAccumulator acc = new RankingAccumulator(10, 5);
        acc.add(new int[] {1, 2, 3}, new int[] {2});
        acc.add(new int[] {4}, new int[0]);
        RankingResult result = acc.result();
        MetricsReport r = MetricsReport.builder("t", PROTOCOL).row("model", result).build();
        assertEquals(0.5, r.value("model", "mrr@5"), 1e-15);
        assertEquals(result.mean(ai.behavior.metric.RankingMetric.NDCG, 5), r.value("model", "ndcg@5"));
        assertEquals(1L, r.row("model").counts().get("users skipped"));
        assertEquals(0.4, r.value("model", "coverage@5"), 1e-15);
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.builder("t", null));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.builder(" ", PROTOCOL));
        MetricsReport.Builder b = MetricsReport.builder("t", PROTOCOL).row("a", Map.of("x", 1.0));
        assertThrows(IllegalArgumentException.class, () -> b.row("a", Map.of("x", 2.0)));
        assertThrows(IllegalArgumentException.class, () -> b.decimals(13));
        MetricsReport r = b.build();
        assertThrows(IllegalArgumentException.class, () -> r.value("a", "y"));
        assertThrows(IllegalArgumentException.class, () -> r.row("b"));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.fromJson("{\"format\": 99}"));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.fromJson("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.fromJson("{\"format\": 1}"));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.fromJson("{not json"));
        assertThrows(IllegalArgumentException.class, () -> MetricsReport.builder("t", PROTOCOL).row("a\nb", Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> r.rows().get(0).values().put("z", 1.0));
    }
}
