package ai.behavior.recsys.mf;

import ai.behavior.data.Interactions;
import ai.behavior.progress.ProgressListener;

/**
 * Options of the stochastic-gradient trainer {@link BiasedMf#fitSgd}: Funk-SVD style biased matrix
 * factorisation whose {@link #defaults()} are those of Surprise's {@code SVD}.
 *
 * <pre>{@code
 * SgdOptions o = SgdOptions.defaults().withFactors(50).withEpochs(40).withRegularization(0.05);
 * BiasedMf model = BiasedMf.fitSgd(train, o.withProgress(ProgressListener.console(System.err)));
 * }</pre>
 *
 * <p>Mapping to Surprise's {@code SVD}: {@code factors} = {@code n_factors}, {@code epochs} = {@code n_epochs},
 * {@code learningRate} = {@code lr_pu} = {@code lr_qi}, {@code biasLearningRate} = {@code lr_bu} =
 * {@code lr_bi}, {@code regularization} = {@code reg_pu} = {@code reg_qi}, {@code biasRegularization} =
 * {@code reg_bu} = {@code reg_bi}, {@code initMean} / {@code initStdDev} = {@code init_mean} /
 * {@code init_std_dev}; {@code biased=True} always. {@link #withLearningRate} and {@link #withRegularization}
 * set both the factor and the bias value, as {@code lr_all} and {@code reg_all} do. The update rule and the
 * visiting order are described on {@link BiasedMf#fitSgd}.
 *
 * <p>Measured on MovieLens-100K (5-fold CV by event, seed 42): the defaults reach RMSE 0.9357 (Surprise
 * reports 0.934 for its {@code SVD}); {@code withEpochs(50).withLearningRate(0.01).withRegularization(0.1)}
 * reaches 0.9095.
 *
 * @param factors            length of the factor vectors ({@code >= 0}; 0 = biases only); default 100
 * @param epochs             passes over the training ratings ({@code >= 1}); default 20
 * @param learningRate       step size of the factor updates (finite, {@code > 0}); default 0.005
 * @param regularization     L2 weight of the factors (finite, {@code >= 0}); default 0.02
 * @param biasLearningRate   step size of the bias updates (finite, {@code > 0}); default 0.005
 * @param biasRegularization L2 weight of the biases (finite, {@code >= 0}); default 0.02
 * @param initMean           mean of the normal distribution initial factors are drawn from; default 0
 * @param initStdDev         its standard deviation (finite, {@code >= 0}); default 0.1
 * @param order              the order ratings are visited in; default {@link Order#SHUFFLE_EACH_EPOCH}
 * @param seed               seed of the initial factors and the visiting order; default 42
 * @param clip               range predictions are clipped to, {@code null} = from the data (see {@link MfOptions#clip()})
 * @param ratingScale        declared scale checked on the data, {@code null} = not checked (default)
 * @param earlyStopping      early stopping on validation RMSE, {@code null} = off (default)
 * @param progress           receives one update per epoch; default {@link ProgressListener#quiet()}
 */
