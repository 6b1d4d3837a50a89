package ai.behavior.recsys;

import java.util.BitSet;

/**
 * The {@code k} highest scores among the allowed items, best first, with a bounded heap: O(n log k), never a
 * sort of the catalogue. Ties go to the lower item index, so results are reproducible.
 *
 * <pre>{@code
 * int[] top = TopKSelector.select(scores, 10, seenItems);   // seen items excluded
 * }</pre>
 */
public final class TopKSelector {
    private TopKSelector() {
    }

    /**
     * The best {@code k} items by {@code scores} that are not in {@code excluded} (may be null); fewer when
     * fewer are allowed. NaN scores are never selected.
     */
    public static int[] select(float[] scores, int k, BitSet excluded) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        int[] heap = new int[Math.min(k, scores.length)];
        int cap = heap.length;
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s != s || (excluded != null && excluded.get(i))) {
                continue;
            }
            if (size < cap) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (cap > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] out = new int[size];
        for (int n = size - 1; n >= 0; n--) { // pop the worst first
            out[n] = heap[0];
            heap[0] = heap[n];
            siftDown(heap, n, scores);
        }
        return out;
    }

    private static boolean better(int a, int b, float[] s) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(h[parent], h[i], s)) {
                return;
            }
            int t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l + 1 < size && better(h[l], h[l + 1], s) ? l + 1 : l;
            if (!better(h[i], h[worst], s)) {
                return;
            }
            int t = h[i];
            h[i] = h[worst];
            h[worst] = t;
            i = worst;
        }
    }
}
