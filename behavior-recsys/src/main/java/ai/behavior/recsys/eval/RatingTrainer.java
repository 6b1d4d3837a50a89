package ai.behavior.recsys.eval;

import ai.behavior.data.Interactions;

/**
 * Fits a {@link RatingPredictor} on a training log: one model configuration, as {@link RatingCrossValidation}
 * runs it on every fold.
 *
 * <pre>{@code
 * RatingTrainer svd = train -> BiasedMf.fitSgd(train, SgdOptions.defaults());
 * RatingCrossValidationResult r = RatingCrossValidation.byEvent(5, 42).evaluate(ratings, svd);
 * }</pre>
 */
@FunctionalInterface
public interface RatingTrainer {
    /** A model trained on {@code train} (predicting for {@code train}'s user and item indices). */
    RatingPredictor fit(Interactions train);
}
