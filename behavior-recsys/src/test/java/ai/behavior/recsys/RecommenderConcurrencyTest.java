package ai.behavior.recsys;

import ai.behavior.data.Interactions;
import ai.behavior.recsys.knn.ItemKnn;
import ai.behavior.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads share one {@link Recommender} (over an {@link ItemKnn} model, and over {@link Popularity})
 * and every answer must equal the single-threaded one: by id, by index, with several options, with unknown
 * users, and with {@code recommendAll} running at the same time.
 */
class RecommenderConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 3;
    private static final int K = 10;

    private record Query(String userId, int userIndex, RecommendOptions options) {
    }

    @Test
    void eightThreadsGetTheSingleThreadedAnswers() throws Exception {
        Interactions log = SyntheticShop.generate(SyntheticShop.Options.defaults().withUsers(250).withItems(300)
                .withSeed(21)).interactions();
        ItemKnn knn = ItemKnn.fit(log, ItemKnn.Options.defaults().withNeighbours(40).withThreads(2));
        check(log, knn.recommender());
        check(log, new Recommender(Popularity.fit(log, Popularity.Options.defaults()),
                UserItemMatrix.of(log, Weighting.counts()), Popularity.fit(log, Popularity.Options.defaults())));
    }

    private static void check(Interactions log, Recommender rec) throws Exception {
        List<RecommendOptions> options = List.of(RecommendOptions.defaults(),
                RecommendOptions.defaults().withExcludeSeen(false),
                RecommendOptions.defaults().withDeny(Set.of(log.items().id(0), log.items().id(5))),
                RecommendOptions.defaults().withAllowOnly(Set.of(log.items().ids()).stream().limit(60)
                        .collect(java.util.stream.Collectors.toSet())));
        List<Query> queries = new ArrayList<>();
        for (int u = 0; u < log.numUsers(); u++) {
            for (RecommendOptions o : options) {
                queries.add(new Query(log.users().id(u), u, o));
            }
        }
        for (int s = 0; s < 10; s++) {
            queries.add(new Query("stranger-" + s, -1, options.get(s % options.size())));
        }
        List<Recommendations> byId = new ArrayList<>();
        List<int[]> byIndex = new ArrayList<>();
        for (Query q : queries) {
            byId.add(rec.recommend(q.userId(), K, q.options()));
            byIndex.add(q.userIndex() >= 0 ? rec.recommend(q.userIndex(), K, q.options()) : null);
        }
        int[][] all = rec.recommendAll(K, RecommendOptions.defaults(), 1);

        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int n = 0; n < queries.size(); n++) {
                        order.add(n);
                    }
                    Random random = new Random(thread);
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(order, random);
                        if (thread < 2 && round == 1) { // the batch path runs beside the single calls
                            int[][] again = rec.recommendAll(K, RecommendOptions.defaults(), 2);
                            if (!Arrays.deepEquals(all, again)) {
                                mismatches.add("recommendAll on thread " + thread);
                            }
                        }
                        for (int n : order) {
                            Query q = queries.get(n);
                            Recommendations r = rec.recommend(q.userId(), K, q.options());
                            if (!r.equals(byId.get(n))) {
                                mismatches.add("by id " + q + ": " + r + " != " + byId.get(n));
                            }
                            if (q.userIndex() >= 0) {
                                int[] top = rec.recommend(q.userIndex(), K, q.options());
                                if (!Arrays.equals(top, byIndex.get(n))) {
                                    mismatches.add("by index " + q + ": " + Arrays.toString(top));
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: " + mismatches.peek());
        assertEquals(Recommendations.Source.POPULARITY_FALLBACK, byId.get(byId.size() - 1).source());
    }
}
