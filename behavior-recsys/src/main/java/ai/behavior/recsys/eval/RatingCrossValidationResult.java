package ai.behavior.recsys.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of a rating cross-validation of one model: per-fold RMSE and MAE, their means and standard
 * deviations, always with the protocol that produced them.
 *
 * <pre>{@code
 * RatingCrossValidationResult r = RatingCrossValidation.byEvent(5, 42).evaluate(ratings, trainer);
 * System.out.printf("RMSE %.4f ± %.4f (%s)%n", r.meanRmse(), r.sdRmse(), r.protocol());
 * }</pre>
 *
 * <p>Standard deviations are population standard deviations over the folds (divide by {@code k}, as
 * Surprise's {@code cross_validate} summary and numpy's default {@code std} do).
 *
 * @param protocol how the folds were made, e.g. {@code "5-fold CV by event, seed 42"}
 * @param folds    one score per fold, in fold order (an unmodifiable copy)
 */
public record RatingCrossValidationResult(String protocol, List<RatingFoldScore> folds) {
    /** Validates and copies. */
    public RatingCrossValidationResult {
        if (protocol == null || protocol.isBlank()) {
            throw new IllegalArgumentException("a result needs its protocol");
        }
        if (folds == null || folds.isEmpty()) {
            throw new IllegalArgumentException("a result needs at least one fold");
        }
        folds = List.copyOf(folds);
    }

    /** Mean RMSE over folds. */
    public double meanRmse() {
        return mean(RatingFoldScore::rmse);
    }

    /** Standard deviation of the folds' RMSE. */
    public double sdRmse() {
        return sd(RatingFoldScore::rmse);
    }

    /** Mean MAE over folds. */
    public double meanMae() {
        return mean(RatingFoldScore::mae);
    }

    /** Standard deviation of the folds' MAE. */
    public double sdMae() {
        return sd(RatingFoldScore::mae);
    }

    /** Mean training seconds per fold. */
    public double meanFitSeconds() {
        return mean(RatingFoldScore::fitSeconds);
    }

    /** The folds' RMSE values in fold order. */
    public double[] rmses() {
        return folds.stream().mapToDouble(RatingFoldScore::rmse).toArray();
    }

    /** The folds' MAE values in fold order. */
    public double[] maes() {
        return folds.stream().mapToDouble(RatingFoldScore::mae).toArray();
    }

    /** Total number of test ratings over all folds. */
    public long testRatings() {
        return folds.stream().mapToLong(RatingFoldScore::testRatings).sum();
    }

    /** The values of a report row: RMSE, RMSE sd, MAE, MAE sd and fit seconds per fold. */
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("RMSE", meanRmse());
        v.put("RMSE sd", sdRmse());
        v.put("MAE", meanMae());
        v.put("MAE sd", sdMae());
        v.put("fit s/fold", meanFitSeconds());
        return v;
    }

    /** One line: mean ± sd of RMSE and MAE, and the protocol. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RMSE %.4f ± %.4f, MAE %.4f ± %.4f (%s)", meanRmse(), sdRmse(),
                meanMae(), sdMae(), protocol);
    }

    private double mean(ToDoubleFunction<RatingFoldScore> f) {
        return folds.stream().mapToDouble(f).average().orElseThrow();
    }

    private double sd(ToDoubleFunction<RatingFoldScore> f) {
        double m = mean(f);
        double ss = folds.stream().mapToDouble(f).map(x -> (x - m) * (x - m)).sum();
        return Math.sqrt(ss / folds.size());
    }
}
