package ai.behavior.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.Split;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationProtocolTest {
    @Test
    void fullRankingDescribesEverything() {
        EvaluationProtocol p = EvaluationProtocol.fullRanking("leave-last-1-out per user", 10, 20)
                .withOrdering(Ordering.TEMPORAL)
                .withDataset("ml-1m");
        assertEquals("protocol: dataset=ml-1m; split=leave-last-1-out per user; ordering=by time; "
                + "candidates=full ranking; seen items excluded; K=[10, 20]; seed=42", p.describe());
        assertArrayEquals(new int[] {10, 20}, p.ksArray());
        assertEquals(EvaluationProtocol.DEFAULT_SEED, p.seed());
    }

    @Test
    void sampledModesAndWithers() {
        EvaluationProtocol uniform = EvaluationProtocol.sampledUniform("random 80/20", 100, 10).withSeed(7)
                .withExcludeSeen(false);
        assertEquals("protocol: split=random 80/20; ordering=random order; candidates=100 uniformly sampled "
                + "negatives per held-out item; seen items kept; K=[10]; seed=7", uniform.describe());
        EvaluationProtocol popular = EvaluationProtocol.sampledByPopularity("random 80/20", 50, 5, 10);
        assertEquals(new CandidateMode.SampledByPopularity(50), popular.candidates());
        assertTrue(popular.describe().contains("50 popularity-sampled negatives"));
        EvaluationProtocol full = popular.withCandidates(new CandidateMode.Full()).withKs(3);
        assertEquals(new CandidateMode.Full(), full.candidates());
        assertEquals(List.of(3), full.ks());
        assertEquals(popular, EvaluationProtocol.sampledByPopularity("random 80/20", 50, 5, 10));
    }

    @Test
    void ksAreCopiedAndImmutable() {
        List<Integer> ks = new ArrayList<>(List.of(5, 10));
        EvaluationProtocol p = new EvaluationProtocol(null, "s", Ordering.RANDOM, new CandidateMode.Full(), true,
                ks, 1);
        ks.add(20);
        assertEquals(List.of(5, 10), p.ks());
        assertEquals("", p.dataset());
        assertThrows(UnsupportedOperationException.class, () -> p.ks().add(1));
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking("s", 0));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking("s", 10, -1));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking("s"));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking(" ", 10));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.sampledUniform("s", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new CandidateMode.SampledByPopularity(-5));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking("s", 10).withOrdering(null));
        assertThrows(IllegalArgumentException.class, () -> EvaluationProtocol.fullRanking("s", 10).withCandidates(null));
    }

    @Test
    void pointwiseProtocolHasNoKAndExcludesNothing() {
        EvaluationProtocol p = EvaluationProtocol.pointwise("temporal cut 80/20 by events")
                .withOrdering(Ordering.TEMPORAL);
        assertEquals(List.of(), p.ks());
        String d = p.describe();
        assertTrue(d.contains("candidates=each labelled row scored (pointwise)"), d);
        assertTrue(!d.contains("K=") && !d.contains("seen items"), d);
        assertThrows(IllegalArgumentException.class, () -> p.withKs(10));
        assertThrows(IllegalArgumentException.class, () -> p.withExcludeSeen(true));
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationProtocol.fullRanking("s", 10).withCandidates(new CandidateMode.Pointwise()));
        MetricsReport r = MetricsReport.builder("purchase", p).row("baseline", java.util.Map.of("auc", 0.75)).build();
        assertEquals(p, MetricsReport.fromJson(r.toJson()).protocol(), "pointwise mode survives JSON");
    }

    /** Built from the split itself, the protocol takes the split's words, ordering and seed. */
    @Test
    void protocolFromASplitPrintsThatSplitsSeedAndOrdering() {
        EvaluationProtocol random = EvaluationProtocol.fullRanking(
                ai.behavior.split.Split.randomPerUser(0.75, 0, 0.25, 7), 10);
        assertEquals(7, random.seed());
        assertEquals(Ordering.RANDOM, random.ordering());
        assertTrue(random.describe().endsWith("seed=7"), random.describe());
        assertTrue(random.describe().contains("split=" + ai.behavior.split.Split.randomPerUser(0.75, 0, 0.25, 7)
                .describe()), random.describe());
        EvaluationProtocol lastOut = EvaluationProtocol.pointwise(ai.behavior.split.LeaveLastOut.of(1));
        assertEquals(Ordering.TEMPORAL, lastOut.ordering());
        assertEquals(EvaluationProtocol.DEFAULT_SEED, lastOut.seed());
        assertEquals(new CandidateMode.Pointwise(), lastOut.candidates());
    }

    /** The snippet of docs/evaluation.md. */
    @Test
    void guideSnippetBuildsProtocolsFromSplits() {
        EvaluationProtocol byTime = EvaluationProtocol.fullRanking(LeaveLastOut.of(1), 10);
        EvaluationProtocol scored = EvaluationProtocol.pointwise(Split.randomPerUser(0.8, 0, 0.2, 7));
        assertEquals(Ordering.TEMPORAL, byTime.ordering());
        assertEquals(7, scored.seed());
    }
}
