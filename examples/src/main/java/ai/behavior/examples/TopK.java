package ai.behavior.examples;

import java.util.function.IntPredicate;

/**
 * The {@code k} highest-scoring items among the allowed ones, best first, with a bounded min-heap (never a
 * sort of the whole catalogue). Ties go to the lower item index, so results are reproducible.
 *
 * <pre>{@code
 * int[] top10 = TopK.select(scores, 10, item -> !seen.get(item));
 * }</pre>
 */
final class TopK {
    private TopK() {
    }

    /** Indices of the {@code k} best {@code scores} whose index passes {@code allowed}, best first. */
    static int[] select(double[] scores, int k, IntPredicate allowed) {
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!allowed.test(i)) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (better(i, heap[0], scores)) {
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

    private static boolean better(int a, int b, double[] s) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(int[] h, int i, double[] s) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(h[parent], h[i], s)) {
                break;
            }
            int t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int size, double[] s) {
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
