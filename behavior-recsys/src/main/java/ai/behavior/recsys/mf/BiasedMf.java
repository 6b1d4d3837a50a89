package ai.behavior.recsys.mf;

import ai.behavior.data.IdIndex;
import ai.behavior.data.Interactions;
import ai.behavior.recsys.ItemScorer;
import ai.behavior.recsys.eval.RatingPredictor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Explicit biased matrix factorisation for ratings: {@code r̂(u, i) = μ + b_u + b_i + p_u · q_i}, where
 * {@code μ} is the mean training rating, {@code b_u}, {@code b_i} are user and item biases and {@code p_u},
 * {@code q_i} are factor vectors. An immutable, thread-safe model, fitted by SGD (Funk-SVD, Surprise's
 * {@code SVD}) or by ALS with weighted-lambda regularisation.
 *
 * <pre>{@code
 * BiasedMf model = BiasedMf.fitSgd(train, SgdOptions.defaults());
 * double stars = model.predict("user-42", "movie-7");
 * }</pre>
 *
 * <p><b>Training data.</b> Only {@link ai.behavior.data.EventType#RATING} events count, their value being the
 * rating; when a user rated an item several times the latest rating is used. Other event types are ignored.
 * A log without ratings is an {@link IllegalArgumentException}.
 *
 * <p><b>Predictions.</b> {@link #predict} clips to {@link #clip()}: the options' clip range, else the declared
 * rating scale, else the lowest and highest training rating (Surprise clips to its rating scale too). A user
 * or item that is in the id index but had no training rating has zero bias and zero factors, so its
 * prediction falls back to {@code μ + b_i} (unknown user), {@code μ + b_u} (unknown item) or {@code μ}
 * (both), as Surprise's {@code SVD} does; an id that is not in the index is an
 * {@link IllegalArgumentException}. As an {@link ItemScorer} ({@link #score}, {@link #scoreAll}) the model
 * returns the unclipped value, so that items predicted above the top of the scale still rank apart.
 *
 * <p><b>Persistence.</b> {@link #save} writes a model folder (type {@code biased-mf}) with the id indices,
 * parameters and options; {@link #load} reads it back with identical predictions, or throws
 * {@link ai.behavior.modelfile.ModelFileException} on any corruption. Parameters are stored in single
 * precision; training runs in double precision.
 */
public final class BiasedMf implements ItemScorer, RatingPredictor {
    /** The model type written in model folders. */
    public static final String MODEL_TYPE = "biased-mf";

    private final IdIndex users;
    private final IdIndex items;
    private final double mean;
    private final int k;
    private final float[] bu;
    private final float[] bi;
    private final float[] p;
    private final float[] q;
    private final int[] userCount;
    private final int[] itemCount;
    private final RatingRange clip;
    private final MfOptions options;
    private final int trainedEpochs;

    BiasedMf(IdIndex users, IdIndex items, double mean, int k, float[] bu, float[] bi, float[] p, float[] q,
             int[] userCount, int[] itemCount, RatingRange clip, MfOptions options, int trainedEpochs) {
        this.users = users;
        this.items = items;
        this.mean = mean;
        this.k = k;
        this.bu = bu;
        this.bi = bi;
        this.p = p;
        this.q = q;
        this.userCount = userCount;
        this.itemCount = itemCount;
        this.clip = clip;
        this.options = options;
        this.trainedEpochs = trainedEpochs;
    }

    /** Freezes trained parameters into a model (single precision). */
    static BiasedMf of(IdIndex users, IdIndex items, Parameters w, RatingData data, RatingRange clip,
                       MfOptions options, int trainedEpochs) {
        return new BiasedMf(users, items, w.mean, w.k, toFloat(w.bu), toFloat(w.bi), toFloat(w.p), toFloat(w.q),
                data.userCount.clone(), data.itemCount.clone(), clip, options, trainedEpochs);
    }

    /**
     * Fits the model by stochastic gradient descent on the squared error, Funk-SVD style, with the update rule
     * of Surprise's {@code SVD}.
     *
     * <p>Initialisation: {@code μ} is the training mean and stays fixed; biases start at 0; with one
     * {@link java.util.SplittableRandom} seeded by {@code options.seed()}, every user's factors
     * ({@code p}, users in index order, factors in order) and then every item's factors ({@code q}) are drawn
     * from N({@code initMean}, {@code initStdDev}²); users and items without training ratings are then zeroed.
     *
     * <p>Each epoch visits every training rating once, in the options' {@link SgdOptions.Order} (by default a
     * fresh seeded shuffle), and for rating {@code r} of user {@code u} on item {@code i} applies, in this
     * order:
     * <pre>
     * e    = r − (μ + b_u + b_i + p_u · q_i)                 (with the values before this step)
     * b_u += biasLearningRate · (e − biasRegularization · b_u)
     * b_i += biasLearningRate · (e − biasRegularization · b_i)
     * for each factor f, with p = p_uf and q = q_if read before either is changed:
     *     p_uf += learningRate · (e · q − regularization · p)
     *     q_if += learningRate · (e · p − regularization · q)
     * </pre>
     * which is exactly Surprise's {@code SVD.sgd} with {@code biased=True}. After each epoch the training RMSE
     * (clipped predictions) and, with early stopping, the validation RMSE are reported to the progress listener.
     *
     * @throws IllegalArgumentException if {@code train} holds no rating, a rating lies outside a declared
     *                                  scale, or the early-stopping validation log does not match
     */
    public static BiasedMf fitSgd(Interactions train, SgdOptions options) {
        return SgdTrainer.fit(train, options);
    }

    /**
     * Fits the model by alternating least squares with weighted-lambda regularisation (ALS-WR), solving for
     * biases and factors together. It minimises
     * <pre>
     * Σ_(u,i) (r_ui − μ − b_u − b_i − p_u · q_i)²
     *   + Σ_u s_u (biasRegularization · b_u² + regularization · |p_u|²)
     *   + Σ_i s_i (biasRegularization · b_i² + regularization · |q_i|²)
     * </pre>
     * with {@code s_u = n_u}, {@code s_i = n_i} (rating counts) under weighted regularisation (the default, as
     * Zhou et al. 2008 and Spark) and {@code s = 1} without it; {@code μ} is the fixed training mean. Item
     * factors start as N(0, {@code initStdDev}²) draws from a {@link java.util.SplittableRandom} seeded by
     * {@code options.seed()}, item biases at 0. Each epoch first sets every user's {@code (b_u, p_u)} to the
     * exact minimiser given the items (a {@code (factors+1)}-dimensional ridge regression on
     * {@code (1, q_i)} against {@code r_ui − μ − b_i}, solved by Cholesky), then every item's
     * {@code (b_i, q_i)} given the users; the objective therefore never increases. After each epoch the
     * training RMSE, the objective divided by the number of ratings and (with early stopping) the validation
     * RMSE are reported. Users and items without training ratings keep zero parameters.
     *
     * @throws IllegalArgumentException if {@code train} holds no rating, a rating lies outside a declared
     *                                  scale, or the early-stopping validation log does not match
     */
    public static BiasedMf fitAls(Interactions train, AlsOptions options) {
        return AlsTrainer.fit(train, options);
    }

    /** Fits with {@link #fitSgd} or {@link #fitAls}, whichever {@code options} belong to. */
    public static BiasedMf fit(Interactions train, MfOptions options) {
        if (options instanceof SgdOptions s) {
            return fitSgd(train, s);
        }
        return fitAls(train, (AlsOptions) options);
    }

    /**
     * A model from parameters trained elsewhere (for example Spark MLlib's explicit ALS, which has no biases:
     * pass {@code mean = 0} and zero biases), so prediction, top-N serving, saving and evaluation run the same
     * code as for a model fitted here. Arrays are copied.
     *
     * <pre>{@code
     * BiasedMf mf = BiasedMf.fromParameters(users, items, 0.0, new float[nu], new float[ni], p, q, 10,
     *         userCounts, itemCounts, new RatingRange(1, 5), AlsOptions.defaults());
     * }</pre>
     *
     * @param users       user ids
     * @param items       item ids
     * @param mean        global mean {@code μ}, finite
     * @param userBias    {@code b_u}, one per user
     * @param itemBias    {@code b_i}, one per item
     * @param userFactors {@code p}, row-major {@code users x factors}
     * @param itemFactors {@code q}, row-major {@code items x factors}
     * @param factors     length of the factor vectors, {@code >= 0}
     * @param userCounts  training ratings per user ({@code > 0} marks a known user)
     * @param itemCounts  training ratings per item
     * @param clip        the range {@link #predict} clips to
     * @param options     the options the parameters correspond to (reported by {@link #options()}; the model
     *                    reports {@code options.epochs()} as trained)
     * @throws IllegalArgumentException on a length mismatch, a non-finite value or a negative count
     */
    public static BiasedMf fromParameters(IdIndex users, IdIndex items, double mean, float[] userBias,
                                          float[] itemBias, float[] userFactors, float[] itemFactors, int factors,
                                          int[] userCounts, int[] itemCounts, RatingRange clip, MfOptions options) {
        if (users == null || items == null || clip == null || options == null) {
            throw new IllegalArgumentException("users, items, clip and options must not be null");
        }
        if (factors < 0 || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("need factors >= 0 and a finite mean, got " + factors + ", " + mean);
        }
        int nu = users.size();
        int ni = items.size();
        float[] bu = finite("userBias", userBias, nu);
        float[] bi = finite("itemBias", itemBias, ni);
        float[] p = finite("userFactors", userFactors, (long) nu * factors);
        float[] q = finite("itemFactors", itemFactors, (long) ni * factors);
        int[] uc = counts("userCounts", userCounts, nu);
        int[] ic = counts("itemCounts", itemCounts, ni);
        return new BiasedMf(users, items, mean, factors, bu, bi, p, q, uc, ic, clip, options, options.epochs());
    }

    private static float[] finite(String what, float[] a, long expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got "
                    + (a == null ? "null" : a.length));
        }
        for (int j = 0; j < a.length; j++) {
            if (!Float.isFinite(a[j])) {
                throw new IllegalArgumentException(what + "[" + j + "] is " + a[j]);
            }
        }
        return a.clone();
    }

    private static int[] counts(String what, int[] a, int expected) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " counts, got "
                    + (a == null ? "null" : a.length));
        }
        for (int j = 0; j < a.length; j++) {
            if (a[j] < 0) {
                throw new IllegalArgumentException(what + "[" + j + "] is negative: " + a[j]);
            }
        }
        return a.clone();
    }

    /**
     * Loads a model saved by {@link #save}. Its options come back without early stopping and with a quiet
     * progress listener (neither is saved).
     *
     * @throws ai.behavior.modelfile.ModelFileException if the folder is not a valid, uncorrupted biased-mf model
     */
    public static BiasedMf load(Path dir) throws IOException {
        return BiasedMfFiles.read(dir);
    }

    /** Saves the model to folder {@code dir} (replacing a model already there). */
    public void save(Path dir) throws IOException {
        BiasedMfFiles.write(this, dir);
    }

    /**
     * The clipped predicted rating of user index {@code user} for item index {@code item}, with the fallback
     * of the class comment for a user or item without training ratings.
     *
     * @throws IllegalArgumentException if an index is outside the id indices
     */
    @Override
    public double predict(int user, int item) {
        checkUser(user);
        checkItem(item);
        return clip.clip(raw(user, item));
    }

    /**
     * The clipped predicted rating of {@code userId} for {@code itemId}.
     *
     * @throws IllegalArgumentException naming the id if either is not in the model's id indices
     */
    public double predict(String userId, String itemId) {
        int u = users.indexOf(userId);
        if (u < 0) {
            throw new IllegalArgumentException("unknown user id '" + userId + "': not in the model's user index");
        }
        int i = items.indexOf(itemId);
        if (i < 0) {
            throw new IllegalArgumentException("unknown item id '" + itemId + "': not in the model's item index");
        }
        return predict(u, i);
    }

    /** The user ids of the training log (the same instance, so a {@code Recommender} can pair them). */
    @Override
    public IdIndex users() {
        return users;
    }

    /** The item ids of the training log. */
    @Override
    public IdIndex items() {
        return items;
    }

    /** Whether user index {@code user} had training ratings. */
    @Override
    public boolean knowsUser(int user) {
        checkUser(user);
        return userCount[user] > 0;
    }

    /** Whether item index {@code item} had training ratings. */
    public boolean knowsItem(int item) {
        checkItem(item);
        return itemCount[item] > 0;
    }

    /** Writes the unclipped prediction of every item for {@code user} into {@code out}. */
    @Override
    public void scoreAll(int user, float[] out) {
        checkUser(user);
        if (out.length != items.size()) {
            throw new IllegalArgumentException("out must have one slot per item (" + items.size() + "), has "
                    + out.length);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) raw(user, i);
        }
    }

    /** The unclipped prediction of {@code user} for {@code item} (a ranking score). */
    @Override
    public float score(int user, int item) {
        checkUser(user);
        checkItem(item);
        return (float) raw(user, item);
    }

    /** The global mean {@code μ} (the mean training rating). */
    public double globalMean() {
        return mean;
    }

    /** The bias {@code b_u} of user index {@code user} (0 for a user without training ratings). */
    public double userBias(int user) {
        checkUser(user);
        return bu[user];
    }

    /** The bias {@code b_i} of item index {@code item} (0 for an item without training ratings). */
    public double itemBias(int item) {
        checkItem(item);
        return bi[item];
    }

    /** A copy of the factor vector {@code p_u} of user index {@code user}. */
    public float[] userFactors(int user) {
        checkUser(user);
        float[] out = new float[k];
        System.arraycopy(p, user * k, out, 0, k);
        return out;
    }

    /** A copy of the factor vector {@code q_i} of item index {@code item}. */
    public float[] itemFactors(int item) {
        checkItem(item);
        float[] out = new float[k];
        System.arraycopy(q, item * k, out, 0, k);
        return out;
    }

    /** The length of the factor vectors (0 for a biases-only model). */
    public int factors() {
        return k;
    }

    /** The range {@link #predict} clips to. */
    public RatingRange clip() {
        return clip;
    }

    /** The options the model was trained with ({@link SgdOptions} or {@link AlsOptions}). */
    public MfOptions options() {
        return options;
    }

    /**
     * The epoch whose parameters the model holds: the last epoch run, or the best validation epoch when early
     * stopping restored it.
     */
    public int trainedEpochs() {
        return trainedEpochs;
    }

    /** Number of training ratings of user index {@code user}. */
    public int userRatingCount(int user) {
        checkUser(user);
        return userCount[user];
    }

    /** Number of training ratings of item index {@code item}. */
    public int itemRatingCount(int item) {
        checkItem(item);
        return itemCount[item];
    }

    /** A one-line summary: solver, sizes, factors, mean and clip range. */
    @Override
    public String toString() {
        return "BiasedMf[" + options.solver() + ", " + users.size() + " users x " + items.size() + " items, "
                + k + " factors, mean " + (float) mean + ", clip " + clip + "]";
    }

    // Package-private raw state for the model-file codec.
    float[] userBiasArray() {
        return bu;
    }

    float[] itemBiasArray() {
        return bi;
    }

    float[] userFactorArray() {
        return p;
    }

    float[] itemFactorArray() {
        return q;
    }

    int[] userCountArray() {
        return userCount;
    }

    int[] itemCountArray() {
        return itemCount;
    }

    private double raw(int u, int i) {
        double s = mean + bu[u] + bi[i];
        int pu = u * k;
        int qi = i * k;
        for (int f = 0; f < k; f++) {
            s += (double) p[pu + f] * q[qi + f];
        }
        return s;
    }

    private void checkUser(int user) {
        if (user < 0 || user >= users.size()) {
            throw new IllegalArgumentException("user index " + user + " outside [0, " + users.size() + ")");
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= items.size()) {
            throw new IllegalArgumentException("item index " + item + " outside [0, " + items.size() + ")");
        }
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = (float) a[j];
        }
        return out;
    }
}
