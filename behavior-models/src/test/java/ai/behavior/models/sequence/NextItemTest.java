package ai.behavior.models.sequence;

import ai.behavior.data.Interactions;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.split.LeaveLastOut;
import ai.behavior.split.SplitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextItemTest {
    // 200 users walking a circle of 30 items with a personal step of 1 or 2, 10 % noise (see Cycles)
    private static final Interactions LOG = Cycles.log(200, 30, 12, 30, 0.1, 11);
    private static final SplitResult PARTS = LeaveLastOut.of(1).withValidation(1).apply(LOG);
    private static SequenceModel transformer;

    static SequenceOptions small(SequenceOptions o, int epochs) {
        return o.withDim(32).withFfn(64).withMaxLength(12).withTraining(
                TrainingOptions.defaults().withEpochs(epochs).withBatchSize(64).withLearningRate(3e-3).withSeed(5));
    }

    @BeforeAll
    static void train() {
        transformer = NextItem.fit(PARTS.train(), PARTS.validation(), small(SequenceOptions.transformer(), 12));
    }

    @AfterAll
    static void free() {
        transformer.close();
    }

    @Test
    void theTransformerLearnsThePlantedWalk() {
        // every item is about equally popular, so guessing puts the next item first 1 time in 30 and gets an
        // NDCG@10 near 0.15; the walk is predictable from the last two events (81 % of the time both are clean)
        double ndcg = transformer.training().orElseThrow().bestMetric().orElseThrow();
        assertTrue(ndcg > 0.6, "validation NDCG@10 " + ndcg);
        NextItemQueries q = NextItemQueries.of(PARTS.train(), PARTS.validation());
        int[][] top = transformer.recommend(q.histories(), 1);
        int hits = 0;
        for (int i = 0; i < q.size(); i++) {
            hits += top[i][0] == q.targets()[i] ? 1 : 0;
        }
        assertTrue(hits > 0.3 * q.size(), hits + " of " + q.size() + " first-ranked");
    }

    @Test
    void recurrentEncodersAndTheSampledLossLearnItToo() {
        for (SequenceOptions o : new SequenceOptions[] {SequenceOptions.gru(), SequenceOptions.lstm(),
                SequenceOptions.transformer().withLoss(NextItemLoss.SAMPLED_BCE).withNegatives(4)}) {
            try (SequenceModel m = NextItem.fit(PARTS.train(), PARTS.validation(), small(o, 12))) {
                double ndcg = m.training().orElseThrow().bestMetric().orElseThrow();
                assertTrue(ndcg > 0.35, o.describe() + ": validation NDCG@10 " + ndcg);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        try (SequenceModel again = NextItem.fit(PARTS.train(), PARTS.validation(),
                small(SequenceOptions.transformer(), 12))) {
            EventSequences h = EventSequences.histories(PARTS.train());
            float[][] a = transformer.scores(h.select(new int[] {0, 1, 2}));
            float[][] b = again.scores(h.select(new int[] {0, 1, 2}));
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0f);
            }
        }
    }

    @Test
    void predictionIsThreadSafeAndFreesEveryBatch() throws Exception {
        EventSequences h = EventSequences.histories(PARTS.train());
        float[][] expected = transformer.scores(h);
        int live = transformer.liveArrays();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> transformer.scores(h)));
            }
            for (Future<float[][]> f : results) {
                float[][] got = f.get();
                for (int i = 0; i < got.length; i++) {
                    assertArrayEquals(expected[i], got[i], 0f);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(live, transformer.liveArrays(), "no batch array outlives its call");
        assertEquals(transformer.network().parameters().arrays().size(), live, "only the parameters stay");
    }

    @Test
    void scoresAreOverTheTrainingItemsAndUnknownItemsAreAccepted() {
        assertEquals(30, transformer.items().size());
        // a sequence in another vocabulary: "i3" is known, "new" is not
        EventSequences other = EventSequences.ofItems(new int[][] {{0, 1}},
                ai.behavior.data.IdIndex.of("i3", "new"));
        float[][] s = transformer.scores(other);
        assertEquals(30, s[0].length);
        assertThrows(IllegalStateException.class, () -> transformer.predict(other));
    }

    @Test
    void badInputsAreRefusedClearly() {
        Interactions empty = LOG.select(new int[0]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextItem.fit(empty, null,
                SequenceOptions.gru())).getMessage().contains("empty"));
        // one event per user: nothing to predict
        Interactions firsts = LeaveLastOut.of(1).apply(LOG.select(new int[] {0})).train();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextItem.fit(firsts, null,
                SequenceOptions.gru())).getMessage().contains("no user has two or more training events"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NextItem.fit(PARTS.train(),
                PARTS.validation(), SequenceOptions.gru().withFeatures(EventFeature.CATEGORY))).getMessage()
                .contains("pass ItemCategories"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> transformer.scores(
                EventSequences.ofItems(new int[][] {{1}, {}}, LOG.items()))).getMessage()
                .contains("sequence 1 is empty"));
    }
    @Test
    void attentionWeightsCoverTheLastEventsWithCausalRowsThatSumToOne() {
        // a 5-event sequence (shorter than maxLength 12: the model pads 7 slots, which must get no weight)
        EventSequences shortOne = EventSequences.ofItems(new int[][] {{3, 4, 5, 6, 7}}, LOG.items());
        AttentionWeights w = transformer.attention(shortOne, 0);
        assertEquals(List.of("i3", "i4", "i5", "i6", "i7"), w.items());
        assertEquals(2, w.layers());
        assertEquals(2, w.heads());
        for (int l = 0; l < w.layers(); l++) {
            for (int h = 0; h < w.heads(); h++) {
                for (int q = 0; q < 5; q++) {
                    double sum = 0;
                    for (int k = 0; k < 5; k++) {
                        sum += w.weight(l, h, q, k);
                        if (k > q) {
                            assertEquals(0f, w.weight(l, h, q, k), "future key " + k + " of query " + q);
                        }
                    }
                    // the 5 events alone sum to 1: the 7 padding slots received exactly nothing
                    assertEquals(1.0, sum, 1e-5, "layer " + l + " head " + h + " row " + q);
                }
                assertEquals(1f, w.weight(l, h, 0, 0), 1e-6, "the first event sees only itself");
            }
        }
        int[] top = w.topOfLast(0, 0, 2);
        assertEquals(2, top.length);
        assertTrue(w.weight(0, 0, 4, top[0]) >= w.weight(0, 0, 4, top[1]));
        assertTrue(w.describeLast(2).startsWith("layer 0 head 0:"), w.describeLast(2));
        // a history longer than maxLength: its last 12 events
        EventSequences h = EventSequences.histories(PARTS.train());
        int longest = 0;
        for (int i = 1; i < h.size(); i++) {
            longest = h.items()[i].length > h.items()[longest].length ? i : longest;
        }
        int n = h.items()[longest].length;
        assertTrue(n > 12, "a history longer than the window: " + n);
        AttentionWeights last = transformer.attention(h, longest);
        assertEquals(12, last.length());
        assertEquals(LOG.items().id(h.items()[longest][n - 1]), last.items().get(11));
    }

    @Test
    void attentionNeedsATransformerAndAnEvent() {
        EventSequences empty = EventSequences.ofItems(new int[][] {{}}, LOG.items());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> transformer.attention(empty, 0));
        assertTrue(e.getMessage().contains("sequence 0 is empty"), e.getMessage());
        try (SequenceModel gru = NextItem.fit(PARTS.train(), PARTS.validation(), small(SequenceOptions.gru(), 1))) {
            IllegalStateException s = assertThrows(IllegalStateException.class,
                    () -> gru.attention(EventSequences.histories(PARTS.train()), 0));
            assertTrue(s.getMessage().contains("need a TRANSFORMER model; this one is GRU"), s.getMessage());
        }
    }
}
