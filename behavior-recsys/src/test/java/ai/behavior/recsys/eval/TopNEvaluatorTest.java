package ai.behavior.recsys.eval;

import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.behavior.data.InteractionsBuilder;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.eval.MetricsReport;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.metric.RankingMetric;
import ai.behavior.progress.Progress;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TopNEvaluator} on a log small enough to rank by hand. */
class TopNEvaluatorTest {
    /**
     * Items i0..i5 (indices 0..5), users u0..u3 (indices 0..3).
     * Train: u0 rated i0; u1 rated i1; u2 rated i2; u3 has only a VIEW of i5 and is unknown to the model.
     * Test: u0 rated i1 (5 stars) and i3 (2 stars); u1 rated i0 (4 stars); u2 nothing; u3 rated i4 (5).
     */
    static final class Fixture {
        final Interactions train;
        final Interactions test;
        final Recommender rec;

        Fixture() {
            InteractionsBuilder b = Interactions.builder();
            for (int k = 0; k < 4; k++) {
                b.users().intern("u" + k);
            }
            for (int k = 0; k < 6; k++) {
                b.items().intern("i" + k);
            }
            rating(b, 0, 0, 1, 4f); // train rows 0..3
            rating(b, 1, 1, 2, 4f);
            rating(b, 2, 2, 3, 4f);
            b.add(3, 5, EventType.VIEW.ordinal(), 4, 1f, Interactions.NO_SESSION);
            rating(b, 0, 1, 10, 5f); // test rows 4..7
            rating(b, 0, 3, 11, 2f);
            rating(b, 1, 0, 12, 4f);
            rating(b, 3, 4, 13, 5f);
            Interactions log = b.build();
            train = log.filter(r -> r < 4);
            test = log.filter(r -> r >= 4);
            float[][] s = {
                {0.9f, 0.8f, 0.7f, 0.1f, 0.5f, 0.6f},
                {0.3f, 0.9f, 0.2f, 0.1f, 0.5f, 0.4f},
                {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f},
                {9f, 9f, 9f, 9f, 9f, 9f},
            };
            TableScorer model = new TableScorer(log.users(), log.items(), s, new boolean[] {true, true, true, false});
            rec = new Recommender(model, UserItemMatrix.of(train, Weighting.counts()),
                    Popularity.fit(train, Popularity.Options.defaults()));
        }

        private static void rating(InteractionsBuilder b, int u, int i, long t, float stars) {
            b.add(u, i, EventType.RATING.ordinal(), t, stars, Interactions.NO_SESSION);
        }
    }

    private final Fixture f = new Fixture();

    private static TopNEvaluator.Options opts() {
        return TopNEvaluator.Options.defaults().withThreads(2);
    }

    private static EvaluationProtocol full(int... ks) {
        return EvaluationProtocol.fullRanking("hand-made split", ks);
    }

