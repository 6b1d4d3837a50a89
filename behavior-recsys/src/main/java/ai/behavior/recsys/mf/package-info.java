/**
 * Explicit matrix factorisation for ratings: {@link ai.behavior.recsys.mf.BiasedMf}, the biased model
 * {@code μ + b_u + b_i + p_u · q_i}, trained by SGD (Funk-SVD, Surprise's {@code SVD} update rule and defaults)
 * or by ALS with weighted-lambda regularisation (ALS-WR, as Spark).
 *
 * <pre>{@code
 * BiasedMf svd = BiasedMf.fitSgd(train, SgdOptions.defaults());
 * BiasedMf als = BiasedMf.fitAls(train, AlsOptions.defaults().withFactors(50));
 * }</pre>
 *
 * <p>Models are immutable {@link ai.behavior.recsys.ItemScorer}s (so a {@link ai.behavior.recsys.Recommender}
 * serves top-K from them) and {@link ai.behavior.recsys.eval.RatingPredictor}s (so
 * {@link ai.behavior.recsys.eval.RatingCrossValidation} measures their RMSE and MAE). Options are records with
 * {@code defaults()} and with-ers; {@link ai.behavior.recsys.mf.RatingRange} declares a rating scale or a clip
 * range; {@link ai.behavior.recsys.mf.EarlyStopping} stops on validation RMSE.
 */
package ai.behavior.recsys.mf;
