package ai.behavior.models.sequence;

import ai.behavior.metric.RankingAccumulator;
import ai.behavior.models.train.Inference;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Ranks each question's held-out item with a next-item network, over the whole catalogue or among given
 * candidates, into a {@link RankingAccumulator} (ties: the held-out item loses, see {@link TopItems}).
 */
final class RankingRun {
    private static final int BATCH = 256;

    private RankingRun() {
    }

    /**
     * Adds every question to {@code into}.
     *
     * @param rows       the questions' input rows ({@link SequenceBatches#lastEvents})
     * @param targets    held-out item code per row
     * @param candidates per row, the item codes to rank (held-out included), or null for the whole catalogue
     * @param ranks      receives per row the held-out item's 0-based position in the top {@code k}, -1 if absent
     */
    static void rank(Inference net, SequenceBatches rows, int[] targets, int[][] candidates, int numItems, int k,
                     RankingAccumulator into, int[] ranks) {
        int n = rows.size();
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            float[] scores;
            try (NDManager batch = net.newBatchManager()) {
                NDList out = net.forward(rows.inputs(batch, null, start, end));
                scores = out.get(1).matMul(out.get(2)).toFloatArray();
            }
            for (int r = start; r < end; r++) {
                int offset = (r - start) * numItems;
                int[] top = candidates == null ? TopItems.of(scores, offset, numItems, k, targets[r])
                        : TopItems.among(scores, offset, candidates[r], k, targets[r]);
                into.add(top, new int[] {targets[r]});
                ranks[r] = position(top, targets[r]);
            }
        }
    }

    /** The 0-based position of {@code item} in {@code top}, or -1. */
    static int position(int[] top, int item) {
        for (int i = 0; i < top.length; i++) {
            if (top[i] == item) {
                return i;
            }
        }
        return -1;
    }
}