    @Test
    void fullRankingMatchesTheHandRankedLists() {
        TopNResult r = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(1, 3), opts());
        RankingAccumulator expected = new RankingAccumulator(6, 1, 3);
        expected.add(new int[] {1, 2, 5}, new int[] {1, 3});  // u0: i0 seen; .8 .7 .6
        expected.add(new int[] {4, 5, 0}, new int[] {0});     // u1: i1 seen; .5 .4 .3
        expected.add(new int[] {0, 1, 2}, new int[] {4});     // u3: popularity (1 each, i5 seen by u3), by index
        for (RankingMetric m : RankingMetric.values()) {
            for (int k : new int[] {1, 3}) {
                assertEquals(expected.result().mean(m, k), r.ranking().mean(m, k), 1e-12, m.label(k));
            }
        }
        assertEquals(1.0 / 3, r.ranking().mean(RankingMetric.HIT_RATE, 1), 1e-12);
        assertEquals((1 / 3.0 + 1 / 3.0 + 0) / 3, r.ranking().mean(RankingMetric.PRECISION, 3), 1e-12);
        assertEquals(3, r.ranking().usersEvaluated());
        assertEquals(1, r.ranking().usersSkipped(), "u2 has no test event");
        assertEquals(1, r.usersOnFallback());
        assertEquals(0, r.usersShortOfNegatives());
    }

    @Test
    void theTruthFilterKeepsOnlyPassingEvents() {
        TopNResult r = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(3),
                opts().withTruth(TruthFilter.minValue(4)));
        // u0's truth is now {i1} only: its list [1, 2, 5] has the hit at rank 1
        RankingAccumulator expected = new RankingAccumulator(6, 3);
        expected.add(new int[] {1, 2, 5}, new int[] {1});
        expected.add(new int[] {4, 5, 0}, new int[] {0});
        expected.add(new int[] {0, 1, 2}, new int[] {4});
        assertEquals(expected.result().values(), r.ranking().values());
        assertEquals("test events with value >= 4.0", r.truth());
        TopNResult none = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(3),
                opts().withTruth(TruthFilter.ofTypes(EventType.PURCHASE)));
        assertEquals(0, none.ranking().usersEvaluated());
        assertEquals(4, none.ranking().usersSkipped());
        assertTrue(Double.isNaN(none.ranking().mean(RankingMetric.NDCG, 3)));
        TopNResult custom = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(3),
                opts().withTruth(TruthFilter.custom("u0 only", row -> f.test.user(row) == 0)));
        assertEquals(1, custom.ranking().usersEvaluated());
    }

    @Test
    void keepingSeenItemsRanksThemToo() {
        TopNResult r = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(1).withExcludeSeen(false), opts());
        RankingAccumulator expected = new RankingAccumulator(6, 1);
        expected.add(new int[] {0}, new int[] {1, 3});
        expected.add(new int[] {1}, new int[] {0});
        expected.add(new int[] {0}, new int[] {4});
        assertEquals(expected.result().values(), r.ranking().values());
    }

    @Test
    void sampledWithEveryNegativeEqualsFullRankingHere() {
        // n * |truth| exceeds the catalogue, so each user gets every item it never touched as a negative;
        // no test event fails the (default) truth filter, so the candidates are exactly the full-ranking ones
        TopNResult fullRun = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(1, 3), opts());
        for (EvaluationProtocol p : new EvaluationProtocol[] {
            EvaluationProtocol.sampledUniform("hand-made split", 50, 1, 3),
            EvaluationProtocol.sampledByPopularity("hand-made split", 50, 1, 3)}) {
            TopNResult sampled = TopNEvaluator.evaluate(f.rec, f.train, f.test, p, opts());
            if (p.candidates() instanceof ai.behavior.eval.CandidateMode.SampledUniform) {
                assertEquals(fullRun.ranking().values(), sampled.ranking().values());
                assertEquals(3, sampled.usersShortOfNegatives());
            } else {
                // by popularity only items with training events can be negatives: i0, i1, i2, i5
                assertEquals(3, sampled.usersShortOfNegatives());
                assertTrue(sampled.counts().containsKey("users short of negatives"));
            }
            assertEquals(1, sampled.usersOnFallback());
        }
    }

    @Test
    void sampledCandidatesAreTheTruthPlusNPerHeldOutItem() {
        // u0 has 2 relevant items, so with n = 1 it is ranked among them plus 2 negatives from {i2, i4, i5}
        TopNResult r = TopNEvaluator.evaluate(f.rec, f.train, f.test,
                EvaluationProtocol.sampledUniform("hand-made split", 1, 10), opts().withThreads(1));
        assertEquals(0, r.usersShortOfNegatives());
        // every evaluated list holds |truth| * (1 + n) candidates: coverage@10 counts the distinct items listed
        assertTrue(r.ranking().coverage(10) > 0);
        assertEquals(3, r.ranking().usersEvaluated());
        // precision@10 divides by K: u0 lists 2 hits (both relevant items are candidates), u1 and u3 one each
        assertEquals((2 + 1 + 1) / 30.0, r.ranking().mean(RankingMetric.PRECISION, 10), 1e-12);
        assertEquals(1.0, r.ranking().mean(RankingMetric.RECALL, 10), 1e-12);
    }

    @Test
    void progressAndReport() {
        List<Progress> updates = new ArrayList<>();
        TopNResult r = TopNEvaluator.evaluate(f.rec, f.train, f.test, full(3).withDataset("toy"),
                opts().withProgress(updates::add));
        assertEquals(4, updates.get(updates.size() - 1).done());
        MetricsReport report = r.toReport("Toy top-N", "table");
        String table = report.toTable();
        assertTrue(table.contains("protocol: dataset=toy; split=hand-made split"), table);
        assertTrue(table.contains("truth: every test event"), table);
        assertTrue(table.contains("users on fallback"), table);
        assertEquals(r.ranking().mean(RankingMetric.NDCG, 3), report.value("table", "ndcg@3"));
        assertTrue(r.toString().startsWith("protocol: dataset=toy"), r.toString());

        Map<String, TopNResult> two = new LinkedHashMap<>();
        two.put("a", r);
        two.put("b", r);
        assertEquals(2, TopNResult.report("Toy", two).rows().size());
        two.put("c", TopNEvaluator.evaluate(f.rec, f.train, f.test, full(5), opts()));
        assertThrows(IllegalArgumentException.class, () -> TopNResult.report("Toy", two));
        assertThrows(IllegalArgumentException.class, () -> TopNResult.report("Toy", Map.of()));
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException pointwise = assertThrows(IllegalArgumentException.class,
                () -> TopNEvaluator.evaluate(f.rec, f.train, f.test, EvaluationProtocol.pointwise("x"), opts()));
        assertTrue(pointwise.getMessage().contains("pointwise"));
        Fixture other = new Fixture();
        IllegalArgumentException indices = assertThrows(IllegalArgumentException.class,
                () -> TopNEvaluator.evaluate(f.rec, f.train, other.test, full(3), opts()));
        assertTrue(indices.getMessage().contains("test part"), indices.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TopNEvaluator.evaluate(f.rec, other.train, f.test, full(3), opts()));
        assertThrows(IllegalArgumentException.class, () -> opts().withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> TruthFilter.minValue(Float.NaN));
        assertThrows(IllegalArgumentException.class, TruthFilter::ofTypes);
        assertThrows(IllegalArgumentException.class, () -> TruthFilter.custom(" ", r -> true));
    }
}
