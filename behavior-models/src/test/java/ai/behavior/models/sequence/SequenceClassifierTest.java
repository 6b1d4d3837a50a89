package ai.behavior.models.sequence;

import ai.behavior.data.EventType;
import ai.behavior.data.IdIndex;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.train.TrainingOptions;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceClassifierTest {
    private static final IdIndex ITEMS;

    static {
        String[] ids = new String[20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "i" + i;
        }
        ITEMS = IdIndex.of(ids);
    }

    /** Sequences of 2 to 10 random items and types; {@code labels[r]} = 1 when item 0 occurs (about 30 %). */
    static EventSequences planted(int n, long seed, double[] labels) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] items = new int[n][];
        int[][] types = new int[n][];
        double[][] gaps = new double[n][];
        for (int s = 0; s < n; s++) {
            int len = 2 + r.nextInt(9);
            items[s] = new int[len];
            types[s] = new int[len];
            gaps[s] = new double[len];
            for (int p = 0; p < len; p++) {
                items[s][p] = r.nextInt(20);
                types[s][p] = (r.nextDouble() < 0.8 ? EventType.VIEW : EventType.CART).ordinal();
                gaps[s][p] = r.nextInt(3_600);
                labels[s] = items[s][p] == 0 ? 1 : labels[s];
            }
        }
        return new EventSequences(items, ITEMS, types, gaps, null, null);
    }

    static SequenceOptions quick(SequenceOptions o) {
        return o.withDim(16).withMaxLength(10).withDropout(0.1).withTraining(TrainingOptions.defaults()
                .withEpochs(15).withBatchSize(64).withLearningRate(5e-3).withSeed(3));
    }

    @Test
    void learnsWhetherASequenceHoldsAnItem() {
        double[] y = new double[1_500];
        double[] vy = new double[300];
        double[] ty = new double[300];
        EventSequences train = planted(1_500, 1, y);
        EventSequences valid = planted(300, 2, vy);
        EventSequences test = planted(300, 3, ty);
        for (SequenceOptions o : new SequenceOptions[] {SequenceOptions.gru().withFeatures(EventFeature.TYPE),
                SequenceOptions.transformer().withHeads(2).withFfn(32)}) {
            try (SequenceModel m = SequenceClassifier.fit(train, y, valid, vy, quick(o))) {
                assertEquals(SequenceTask.CLASSIFICATION, m.task());
                double[] p = m.predict(test);
                int[] truth = new int[ty.length];
                for (int i = 0; i < p.length; i++) {
                    assertTrue(p[i] > 0 && p[i] < 1);
                    truth[i] = (int) ty[i];
                }
                // the label is a deterministic function of the sequence, so a model that learned it ranks every
                // positive above every negative (AUC 1); a model that learned nothing gets about 0.5
                double auc = RocAuc.of(truth, p);
                assertTrue(auc > 0.9, o.encoder() + ": test AUC " + auc);
                assertTrue(m.training().orElseThrow().metricName().equals("val_auc"));
                assertThrows(IllegalStateException.class, () -> m.scores(test));
                assertEquals(16, m.encode(test.select(new int[] {0}))[0].length);
            }
        }
    }

    @Test
    void badLabelsAreRefused() {
        double[] y = new double[50];
        EventSequences s = planted(50, 4, y);
        SequenceOptions o = quick(SequenceOptions.gru());
        double[] two = y.clone();
        two[7] = 2;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.fit(s, two, null, null, o))
                .getMessage().contains("training label 7 is 2.0"));
        double[] nan = y.clone();
        nan[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.fit(s, nan, null, null, o));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.fit(s, new double[3], null,
                null, o)).getMessage().contains("3 labels for 50 sequences"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.fit(s, y, s,
                new double[50], o)).getMessage().contains("AUC needs both classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SequenceClassifier.fit(s, y, null, null,
                o.withFeatures(EventFeature.CATEGORY))).getMessage().contains("have none"));
    }
}
