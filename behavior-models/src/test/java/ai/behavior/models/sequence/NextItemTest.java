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
}
