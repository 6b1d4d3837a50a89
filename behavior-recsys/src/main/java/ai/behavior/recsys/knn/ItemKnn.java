package ai.behavior.recsys.knn;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.progress.ProgressListener;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.Popularity;
import ai.behavior.recsys.Recommender;
import ai.behavior.recsys.UserItemMatrix;
import ai.behavior.recsys.Weighting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Item-based k-nearest-neighbour recommender: items are similar when the same users touched them, and a user
 * is recommended the items most similar to what they already have. Immutable and safe for concurrent use.
 *
 * <pre>{@code
 * ItemKnn model = ItemKnn.fit(train, ItemKnn.Options.defaults().withNeighbours(50).withShrink(10));
 * List<String> top = model.recommender().recommend("u42", 10).itemIds();
 * }</pre>
 *
 * <p><b>Training.</b> The log becomes a users x items matrix {@code x(u,i)} under the options'
 * {@link Weighting} (default: each event counts 1, a pair's events add up); it is re-weighted into
 * {@code w(u,i)} by {@link Reweighting} (none, TF-IDF or BM25); each item keeps its {@code neighbours}
 * most similar other items by {@link Similarity} (default the shrunk cosine
 * {@code sim(i,j) = sum_u w(u,i) w(u,j) / (|i| |j| + shrink)}), ties to the lower item index. Only positive
 * similarities are kept and an item is never its own neighbour, so an item nobody touched has no neighbours
 * and is nobody's neighbour. The computation is sparse (co-occurrences accumulated through each item's users,
 * never an items x items matrix) and multithreaded; its result does not depend on the thread count.
 *
 * <p><b>Scoring.</b> {@code score(u,i) = sum over the user's items j of x(u,j) * s_j(i)}, where
 * {@code s_j(i)} is the similarity of {@code i} if it is among {@code j}'s kept neighbours, else 0 (the
 * "neighbours of what you have" rule of Deshpande and Karypis, and of {@code implicit}). The user's values are
 * the un-re-weighted {@code x(u,j)}. A user with no training pair is not known ({@link #knowsUser}); the
 * {@link #recommender()} serves them the popularity fallback.
 *
 * <p><b>Saving.</b> {@link #save(Path)} writes a model folder (type {@code item-knn}, version 1) with the
 * id indices, the users' training rows, the neighbour lists and the fallback popularity; {@link #load(Path)}
 * reads it back with every check of {@link ai.behavior.modelfile.ModelReader} plus shape and range checks.
 */
public final class ItemKnn implements ItemScorer {
    /** The model type in a saved folder's manifest. */
    public static final String MODEL_TYPE = ItemKnnFiles.TYPE;
    private final Options options;
    private final IdIndex users;
    private final IdIndex items;
    private final UserItemMatrix seen;
    private final Csr neighbours;
    private final Popularity fallback;

    ItemKnn(Options options, IdIndex users, IdIndex items, UserItemMatrix seen, Csr neighbours,
            Popularity fallback) {
        this.options = options;
        this.users = users;
        this.items = items;
        this.seen = seen;
        this.neighbours = neighbours;
        this.fallback = fallback;
    }

    /**
     * Options of {@link ItemKnn}.
     *
     * @param neighbours  neighbours kept per item, {@code > 0} (default 100)
     * @param shrink      cosine shrinkage, finite and {@code >= 0} (default 0; ignored by
     *                    {@link Similarity#DOT_PRODUCT})
     * @param reweighting how the matrix is re-weighted before similarities (default none)
     * @param similarity  cosine or dot product (default cosine)
     * @param weighting   how events become the matrix values (default {@link Weighting#counts()})
     * @param threads     threads computing similarities, {@code > 0} (default: available processors)
     * @param progress    receives progress of the similarity computation (default quiet)
     */
    public record Options(int neighbours, float shrink, Reweighting reweighting, Similarity similarity,
                          Weighting weighting, int threads, ProgressListener progress) {
        /** Validates the options. */
        public Options {
            if (neighbours <= 0) {
                throw new IllegalArgumentException("neighbours must be > 0, got " + neighbours);
            }
            if (!Float.isFinite(shrink) || shrink < 0) {
                throw new IllegalArgumentException("shrink must be finite and >= 0, got " + shrink);
            }
            Objects.requireNonNull(reweighting, "reweighting");
            Objects.requireNonNull(similarity, "similarity");
            Objects.requireNonNull(weighting, "weighting");
            Objects.requireNonNull(progress, "progress");
            if (threads <= 0) {
                throw new IllegalArgumentException("threads must be > 0, got " + threads);
            }
        }

        /** 100 neighbours, no shrinkage, no re-weighting, cosine, event counts, all cores, quiet. */
        public static Options defaults() {
            return new Options(100, 0f, Reweighting.none(), Similarity.COSINE, Weighting.counts(),
                    Runtime.getRuntime().availableProcessors(), ProgressListener.quiet());
        }

        /** A copy keeping {@code value} neighbours per item. */
        public Options withNeighbours(int value) {
            return new Options(value, shrink, reweighting, similarity, weighting, threads, progress);
        }

        /** A copy with cosine shrinkage {@code value}. */
        public Options withShrink(float value) {
            return new Options(neighbours, value, reweighting, similarity, weighting, threads, progress);
        }

        /** A copy with another re-weighting. */
        public Options withReweighting(Reweighting value) {
            return new Options(neighbours, shrink, value, similarity, weighting, threads, progress);
        }

        /** A copy with another similarity. */
        public Options withSimilarity(Similarity value) {
            return new Options(neighbours, shrink, reweighting, value, weighting, threads, progress);
        }

        /** A copy with another event weighting. */
        public Options withWeighting(Weighting value) {
            return new Options(neighbours, shrink, reweighting, similarity, value, threads, progress);
        }

        /** A copy computing on {@code value} threads. */
        public Options withThreads(int value) {
            return new Options(neighbours, shrink, reweighting, similarity, weighting, value, progress);
        }

        /** A copy reporting progress to {@code value}. */
        public Options withProgress(ProgressListener value) {
            return new Options(neighbours, shrink, reweighting, similarity, weighting, threads, value);
        }

        /** One line for reports, e.g. {@code "item-knn(neighbours=100, shrink=10.0, cosine, reweighting=none)"}. */
        public String describe() {
            return "item-knn(neighbours=" + neighbours + ", " + (similarity == Similarity.COSINE
                    ? "cosine, shrink=" + shrink : "dot product") + ", reweighting=" + reweighting.describe()
                    + ", " + weighting + ")";
        }
    }

    /**
     * Fits the model on {@code train}.
     *
     * @throws IllegalArgumentException if the log is empty or no event counts under the options' weighting,
     *                                  or a TF-IDF / BM25 re-weighting meets a negative value
     */
    public static ItemKnn fit(Interactions train, Options options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("cannot fit item-kNN on an empty log");
        }
        UserItemMatrix seen = UserItemMatrix.of(train, options.weighting());
        if (seen.nnz() == 0) {
            throw new IllegalArgumentException("no event of the log counts under " + options.weighting()
                    + ": item-kNN has nothing to learn from");
        }
        int numItems = train.numItems();
        Csr weighted = ReweightedMatrix.apply(Csr.of(seen), numItems, options.reweighting());
        Csr neighbours = Neighbourhoods.compute(weighted, numItems, options.neighbours(), options.similarity(),
                options.shrink(), options.threads(), options.progress());
        Popularity fallback = Popularity.fit(train, Popularity.Options.defaults().withWeighting(options.weighting()));
        return new ItemKnn(options, train.users(), train.items(), seen, neighbours, fallback);
    }

    /** Reads a model written by {@link #save(Path)}; its options come back with default threads and progress. */
    public static ItemKnn load(Path dir) throws IOException {
        return ItemKnnFiles.load(dir);
    }

    /** Writes this model to the folder {@code dir} (replacing a model already there). */
    public void save(Path dir) throws IOException {
        ItemKnnFiles.save(this, dir);
    }

    @Override
    public IdIndex users() {
        return users;
    }

    @Override
    public IdIndex items() {
        return items;
    }

    /** Whether user index {@code user} has at least one training pair. */
    @Override
    public boolean knowsUser(int user) {
        return user >= 0 && user < seen.numRows() && seen.rowLength(user) > 0;
    }

    /** Writes every item's score for {@code user} into {@code out}; all 0 for a user with no training pair. */
    @Override
    public void scoreAll(int user, float[] out) {
        Arrays.fill(out, 0, items.size(), 0f);
        int[] nbr = neighbours.cols();
        float[] sim = neighbours.values();
        for (int p = seen.rowStart(user); p < seen.rowEnd(user); p++) {
            float x = seen.value(p);
            int j = seen.col(p);
            for (int q = neighbours.start(j); q < neighbours.end(j); q++) {
                out[nbr[q]] += x * sim[q];
            }
        }
    }

    /** The score of {@code item} for {@code user} (equal to the {@link #scoreAll} entry). */
    @Override
    public float score(int user, int item) {
        float s = 0f;
        for (int p = seen.rowStart(user); p < seen.rowEnd(user); p++) {
            int j = seen.col(p);
            int q = Arrays.binarySearch(neighbours.cols(), neighbours.start(j), neighbours.end(j), item);
            if (q >= 0) {
                s += seen.value(p) * neighbours.values()[q];
            }
        }
        return s;
    }

    /**
     * The (at most) {@code k} kept neighbours of item index {@code item}, most similar first, ties to the lower
     * index; empty for an item nobody touched.
     *
     * @throws IllegalArgumentException if {@code k <= 0} or the index is outside the item index
     */
    public List<Neighbour> similarItems(int item, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        if (item < 0 || item >= items.size()) {
            throw new IllegalArgumentException("item index " + item + " is outside [0, " + items.size() + ")");
        }
        int from = neighbours.start(item);
        Integer[] order = new Integer[neighbours.length(item)];
        for (int t = 0; t < order.length; t++) {
            order[t] = from + t;
        }
        float[] sim = neighbours.values();
        int[] nbr = neighbours.cols();
        Arrays.sort(order, (a, b) -> sim[a] != sim[b] ? Float.compare(sim[b], sim[a]) : Integer.compare(nbr[a], nbr[b]));
        List<Neighbour> out = new ArrayList<>(Math.min(k, order.length));
        for (int t = 0; t < Math.min(k, order.length); t++) {
            int q = order[t];
            out.add(new Neighbour(nbr[q], items.id(nbr[q]), sim[q]));
        }
        return out;
    }

    /**
     * The neighbours of the item with external id {@code itemId}.
     *
     * @throws IllegalArgumentException if the id is unknown or {@code k <= 0}
     */
    public List<Neighbour> similarItems(String itemId, int k) {
        int i = items.indexOf(itemId);
        if (i < 0) {
            throw new IllegalArgumentException("unknown item '" + itemId + "'");
        }
        return similarItems(i, k);
    }

    /** The kept similarity of {@code neighbour} in {@code item}'s list, 0 when it was not kept. */
    public float similarity(int item, int neighbour) {
        int q = Arrays.binarySearch(neighbours.cols(), neighbours.start(item), neighbours.end(item), neighbour);
        return q >= 0 ? neighbours.values()[q] : 0f;
    }

    /** Number of (item, neighbour) pairs kept. */
    public int numNeighbourPairs() {
        return neighbours.cols().length;
    }

    /** The options the model was fitted with. */
    public Options options() {
        return options;
    }

    /** The training users x items matrix (the items each user has seen); it shares this model's indices. */
    public UserItemMatrix seen() {
        return seen;
    }

    /** The popularity fallback: the training log's popularity under the options' weighting. */
    public Popularity fallback() {
        return fallback;
    }

    /** A recommender serving this model with its own seen items and popularity fallback (works after a load). */
    public Recommender recommender() {
        return new Recommender(this, seen, fallback);
    }

    Csr neighbourMatrix() {
        return neighbours;
    }

    Csr historyMatrix() {
        return Csr.of(seen);
    }

    @Override
    public String toString() {
        return "ItemKnn[" + users.size() + " users x " + items.size() + " items, " + numNeighbourPairs()
                + " neighbour pairs, " + options.describe() + "]";
    }
}
