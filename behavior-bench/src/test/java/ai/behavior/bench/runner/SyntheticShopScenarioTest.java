package ai.behavior.bench.runner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticShopScenarioTest {
    @Test
    void runsEveryStageOnASmallShopAndReportsQualityWithProtocols() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScenarioOutcome o = new SyntheticShopScenario().run(new RunContext(Path.of("absent"), 2, OptionalLong.of(60_000),
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        List<Result> r = o.results();
        Set<String> stages = r.stream().filter(x -> x.metric().equals("seconds")).map(Result::model)
                .collect(Collectors.toSet());
        assertEquals(Set.of("generate", "write CSV", "read CSV", "features", "train logistic", "train implicit ALS"),
                stages);
        Result auc = r.stream().filter(x -> x.metric().equals("auc")).findFirst().orElseThrow();
        assertTrue(auc.value() > 0.6, "purchase AUC " + auc.value());
        assertTrue(auc.protocol().contains("label: purchase in the next 168 h"), auc.protocol());
        // the Tribuo peer is fitted on the same features in the same run, under the same protocol
        Result peer = r.stream().filter(x -> x.metric().equals("auc") && x.model().startsWith("peer: Tribuo"))
                .findFirst().orElseThrow();
        assertTrue(peer.value() > 0.6, "Tribuo AUC " + peer.value());
        assertEquals(auc.protocol(), peer.protocol());
        assertTrue(auc.protocol().contains("split=users split 70/30 stratified, seed 42;"), auc.protocol());
        Result heap = r.stream().filter(x -> x.metric().equals("peak heap MiB")).findFirst().orElseThrow();
        assertTrue(heap.value() > 1, "peak heap " + heap.value());
        Result rows = r.stream().filter(x -> x.metric().equals("rows")).findFirst().orElseThrow();
        assertTrue(rows.value() > 30_000, "rows read " + rows.value());
    }
}
