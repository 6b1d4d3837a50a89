package ai.behavior.recsys.knn;

import ai.behavior.progress.Progress;
import ai.behavior.progress.ProgressListener;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes every item's top-k neighbours, sparsely: for item {@code i}, the dot products with all items
 * that share a user with it are accumulated through those users' rows, so the cost is
 * {@code sum over users of (items per user)^2} and memory is one accumulator of the catalogue's length per
 * thread, never an items x items matrix. Items are independent, so the result does not depend on the number
 * of threads.
 */
final class Neighbourhoods {
    private static final int BLOCK = 32;

    private Neighbourhoods() {
    }

    /**
     * The neighbours of every item (items x items, columns ascending, values the similarities).
     *
     * @param weighted the re-weighted users x items matrix
     */
    static Csr compute(Csr weighted, int numItems, int neighbours, Similarity similarity, float shrink,
                       int threads, ProgressListener progress) {
        Csr byItem = weighted.transpose(numItems);
        double[] norms = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            double s = 0;
            for (int p = byItem.start(i); p < byItem.end(i); p++) {
                s += (double) byItem.values()[p] * byItem.values()[p];
            }
            norms[i] = Math.sqrt(s);
        }
        int[][] nbrItems = new int[numItems][];
        float[][] nbrSims = new float[numItems][];
        int blocks = (numItems + BLOCK - 1) / BLOCK;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, blocks)));
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(numItems));
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int b = 0; b < blocks; b++) {
                int from = b * BLOCK;
                int to = Math.min(numItems, from + BLOCK);
                done.submit(() -> {
                    Worker w = workers.get();
                    for (int i = from; i < to; i++) {
                        w.neighboursOf(i, weighted, byItem, norms, neighbours, similarity, shrink, nbrItems,
                                nbrSims);
                    }
                    return to - from;
                });
            }
            long items = 0;
            int lastPercent = -1;
            for (int b = 0; b < blocks; b++) {
                items += done.take().get();
                int percent = (int) (items * 100 / numItems);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    progress.update(new Progress("item-knn similarities", items, numItems, Map.of(),
                            (System.nanoTime() - started) / 1e9));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing item similarities", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("item similarity computation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int[] offsets = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            offsets[i + 1] = offsets[i] + nbrItems[i].length;
        }
        int[] cols = new int[offsets[numItems]];
        float[] sims = new float[cols.length];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(nbrItems[i], 0, cols, offsets[i], nbrItems[i].length);
            System.arraycopy(nbrSims[i], 0, sims, offsets[i], nbrSims[i].length);
        }
        return new Csr(offsets, cols, sims);
    }

    /** One thread's scratch space: dot-product accumulators and the list of items they touched. */
    private static final class Worker {
        private final double[] dot;
        private final int[] stamp;
        private final int[] touched;
        private final float[] sim;
        private final int[] heap;

        Worker(int numItems) {
            dot = new double[numItems];
            stamp = new int[numItems];
            touched = new int[numItems];
            sim = new float[numItems];
            heap = new int[numItems];
        }

        void neighboursOf(int i, Csr weighted, Csr byItem, double[] norms, int k, Similarity similarity,
                          float shrink, int[][] nbrItems, float[][] nbrSims) {
            int mark = i + 1;
            int n = 0;
            for (int p = byItem.start(i); p < byItem.end(i); p++) {
                double wi = byItem.values()[p];
                if (wi == 0) {
                    continue;
                }
                int u = byItem.cols()[p];
                for (int q = weighted.start(u); q < weighted.end(u); q++) {
                    int j = weighted.cols()[q];
                    if (j == i) {
                        continue;
                    }
                    if (stamp[j] != mark) {
                        stamp[j] = mark;
                        dot[j] = 0;
                        touched[n++] = j;
                    }
                    dot[j] += wi * weighted.values()[q];
                }
            }
            int size = 0;
            for (int t = 0; t < n; t++) {
                int j = touched[t];
                double s = similarity == Similarity.COSINE ? dot[j] / (norms[i] * norms[j] + shrink) : dot[j];
                float f = (float) s;
                if (!(f > 0) || Float.isInfinite(f)) {
                    continue; // only positive similarities make useful neighbours
                }
                sim[j] = f;
                if (size < k) {
                    heap[size] = j;
                    siftUp(size++);
                } else if (better(j, heap[0])) {
                    heap[0] = j;
                    siftDown(size);
                }
            }
            int[] items = Arrays.copyOf(heap, size);
            Arrays.sort(items);
            float[] sims = new float[size];
            for (int t = 0; t < size; t++) {
                sims[t] = sim[items[t]];
            }
            nbrItems[i] = items;
            nbrSims[i] = sims;
        }

        /** Higher similarity first, ties to the lower item index. */
        private boolean better(int a, int b) {
            return sim[a] > sim[b] || (sim[a] == sim[b] && a < b);
        }

        private void siftUp(int at) { // the heap keeps its worst element on top
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!better(heap[parent], heap[at])) {
                    return;
                }
                swap(parent, at);
                at = parent;
            }
        }

        private void siftDown(int size) {
            int at = 0;
            while (true) {
                int l = 2 * at + 1;
                if (l >= size) {
                    return;
                }
                int worst = l + 1 < size && better(heap[l], heap[l + 1]) ? l + 1 : l;
                if (!better(heap[at], heap[worst])) {
                    return;
                }
                swap(at, worst);
                at = worst;
            }
        }

        private void swap(int a, int b) {
            int t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }
    }
}