public record SgdOptions(int factors, int epochs, double learningRate, double regularization,
                         double biasLearningRate, double biasRegularization, double initMean, double initStdDev,
                         Order order, long seed, RatingRange clip, RatingRange ratingScale,
                         EarlyStopping earlyStopping, ProgressListener progress) implements MfOptions {

    /** The order in which an epoch visits the training ratings. */
    public enum Order {
        /** A fresh seeded random permutation of all ratings every epoch (textbook SGD; the default). */
        SHUFFLE_EACH_EPOCH,
        /**
         * Surprise's order: user by user, the users in one seeded random order and each user's ratings in one
         * seeded random order, the same in every epoch (Surprise iterates its trainset's user dictionary,
         * built from the shuffled fold).
         */
        USER_BY_USER
    }

    /**
     * Validates every option.
     *
     * @throws IllegalArgumentException naming the first bad option
     */
    public SgdOptions {
        OptionChecks.sizes(factors, epochs);
        OptionChecks.positive("learningRate", learningRate);
        OptionChecks.positive("biasLearningRate", biasLearningRate);
        OptionChecks.nonNegative("regularization", regularization);
        OptionChecks.nonNegative("biasRegularization", biasRegularization);
        if (!Double.isFinite(initMean)) {
            throw new IllegalArgumentException("initMean must be finite, got " + initMean);
        }
        OptionChecks.nonNegative("initStdDev", initStdDev);
        OptionChecks.notNull("order", order);
        OptionChecks.notNull("progress", progress);
    }

    /**
     * Surprise {@code SVD} defaults: 100 factors, 20 epochs, learning rate 0.005, regularisation 0.02 (factors
     * and biases), initial factors N(0, 0.1²); plus our seed 42, a fresh shuffle every epoch, clipping to the
     * training data's rating range, no scale check, no early stopping, quiet.
     */
    public static SgdOptions defaults() {
        return new SgdOptions(100, 20, 0.005, 0.02, 0.005, 0.02, 0.0, 0.1, Order.SHUFFLE_EACH_EPOCH, 42L,
                null, null, null, ProgressListener.quiet());
    }

    /** Always {@code "sgd"}. */
    @Override
    public String solver() {
        return "sgd";
    }

    /** A copy with {@code value} factors (0 = biases only). */
    public SgdOptions withFactors(int value) {
        return new SgdOptions(value, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy running {@code value} epochs. */
    public SgdOptions withEpochs(int value) {
        return new SgdOptions(factors, value, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy with learning rate {@code value} for factors and biases (Surprise's {@code lr_all}). */
    public SgdOptions withLearningRate(double value) {
        return new SgdOptions(factors, epochs, value, regularization, value, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy with learning rate {@code value} for the biases only. */
    public SgdOptions withBiasLearningRate(double value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, value, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy with L2 weight {@code value} for factors and biases (Surprise's {@code reg_all}). */
    public SgdOptions withRegularization(double value) {
        return new SgdOptions(factors, epochs, learningRate, value, biasLearningRate, value,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy with L2 weight {@code value} for the biases only. */
    public SgdOptions withBiasRegularization(double value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, value,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy drawing initial factors from N({@code mean}, {@code stdDev}²). */
    public SgdOptions withInit(double mean, double stdDev) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                mean, stdDev, order, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy visiting ratings in {@code value} order. */
    public SgdOptions withOrder(Order value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, value, seed, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy with another seed. */
    public SgdOptions withSeed(long value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, value, clip, ratingScale, earlyStopping, progress);
    }

    /** A copy clipping predictions to {@code [min, max]}. */
    public SgdOptions withClip(double min, double max) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, new RatingRange(min, max), ratingScale, earlyStopping, progress);
    }

    /** A copy clipping to the declared scale, or else to the training ratings' range (the default). */
    public SgdOptions withClipFromData() {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, null, ratingScale, earlyStopping, progress);
    }

    /** A copy declaring the rating scale {@code [min, max]}: ratings outside it are rejected. */
    public SgdOptions withRatingScale(double min, double max) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, new RatingRange(min, max), earlyStopping, progress);
    }

    /** A copy that does not check ratings against a scale (the default). */
    public SgdOptions withoutRatingScale() {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, null, earlyStopping, progress);
    }

    /** A copy stopping early on the RMSE of {@code validation}, keeping the best epoch. */
    public SgdOptions withEarlyStopping(Interactions validation, int patience) {
        return withEarlyStopping(new EarlyStopping(validation, patience, true));
    }

    /** A copy with early stopping {@code value} ({@code null} = off). */
    public SgdOptions withEarlyStopping(EarlyStopping value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, value, progress);
    }

    /** A copy reporting each epoch to {@code value}. */
    public SgdOptions withProgress(ProgressListener value) {
        return new SgdOptions(factors, epochs, learningRate, regularization, biasLearningRate, biasRegularization,
                initMean, initStdDev, order, seed, clip, ratingScale, earlyStopping, value);
    }
}
