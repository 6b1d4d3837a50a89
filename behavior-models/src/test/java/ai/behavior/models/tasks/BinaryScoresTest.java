package ai.behavior.models.tasks;

import ai.behavior.metric.RocAuc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weighted AUC and the paired user bootstrap behind the purchase task's intervals. */
class BinaryScoresTest {
    @Test
    void weightedAucCountsEachRowItsWeight() {
        int[] truth = {1, 0, 1, 0};
        double[] p = {0.9, 0.8, 0.4, 0.1};
        // unweighted: the positive at 0.9 beats both negatives, the one at 0.4 beats 0.1: 3 of 4 pairs
        assertEquals(0.75, BinaryScores.weightedAuc(truth, p, new double[] {1, 1, 1, 1}), 1e-12);
        // the negative at 0.8 counted twice: (1 * 3 + 1 * 1) / (2 positives * 3 negatives) = 4 / 6, the AUC of the
        // rows written out with that row twice
        assertEquals(4.0 / 6, BinaryScores.weightedAuc(truth, p, new double[] {1, 2, 1, 1}), 1e-12);
        assertEquals(RocAuc.of(new int[] {1, 0, 0, 1, 0}, new double[] {0.9, 0.8, 0.8, 0.4, 0.1}), 4.0 / 6, 1e-12);
        // a tie between a positive and a negative counts half
        assertEquals(0.5, BinaryScores.weightedAuc(new int[] {1, 0}, new double[] {0.5, 0.5}, new double[] {3, 1}),
                1e-12);
    }

    @Test
    void pairedDrawsGiveZeroDifferenceForTheSameModelAndBracketTheAuc() {
        int[] truth = new int[40];
        double[] p = new double[40];
        double[] q = new double[40];
        int[] user = new int[40];
        for (int i = 0; i < 40; i++) {
            truth[i] = i % 4 == 0 ? 1 : 0;
            p[i] = truth[i] + (i % 7) / 5.0;   // overlapping scores: AUC below 1
            q[i] = 1 - p[i];                  // the reverse ranking
            user[i] = i / 2;                  // two rows per user
        }
        double[][] draws = BinaryScores.bootstrapAucs(truth, new double[][] {p, p, q}, user, 200, 7);
        assertArrayEquals(draws[0], draws[1], 0, "the same predictions on the same draws");
        for (int b = 0; b < 200; b++) {
            assertEquals(1, draws[0][b] + draws[2][b], 1e-12, "a reversed ranking has AUC 1 - AUC");
        }
        double[] ci = BinaryScores.percentiles(draws[0].clone());
        double auc = BinaryScores.auc(truth, p);
        assertTrue(ci[0] <= auc && auc <= ci[1] && ci[0] < ci[1], auc + " in " + ci[0] + ".." + ci[1]);
    }
}
