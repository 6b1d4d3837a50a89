package ai.behavior.recsys.als;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent work over row ranges on a fixed number of threads: chunks of {@code grain} rows are claimed
 * dynamically (rows differ a lot in cost), and each call knows which worker runs it so it can use that
 * worker's scratch buffers. Chunk boundaries depend only on {@code n} and {@code grain}, never on the thread
 * count, so per-chunk partial sums added in chunk order give the same result on any number of threads.
 *
 * <pre>{@code
 * try (ParallelRows pool = new ParallelRows(4)) {
 *     pool.forEach(numUsers, 16, (worker, from, to) -> solve(from, to, scratch[worker]));
 * }
 * }</pre>
 */
final class ParallelRows implements AutoCloseable {
    /** Work on rows {@code [from, to)} by worker {@code worker} ({@code 0 <= worker < threads}). */
    @FunctionalInterface
    interface Body {
        /** Processes rows {@code [from, to)}. */
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads} daemon threads (none when {@code threads == 1}: work runs on the caller). */
    ParallelRows(int threads, String name) {
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Number of workers. */
    int threads() {
        return threads;
    }

    /** Number of chunks {@link #forEach} cuts {@code n} rows into. */
    static int chunks(int n, int grain) {
        return (n + grain - 1) / grain;
    }

    /** Runs {@code body} over {@code [0, n)} in chunks of {@code grain} rows and waits for all of them. */
    void forEach(int n, int grain, Body body) {
        if (pool == null) {
            for (int from = 0; from < n; from += grain) {
                body.run(0, from, Math.min(n, from + grain));
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> tasks = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            tasks.add(pool.submit(() -> {
                for (int from; (from = next.getAndAdd(grain)) < n; ) {
                    body.run(worker, from, Math.min(n, from + grain));
                }
            }));
        }
        RuntimeException failure = null;
        for (Future<?> f : tasks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error err) {
                    throw err;
                }
                if (failure == null) {
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
