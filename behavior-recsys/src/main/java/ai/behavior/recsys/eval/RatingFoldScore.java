package ai.behavior.recsys.eval;

/**
 * The rating-prediction error of one cross-validation fold.
 *
 * <pre>{@code
 * RatingFoldScore f = result.folds().get(0);
 * System.out.printf("fold %d: RMSE %.4f on %d ratings%n", f.fold() + 1, f.rmse(), f.testRatings());
 * }</pre>
 *
 * @param fold        0-based fold number
 * @param rmse        root mean squared error on the fold's test ratings
 * @param mae         mean absolute error on them
 * @param testRatings number of test ratings
 * @param fitSeconds  wall-clock seconds the trainer took on the fold's training part
 */
public record RatingFoldScore(int fold, double rmse, double mae, int testRatings, double fitSeconds) {
    /** Validates the score. */
    public RatingFoldScore {
        if (fold < 0 || testRatings < 1) {
            throw new IllegalArgumentException("fold must be >= 0 and testRatings >= 1, got " + fold + ", "
                    + testRatings);
        }
    }
}
