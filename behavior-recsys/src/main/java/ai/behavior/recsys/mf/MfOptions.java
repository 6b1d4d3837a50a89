package ai.behavior.recsys.mf;

import ai.behavior.progress.ProgressListener;

/**
 * What the two trainers of {@link BiasedMf} have in common: model size, epochs, seed, the rating scale and
 * clipping, early stopping and progress. {@link SgdOptions} and {@link AlsOptions} add their own
 * hyperparameters.
 *
 * <pre>{@code
 * MfOptions o = model.options();
 * System.out.println(o.solver() + " with " + o.factors() + " factors, " + o.epochs() + " epochs");
 * }</pre>
 */
public sealed interface MfOptions permits SgdOptions, AlsOptions {
    /** Length of the user and item factor vectors; 0 fits the global mean and biases only. */
    int factors();

    /** Number of passes over the training ratings (an ALS epoch solves every user, then every item). */
    int epochs();

    /** Seed of every random choice (initial factors, visiting order); the same seed gives the same model. */
    long seed();

    /**
     * The range predictions are clipped to, or {@code null} for the declared {@link #ratingScale()} when there
     * is one, else the lowest and highest training rating.
     */
    RatingRange clip();

    /**
     * The declared rating scale, or {@code null} for none: when set, a training (or validation) rating outside
     * it is an {@link IllegalArgumentException} naming the user, item and value.
     */
    RatingRange ratingScale();

    /** Early stopping on validation RMSE, or {@code null} to run every epoch. */
    EarlyStopping earlyStopping();

    /** Receives one update per epoch with the training RMSE (and validation RMSE, ALS objective). */
    ProgressListener progress();

    /** The trainer's short name: {@code "sgd"} or {@code "als"}. */
    String solver();
}
