package ai.behavior.models.twotower;

import ai.behavior.data.IdIndex;
import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.models.fusion.SequenceEncoderFactory;
import ai.behavior.models.train.TrainingOptions;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommendations;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;
import ai.behavior.data.EventType;
import ai.behavior.data.Interactions;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two-tower loss, its batch bias, the scorer and its serving through {@link Recommender}, by hand. */
class TwoTowerPartsTest {
    private static final FeatureSchema ONE_DENSE = new FeatureSchema(List.of(new FeatureSpec.Dense("x")));
    private static final float OFF = PairBatches.OFF;

    /** Three users, three items, pairs (0,0), (1,1), (2,0): item 0 has 2 of the 3 positives, item 1 one. */
    private static TwoTowerData tiny() {
        FeatureMatrix users = new FeatureMatrix(ONE_DENSE, 3);
        FeatureMatrix items = new FeatureMatrix(ONE_DENSE, 3);
        return new TwoTowerData(users, items, new int[] {0, 1, 2}, new int[] {0, 1, 0});
    }

    private static float[] bias(TwoTowerOptions o) {
        PairBatches b = new PairBatches(tiny(), -1, o);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = b.inputs(m, null, 0, 3);
            assertEquals(new Shape(3, 1), in.get(0).getShape());
            return b.labels(m, null, 0, 3).head().toFloatArray();
        }
    }

    @Test
    void inBatchBiasRemovesAccidentalHitsAndSubtractsLogQ() {
        // rows 0 and 2 share item 0: each one's copy of it in the other's column is switched off
        assertArrayEquals(new float[] {0, 0, OFF, 0, 0, 0, OFF, 0, 0}, bias(TwoTowerOptions.defaults()
                .withLogQCorrection(false)));
        // q(item 0) = 2/3, q(item 1) = 1/3: -log q = 0.405465 and 1.098612 (columns hold items 0, 1, 0)
        float a = 0.405465f;
        float c = 1.098612f;
        assertArrayEquals(new float[] {a, c, OFF, a, c, a, OFF, c, a}, bias(TwoTowerOptions.defaults()
                .withLogQCorrection(true)), 1e-5f);
    }

    @Test
    void sampledBiasKeepsOnlyTheRowsOwnPositiveAndTheSharedNegatives() {
        TwoTowerOptions o = TwoTowerOptions.defaults().withObjective(TwoTowerObjective.SAMPLED).withNegatives(4)
                .withLogQCorrection(false);
        PairBatches b = new PairBatches(tiny(), -1, o);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = b.inputs(m, null, 0, 3);
            assertEquals(new Shape(7, 1), in.get(2).getShape(), "3 positives + 4 negatives");
            float[] bias = b.labels(m, null, 0, 3).head().toFloatArray();
            for (int r = 0; r < 3; r++) {
                for (int col = 0; col < 3; col++) {
                    assertEquals(col == r ? 0f : OFF, bias[r * 7 + col], "row " + r + ", in-batch column " + col);
                }
            }
            assertThrows(IllegalStateException.class, () -> b.labels(m, null, 0, 2));
        }
        // uniform over 3 items with 4 draws: expected count 4/3 for every item, log = 0.287682
        assertArrayEquals(new float[] {0.287682f, 0.287682f, 0.287682f}, b.logQ(), 1e-5f);
    }

    @Test
    void lossIsTheMeanSoftmaxCrossEntropyOfEachRowsOwnItem() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList uv = new NDList(m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2)),
                    m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2)));
            NDList zero = new NDList(m.zeros(new Shape(2, 2)));
            // logits [[1, 0], [0, 1]]: each row -log(e / (e + 1)) = log(1 + e^-1) = 0.313262
            assertEquals(0.313262f, TwoTowerLoss.softmax(uv, zero, 1.0).getFloat(), 1e-5f);
            // temperature 0.5 doubles the logits: log(1 + e^-2) = 0.126928
            assertEquals(0.126928f, TwoTowerLoss.softmax(uv, zero, 0.5).getFloat(), 1e-5f);
            // column 1 switched off for row 0: row 0 has only its own item, loss 0; mean (0 + 0.313262) / 2
            NDList off = new NDList(m.create(new float[] {0, OFF, 0, 0}, new Shape(2, 2)));
            assertEquals(0.156631f, TwoTowerLoss.softmax(uv, off, 1.0).getFloat(), 1e-5f);
        }
    }

    @Test
    void scorerServesTopKWithSeenFilteringAndPopularityFallback() {
        IdIndex users = IdIndex.of("u0", "u1");
        IdIndex items = IdIndex.of("a", "b", "c");
        // u0 = [1, 0]; u1 unknown; items a = [0.9, 0.1], b = [0.5, 0.5], c = [-1, 0]
        TwoTowerScorer s = new TwoTowerScorer(users, items, 2, new float[] {1, 0, 0, 1},
                new float[] {0.9f, 0.1f, 0.5f, 0.5f, -1, 0}, new boolean[] {true, false});
        float[] out = new float[3];
        s.scoreAll(0, out);
        assertArrayEquals(new float[] {0.9f, 0.5f, -1f}, out, 1e-6f);
        assertEquals(0.5f, s.score(1, 1), 1e-6f);
        Interactions train = Interactions.builder(users, items)
                .add("u0", "a", EventType.VIEW, 1L, 1f)
                .add("u1", "c", EventType.VIEW, 2L, 1f)
                .add("u1", "c", EventType.VIEW, 3L, 1f)
                .build();
        Recommender rec = new Recommender(s, UserItemMatrix.of(train, Weighting.counts()),
                Popularity.fit(train, Popularity.Options.defaults()));
        Recommendations r0 = rec.recommend("u0", 2);
        assertEquals(List.of("b", "c"), r0.itemIds(), "a was seen; then b (0.5) before c (-1)");
        assertEquals(Recommendations.Source.MODEL, r0.source());
        Recommendations r1 = rec.recommend("u1", 1);
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, r1.source());
        assertEquals(List.of("a"), r1.itemIds(), "c seen; a and b tie on popularity 1 and 0: a");
    }

    @Test
    void embeddingsAreUnitLengthWhenNormalisedAndUsersWithoutHistoryAreNotKnown() {
        // user 2 has x = 0 and no history: its tower output starts at exactly zero, where a plain L2 norm has an
        // infinite gradient (this test once caught NaN parameters from it)
        FeatureSchema userSchema = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
                new FeatureSpec.Sequence("history", 5, 3, ai.behavior.feature.Padding.LEFT)));
        FeatureMatrix users = new FeatureMatrix(userSchema, 3);
        users.denseBlock()[1] = 1f;
        users.sequenceIds(0)[2] = 3;      // user 0: one event
        users.sequenceMask(0)[2] = 1f;
        users.sequenceIds(0)[3 + 2] = 4;  // user 1: one event; user 2: none
        users.sequenceMask(0)[3 + 2] = 1f;
        FeatureMatrix items = new FeatureMatrix(new FeatureSchema(List.of(new FeatureSpec.Categorical("id", 4))), 3);
        items.categoricalBlock()[0] = 1;
        items.categoricalBlock()[1] = 2;
        items.categoricalBlock()[2] = 3;
        TwoTowerData data = new TwoTowerData(users, items, new int[] {0, 1, 2}, new int[] {0, 1, 2});
        TrainingOptions one = TrainingOptions.defaults().withEpochs(1);
        for (boolean normalize : new boolean[] {true, false}) {
            TwoTowerOptions o = TwoTowerOptions.defaults().withDim(3).withNormalize(normalize).withTraining(one);
            try (TwoTowerModel m = TwoTower.fit(data, null, SequenceEncoderFactory.meanPool(4), o)) {
                float[] v = m.embedItems(items);
                assertEquals(9, v.length);
                double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (normalize) {
                    assertEquals(1.0, norm, 1e-5);
                } else {
                    assertEquals(false, Math.abs(norm - 1) < 1e-3, "unnormalised norm " + norm);
                }
                TwoTowerScorer s = m.scorer(IdIndex.of("p", "q", "r"), users, IdIndex.of("a", "b", "c"), items);
                assertEquals(true, s.knowsUser(0));
                assertEquals(true, s.knowsUser(1));
                assertEquals(false, s.knowsUser(2));
                int live = m.liveArrays();
                m.embedUsers(users);
                assertEquals(live, m.liveArrays());
            }
        }
    }

    @Test
    void badDataIsRefused() {
        FeatureMatrix users = new FeatureMatrix(ONE_DENSE, 2);
        FeatureMatrix items = new FeatureMatrix(ONE_DENSE, 2);
        assertEquals("pair 1: item row 2 is not in [0, 2)", assertThrows(IllegalArgumentException.class,
                () -> new TwoTowerData(users, items, new int[] {0, 1}, new int[] {0, 2})).getMessage());
        assertEquals("the user rows have no sequence feature, so there is nothing for the encoder to encode",
                assertThrows(IllegalArgumentException.class, () -> TwoTower.fit(new TwoTowerData(users, items,
                        new int[] {0}, new int[] {1}), null, SequenceEncoderFactory.meanPool(2),
                        TwoTowerOptions.defaults())).getMessage());
        users.denseBlock()[1] = Float.POSITIVE_INFINITY;
        assertEquals("training users: dense feature 'x' is Infinity at row 1; inputs must be finite",
                assertThrows(IllegalArgumentException.class, () -> TwoTower.fit(new TwoTowerData(users, items,
                        new int[] {0}, new int[] {1}), null, null, TwoTowerOptions.defaults())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoTowerOptions.defaults().withTemperature(0));
    }
}
