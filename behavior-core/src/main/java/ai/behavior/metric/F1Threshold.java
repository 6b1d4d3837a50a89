package ai.behavior.metric;

/**
 * The score threshold that maximises F1, found in one O(n log n) sweep over the distinct scores.
 *
 * <pre>{@code
 * F1Threshold best = F1Threshold.search(truth, scores);
 * int[] predicted = ...; // score >= best.threshold() is positive
 * }</pre>
 *
 * <p>Every distinct score is tried as a threshold (score {@code >=} threshold predicted positive); among
 * thresholds with the same best F1 the highest wins (fewest predicted positives). Needs at least one positive
 * (F1 is 0 at every threshold otherwise, so there is nothing to choose); truth, score and weight conventions
 * are those of {@link RocAuc}.
 *
 * @param threshold the chosen threshold, one of the scores
 * @param f1 the F1 at that threshold
 * @param confusion the confusion matrix at that threshold
 */
public record F1Threshold(double threshold, double f1, BinaryConfusion confusion) {

    /** The F1-maximising threshold of 0/1 {@code truth} against {@code scores}. */
    public static F1Threshold search(int[] truth, double[] scores) {
        return search(truth, scores, null);
    }

    /** The F1-maximising threshold with sample weights; {@code weights} may be null. */
    public static F1Threshold search(int[] truth, double[] scores, double[] weights) {
        Checks.binary(truth, scores, weights);
        BinaryCurve c = BinaryCurve.of(truth, scores, weights);
        double positives = c.positives();
        double negatives = c.negatives();
        if (positives == 0.0) {
            throw new IllegalArgumentException("F1 threshold search needs at least one positive in truth");
        }
        int best = 0;
        double bestF1 = -1.0;
        for (int i = 0; i < c.size(); i++) {
            double tp = c.tps[i];
            double f1 = 2.0 * tp / (2.0 * tp + c.fps[i] + (positives - tp));
            if (f1 > bestF1) {
                bestF1 = f1;
                best = i;
            }
        }
        double tp = c.tps[best];
        double fp = c.fps[best];
        BinaryConfusion confusion = new BinaryConfusion(tp, fp, Math.max(0.0, negatives - fp),
                Math.max(0.0, positives - tp));
        return new F1Threshold(c.thresholds[best], bestF1, confusion);
    }

    /** The F1-maximising threshold of boolean {@code truth}. */
    public static F1Threshold search(boolean[] truth, double[] scores) {
        return search(Checks.toInts(truth), scores, null);
    }
}
