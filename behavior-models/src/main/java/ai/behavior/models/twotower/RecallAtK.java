package ai.behavior.models.twotower;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Recall@K of embeddings against positive pairs, the two-tower model's validation metric: for each user with a
 * positive, the share of its distinct positive items among the {@code k} items of highest dot product (all
 * items ranked, nothing excluded), averaged over those users.
 */
final class RecallAtK {
    private RecallAtK() {
    }

    /**
     * Mean recall; {@code userVectors} row {@code u} belongs to user row {@code users[u]} of the pairs, and
     * {@code pairUsers} / {@code pairItems} hold the positive pairs.
     */
    static double of(float[] userVectors, int[] users, float[] itemVectors, int dim, int[] pairUsers,
                     int[] pairItems, int k) {
        int numItems = itemVectors.length / dim;
        int maxUser = 0;
        for (int u : users) {
            maxUser = Math.max(maxUser, u);
        }
        int[] slot = new int[maxUser + 1];
        Arrays.fill(slot, -1);
        for (int s = 0; s < users.length; s++) {
            slot[users[s]] = s;
        }
        BitSet[] truth = new BitSet[users.length];
        for (int p = 0; p < pairUsers.length; p++) {
            int s = slot[pairUsers[p]];
            if (truth[s] == null) {
                truth[s] = new BitSet(numItems);
            }
            truth[s].set(pairItems[p]);
        }
        float[] scores = new float[numItems];
        double sum = 0;
        int counted = 0;
        for (int s = 0; s < users.length; s++) {
            if (truth[s] == null) {
                continue;
            }
            int ub = s * dim;
            for (int i = 0, ib = 0; i < numItems; i++, ib += dim) {
                float v = 0;
                for (int d = 0; d < dim; d++) {
                    v += userVectors[ub + d] * itemVectors[ib + d];
                }
                scores[i] = v;
            }
            int[] top = ai.behavior.recsys.TopKSelector.select(scores, k, new BitSet());
            int hits = 0;
            for (int i : top) {
                hits += truth[s].get(i) ? 1 : 0;
            }
            sum += (double) hits / truth[s].cardinality();
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
