package ai.behavior.recsys;

import ai.behavior.data.IdIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Serves top-K recommendations from any trained {@link ItemScorer}: excludes what each user has already
 * seen (by default), applies allow- and deny-lists, and falls back to popularity, saying so, for users the
 * model does not know. Immutable and safe for concurrent calls.
 *
 * <pre>{@code
 * Recommender rec = new Recommender(model, UserItemMatrix.of(train, Weighting.counts()), popularity);
 * List<String> top = rec.recommend("u42", 10).itemIds();
 * }</pre>
 *
 * <p>{@code k} must be positive; a {@code k} larger than the candidates left returns them all, best first.
 * {@link #recommendAll} works in user batches with a bounded heap per user, never a users x items matrix.
 *
 * <p>{@link #save} writes the whole serving bundle (scorer, seen items, fallback) to one folder, and
 * {@link #load} brings it back without the training log; see {@link RecommenderFiles}.
 */
public final class Recommender {
    private static final int BATCH = 256;

    private final ItemScorer model;
    private final UserItemMatrix seen;
    private final Popularity fallback;
    private final ThreadLocal<float[]> scratch;

    /**
     * @param model    the trained scorer
     * @param seen     what each user interacted with in training (rows are the model's users)
     * @param fallback popularity for users the model does not know
     */
    public Recommender(ItemScorer model, UserItemMatrix seen, Popularity fallback) {
        if (!seen.rowIds().sameIdsAs(model.users()) || !seen.colIds().sameIdsAs(model.items())) {
            throw new IllegalArgumentException("the seen-items matrix must have the model's user and item ids");
        }
        if (!fallback.items().sameIdsAs(model.items())) {
            throw new IllegalArgumentException("the fallback must have the model's item ids");
        }
        this.model = model;
        this.seen = seen;
        this.fallback = fallback;
        int numItems = model.items().size();
        this.scratch = ThreadLocal.withInitial(() -> new float[numItems]);
    }

    /** Top {@code k} for a user with the default options (seen items excluded). */
    public Recommendations recommend(String userId, int k) {
        return recommend(userId, k, RecommendOptions.defaults());
    }

    /** Top {@code k} for a user by external id; unknown users get the popularity fallback. */
    public Recommendations recommend(String userId, int k, RecommendOptions options) {
        requireK(k);
        BitSet excluded = listExclusions(options);
        int u = model.users().indexOf(userId);
        boolean known = u >= 0 && model.knowsUser(u);
        float[] scores = scratch.get();
        if (known) {
            model.scoreAll(u, scores);
        } else {
            fallback.scoreAll(0, scores);
        }
        if (u >= 0 && options.excludeSeen()) {
            addSeen(u, excluded);
        }
        int[] top = TopKSelector.select(scores, k, excluded);
        List<Recommendations.Item> items = new ArrayList<>(top.length);
        for (int i : top) {
            items.add(new Recommendations.Item(model.items().id(i), i, scores[i]));
        }
        String reason = known ? "" : u < 0 ? "user '" + userId + "' is not in the training data"
                : "user '" + userId + "' has no training interactions the model learned from";
        return new Recommendations(userId, items,
                known ? Recommendations.Source.MODEL : Recommendations.Source.POPULARITY_FALLBACK, reason);
    }

    /**
     * Top {@code k} item indices for user index {@code user} (the evaluators' fast path); unknown users get
     * the popularity ranking.
     */
    public int[] recommend(int user, int k, RecommendOptions options) {
        requireK(k);
        return recommend(user, k, options.excludeSeen(), listExclusions(options), scratch.get(), new BitSet());
    }

    /** Top {@code k} for every user of the model's index, on {@code threads} threads, in user order. */
    public int[][] recommendAll(int k, RecommendOptions options, int threads) {
        requireK(k);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        BitSet lists = listExclusions(options);
        int numUsers = model.users().size();
        int[][] out = new int[numUsers][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < numUsers; from += BATCH) {
                int start = from;
                int end = Math.min(numUsers, from + BATCH);
                batches.add(pool.submit(() -> {
                    float[] scores = new float[model.items().size()];
                    BitSet excluded = new BitSet();
                    for (int u = start; u < end; u++) {
                        out[u] = recommend(u, k, options.excludeSeen(), lists, scores, excluded);
                    }
                }));
            }
            for (Future<?> f : batches) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recommending", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("recommendAll failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    /** The model's score of a (user, item) pair by external ids; a user it does not know gets popularity. */
    public float score(String userId, String itemId) {
        int i = model.items().indexOf(itemId);
        if (i < 0) {
            throw new IllegalArgumentException("unknown item '" + itemId + "'");
        }
        int u = model.users().indexOf(userId);
        return u >= 0 && model.knowsUser(u) ? model.score(u, i) : fallback.score(0, i);
    }

    /** The model being served. */
    public ItemScorer model() {
        return model;
    }

    /** What each user interacted with in training (the seen-items filter). */
    public UserItemMatrix seen() {
        return seen;
    }

    /** The popularity ranking served to users the model does not know. */
    public Popularity fallback() {
        return fallback;
    }

    /**
     * Saves the serving bundle to {@code dir}: the scorer (one of {@link RecommenderFiles#knownTypes()}), the
     * seen-items matrix and the fallback. A scorer of another module needs
     * {@link RecommenderFiles#save(Recommender, Path, RecommenderFiles.Saver)}.
     */
    public void save(Path dir) throws IOException {
        RecommenderFiles.save(this, dir);
    }

    /**
     * Loads a bundle written by {@link #save}; the scorer's loader is chosen by the model type in its manifest
     * from {@link RecommenderFiles#knownTypes()}.
     *
     * @throws ai.behavior.modelfile.ModelFileException naming the file that is missing or corrupted, or the
     *                                                  unknown model type
     */
    public static Recommender load(Path dir) throws IOException {
        return RecommenderFiles.load(dir);
    }

    /**
     * Loads a bundle whose scorer may also be of {@code modelType}, read by {@code loader} (a model of another
     * module, e.g. {@code load(dir, "my-scorer", MyScorer::load)}).
     */
    public static Recommender load(Path dir, String modelType, RecommenderFiles.Loader loader) throws IOException {
        return RecommenderFiles.load(dir, modelType, loader);
    }

    private int[] recommend(int u, int k, boolean excludeSeen, BitSet lists, float[] scores, BitSet excluded) {
        if (u >= 0 && u < model.users().size() && model.knowsUser(u)) {
            model.scoreAll(u, scores);
        } else {
            fallback.scoreAll(0, scores);
        }
        excluded.clear();
        excluded.or(lists);
        if (excludeSeen && u >= 0 && u < seen.numRows()) {
            addSeen(u, excluded);
        }
        return TopKSelector.select(scores, k, excluded);
    }

    private void addSeen(int u, BitSet excluded) {
        for (int p = seen.rowStart(u); p < seen.rowEnd(u); p++) {
            excluded.set(seen.col(p));
        }
    }

    private BitSet listExclusions(RecommendOptions options) {
        IdIndex items = model.items();
        BitSet excluded = new BitSet(items.size());
        if (options.allowOnly() != null) {
            excluded.set(0, items.size());
            for (String id : options.allowOnly()) {
                excluded.clear(indexOf(items, id, "allow-list"));
            }
        }
        for (String id : options.deny()) {
            excluded.set(indexOf(items, id, "deny-list"));
        }
        return excluded;
    }

    private static int indexOf(IdIndex items, String id, String list) {
        int i = items.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("unknown item '" + id + "' in the " + list);
        }
        return i;
    }

    private static void requireK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
    }
}
