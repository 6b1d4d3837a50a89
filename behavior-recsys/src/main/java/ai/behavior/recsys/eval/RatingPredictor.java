package ai.behavior.recsys.eval;

/**
 * A trained model that predicts explicit ratings for (user, item) index pairs of the id spaces it was trained
 * on: what {@link RatingCrossValidation} evaluates.
 *
 * <pre>{@code
 * RatingPredictor model = BiasedMf.fitSgd(train, SgdOptions.defaults());
 * double stars = model.predict(user, item);
 * }</pre>
 *
 * <p>Implementations must answer for every index in their id spaces, including users and items that had no
 * training ratings (with a fallback such as the global mean), and return a finite value.
 */
@FunctionalInterface
public interface RatingPredictor {
    /** The predicted rating of user index {@code user} for item index {@code item}. */
    double predict(int user, int item);
}
