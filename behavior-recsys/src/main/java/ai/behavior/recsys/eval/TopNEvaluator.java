package ai.behavior.recsys.eval;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.data.UserHistories;
import ai.behavior.eval.CandidateMode;
import ai.behavior.eval.EvaluationProtocol;
import ai.behavior.metric.RankingAccumulator;
import ai.behavior.progress.Progress;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.RecommendOptions;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.TopKSelector;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Measures any {@link Recommender} on held-out interactions under an {@link EvaluationProtocol}: the top-N
 * evaluator every recommender of the SDK is compared with.
 *
 * <pre>{@code
 * EvaluationProtocol p = EvaluationProtocol.fullRanking(split.describe(), 10).withDataset("ml-100k");
 * TopNResult r = TopNEvaluator.evaluate(recommender, split.train(), split.test(), p, TopNEvaluator.Options.defaults());
 * }</pre>
 *
 * <p><b>Truth.</b> A user's relevant items are the distinct items of their test events that pass the
 * {@link TruthFilter} (default: every test event). Users with no relevant item (no test event, or none
 * passing the filter) are not evaluated; they are counted in {@code RankingResult.usersSkipped()}.
 *
 * <p><b>Candidates</b> ({@link EvaluationProtocol#candidates()}):
 * <ul>
 *   <li>{@link CandidateMode.Full}: the recommender's own top-{@code maxK} over the whole catalogue, with the
 *       protocol's seen-item filtering (the items of the user's row in the recommender's seen matrix are never
 *       ranked, so a test item the user had already seen in training is a sure miss) and the popularity
 *       fallback for users the model does not know.</li>
 *   <li>{@link CandidateMode.SampledUniform}{@code (n)} and {@link CandidateMode.SampledByPopularity}{@code (n)}:
 *       RecBole's {@code uniN} / {@code popN} convention, "each positive item is paired with N sampled
 *       negative items" (RecBole user guide, "Training &amp; Evaluation Introduction"), so {@code n} is
 *       <em>per held-out
 *       item</em>: a user with {@code t} relevant items is ranked over those {@code t} items plus
 *       {@code n * t} distinct negatives, drawn from the items the user never interacted with in train or
 *       test (test events that fail the truth filter included). By popularity, an item's weight is its
 *       number of training events, and items without any are never drawn. Only the candidates are scored
 *       (with {@link Recommender#score}), ties broken by the lower item index. With seen-item filtering, a
 *       relevant item the user has a training event of (any type) is dropped from the candidates, as in full
 *       ranking; here "seen" comes from {@code train}, not from the recommender, whose seen matrix is
 *       normally built from it. A user with fewer eligible negatives than {@code n * t} gets them all and is
 *       counted in {@link TopNResult#usersShortOfNegatives()}. Each user's draws come from a random stream
 *       seeded by the protocol's seed and the user index, so results do not depend on threads or order.</li>
 * </ul>
 * Pointwise protocols rank nothing and are refused.
 *
 * <p>Users are evaluated on {@link Options#threads()} threads in fixed blocks whose metric sums are merged in
 * block order, so the numbers are identical for any thread count.
 */
public final class TopNEvaluator {
    private static final int BLOCK = 128;

    private TopNEvaluator() {
    }

    /**
     * Options of an evaluation.
     *
     * @param truth    which test events make an item relevant (default {@link TruthFilter#all()})
     * @param threads  threads evaluating users, {@code > 0} (default: available processors)
     * @param progress receives progress over users (default quiet)
     */
    public record Options(TruthFilter truth, int threads, ProgressListener progress) {
        /** Validates the options. */
        public Options {
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(progress, "progress");
            if (threads <= 0) {
                throw new IllegalArgumentException("threads must be > 0, got " + threads);
            }
        }

        /** Every test event is relevant; all cores; quiet. */
        public static Options defaults() {
            return new Options(TruthFilter.all(), Runtime.getRuntime().availableProcessors(),
                    ProgressListener.quiet());
        }

        /** A copy with another truth filter. */
        public Options withTruth(TruthFilter value) {
            return new Options(value, threads, progress);
        }

        /** A copy evaluating on {@code value} threads. */
        public Options withThreads(int value) {
            return new Options(truth, value, progress);
        }

        /** A copy reporting progress to {@code value}. */
        public Options withProgress(ProgressListener value) {
            return new Options(truth, threads, value);
        }
    }

    /**
     * Evaluates {@code recommender} on {@code test}.
     *
     * @param recommender the model being measured, with its seen items and fallback
     * @param train       the training part (for the items each user interacted with, and popularity sampling)
     * @param test        the held-out part
     * @param protocol    candidates, seen-item filtering, K values and seed
     * @param options     truth filter, threads and progress
     * @throws IllegalArgumentException if the protocol is pointwise, or train, test and the model do not share
     *                                  their user and item indices
     */
    public static TopNResult evaluate(Recommender recommender, Interactions train, Interactions test,
                                      EvaluationProtocol protocol, Options options) {
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(options, "options");
        ItemScorer model = recommender.model();
        if (protocol.candidates() instanceof CandidateMode.Pointwise) {
            throw new IllegalArgumentException("a pointwise protocol ranks nothing: use a full or sampled candidate"
                    + " mode for top-N evaluation");
        }
        requireSameIndices(model, train, "train");
        requireSameIndices(model, test, "test");
        long started = System.nanoTime();
        Run run = new Run(recommender, train, test, protocol, options);
        int numUsers = model.users().size();
        int blocks = (numUsers + BLOCK - 1) / BLOCK;
        BlockResult[] results = new BlockResult[blocks];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, blocks)));
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int b = 0; b < blocks; b++) {
                int block = b;
                done.submit(() -> {
                    results[block] = run.block(block * BLOCK, Math.min(numUsers, (block + 1) * BLOCK));
                    return Math.min(numUsers, (block + 1) * BLOCK) - block * BLOCK;
                });
            }
            long users = 0;
            int lastPercent = -1;
            for (int b = 0; b < blocks; b++) {
                users += done.take().get();
                int percent = (int) (users * 100 / numUsers);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    options.progress().update(new Progress("top-n evaluation", users, numUsers, Map.of(),
                            (System.nanoTime() - started) / 1e9));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        RankingAccumulator total = new RankingAccumulator(model.items().size(), protocol.ksArray());
        long fallback = 0;
        long shortOfNegatives = 0;
        for (BlockResult r : results) {
            total.merge(r.accumulator());
            fallback += r.fallback();
            shortOfNegatives += r.shortOfNegatives();
        }
        return new TopNResult(protocol, options.truth().describe(), total.result(), fallback, shortOfNegatives,
                (System.nanoTime() - started) / 1e9);
    }

    private static void requireSameIndices(ItemScorer model, Interactions part, String name) {
        Objects.requireNonNull(part, name);
        if (part.users() != model.users() || part.items() != model.items()) {
            throw new IllegalArgumentException("the " + name + " part must share the model's user and item indices"
                    + " (split one log, and fit the model on its train part)");
        }
    }

    private record BlockResult(RankingAccumulator accumulator, long fallback, long shortOfNegatives) {
    }

    /** The per-evaluation state shared (read-only) by the worker threads. */
    private static final class Run {
        private final Recommender recommender;
        private final ItemScorer model;
        private final EvaluationProtocol protocol;
        private final int[] ks;
        private final int maxK;
        private final int numItems;
        private final int[] truthOffsets;
        private final int[] truthItems;
        private final UserItemMatrix trainItems;
        private final UserItemMatrix testItems;
        private final NegativeSampler sampler; // null in full ranking
        private final int perItem;
        private final RecommendOptions fullOptions;

        Run(Recommender recommender, Interactions train, Interactions test, EvaluationProtocol protocol,
            Options options) {
            this.recommender = recommender;
            this.model = recommender.model();
            this.protocol = protocol;
            this.ks = protocol.ksArray();
            this.maxK = Arrays.stream(ks).max().orElseThrow();
            this.numItems = model.items().size();
            int numUsers = model.users().size();
            truthOffsets = new int[numUsers + 1];
            List<int[]> rows = new ArrayList<>(numUsers);
            UserHistories h = test.byUser();
            int total = 0;
            for (int u = 0; u < numUsers; u++) {
                int[] items = new int[h.count(u)];
                int n = 0;
                for (int p = h.start(u); p < h.end(u); p++) {
                    int row = h.row(p);
                    if (options.truth().keep(test, row)) {
                        items[n++] = test.item(row);
                    }
                }
                int[] distinct = Arrays.stream(items, 0, n).sorted().distinct().toArray();
                rows.add(distinct);
                total += distinct.length;
                truthOffsets[u + 1] = total;
            }
            truthItems = new int[total];
            for (int u = 0; u < numUsers; u++) {
                System.arraycopy(rows.get(u), 0, truthItems, truthOffsets[u], rows.get(u).length);
            }
            trainItems = UserItemMatrix.of(train, Weighting.counts());
            CandidateMode mode = protocol.candidates();
            if (mode instanceof CandidateMode.SampledUniform s) {
                testItems = UserItemMatrix.of(test, Weighting.counts());
                sampler = NegativeSampler.uniform(numItems);
                perItem = s.n();
            } else if (mode instanceof CandidateMode.SampledByPopularity s) {
                testItems = UserItemMatrix.of(test, Weighting.counts());
                double[] weights = new double[numItems];
                for (int r = 0; r < train.size(); r++) {
                    weights[train.item(r)]++;
                }
                sampler = NegativeSampler.weighted(weights);
                perItem = s.n();
            } else {
                testItems = null;
                sampler = null;
                perItem = 0;
            }
            fullOptions = RecommendOptions.defaults().withExcludeSeen(protocol.excludeSeen());
        }

        BlockResult block(int from, int to) {
            RankingAccumulator acc = new RankingAccumulator(numItems, ks);
            BitSet chosen = new BitSet(numItems);
            long fallback = 0;
            long shortOfNegatives = 0;
            int[] none = new int[0];
            for (int u = from; u < to; u++) {
                int[] truth = Arrays.copyOfRange(truthItems, truthOffsets[u], truthOffsets[u + 1]);
                if (truth.length == 0) {
                    acc.add(none, none); // counted as skipped
                    continue;
                }
                if (!model.knowsUser(u)) {
                    fallback++;
                }
                int[] ranked;
                if (sampler == null) {
                    ranked = recommender.recommend(u, maxK, fullOptions);
                } else {
                    int[] interacted = union(trainItems, testItems, u);
                    long wanted = (long) perItem * truth.length;
                    int[] negatives = sampler.sample((int) Math.min(Integer.MAX_VALUE, wanted), interacted,
                            new SplittableRandom(seedOf(protocol.seed(), u)), chosen);
                    if (negatives.length < wanted) {
                        shortOfNegatives++;
                    }
                    ranked = rankCandidates(u, truth, negatives);
                }
                acc.add(ranked, truth);
            }
            return new BlockResult(acc, fallback, shortOfNegatives);
        }

        private int[] rankCandidates(int u, int[] truth, int[] negatives) {
            int[] candidates = new int[truth.length + negatives.length];
            int n = 0;
            for (int i : truth) {
                if (!protocol.excludeSeen() || !trainItems.contains(u, i)) {
                    candidates[n++] = i;
                }
            }
            System.arraycopy(negatives, 0, candidates, n, negatives.length);
            n += negatives.length;
            if (n == 0) {
                return new int[0];
            }
            candidates = Arrays.copyOf(candidates, n);
            Arrays.sort(candidates); // so that ties go to the lower item index
            IdIndex items = model.items();
            String userId = model.users().id(u);
            float[] scores = new float[n];
            for (int c = 0; c < n; c++) {
                scores[c] = recommender.score(userId, items.id(candidates[c]));
            }
            int[] top = TopKSelector.select(scores, maxK, null);
            for (int t = 0; t < top.length; t++) {
                top[t] = candidates[top[t]];
            }
            return top;
        }

        private static int[] union(UserItemMatrix a, UserItemMatrix b, int u) {
            int[] out = new int[a.rowLength(u) + b.rowLength(u)];
            int p = a.rowStart(u);
            int q = b.rowStart(u);
            int n = 0;
            while (p < a.rowEnd(u) || q < b.rowEnd(u)) {
                int x = p < a.rowEnd(u) ? a.col(p) : Integer.MAX_VALUE;
                int y = q < b.rowEnd(u) ? b.col(q) : Integer.MAX_VALUE;
                out[n++] = Math.min(x, y);
                if (x <= y) {
                    p++;
                }
                if (y <= x) {
                    q++;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** A well-mixed seed for user {@code u}'s random stream (SplitMix64's finaliser). */
    static long seedOf(long seed, int u) {
        long z = seed + 0x9E3779B97F4A7C15L * (u + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
