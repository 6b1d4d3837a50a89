package ai.behavior.models;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Test data with a planted signal: two standard-normal dense columns and one categorical column of cardinality 5
 * (index 0 = unknown, 1..4 drawn uniformly). Binary: {@code logit = -1 + 1.2 x1 - 0.8 x2 + effect[c] + 0.7 x1 x2}
 * with {@code effect = {0, -1, 0, 1, 2}}, label ~ Bernoulli(sigmoid(logit)). Regression:
 * {@code y = 3 + 2 x1 - x2 + effect[c] + x1 x2 + N(0, 0.5^2)}.
 *
 * @param matrix        the features
 * @param labels        the drawn labels
 * @param truth         the planted probability (binary) or the noise-free value (regression)
 */
public record Planted(FeatureMatrix matrix, double[] labels, double[] truth) {
    /** The schema: dense x1, dense x2, categorical c (cardinality 5). */
    public static final FeatureSchema SCHEMA = new FeatureSchema(List.of(new FeatureSpec.Dense("x1"),
            new FeatureSpec.Dense("x2"), new FeatureSpec.Categorical("c", 5)));
    private static final double[] EFFECT = {0, -1, 0, 1, 2};

    /** {@code rows} binary rows drawn with {@code seed}. */
    public static Planted binary(int rows, long seed) {
        return draw(rows, seed, true);
    }

    /** {@code rows} regression rows drawn with {@code seed}. */
    public static Planted regression(int rows, long seed) {
        return draw(rows, seed, false);
    }

    private static Planted draw(int rows, long seed, boolean binary) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix m = new FeatureMatrix(SCHEMA, rows);
        double[] y = new double[rows];
        double[] t = new double[rows];
        for (int i = 0; i < rows; i++) {
            double x1 = gaussian(r);
            double x2 = gaussian(r);
            int c = 1 + r.nextInt(4);
            m.denseBlock()[2 * i] = (float) x1;
            m.denseBlock()[2 * i + 1] = (float) x2;
            m.categoricalBlock()[i] = c;
            if (binary) {
                double logit = -1 + 1.2 * x1 - 0.8 * x2 + EFFECT[c] + 0.7 * x1 * x2;
                t[i] = 1 / (1 + Math.exp(-logit));
                y[i] = r.nextDouble() < t[i] ? 1 : 0;
            } else {
                t[i] = 3 + 2 * x1 - x2 + EFFECT[c] + x1 * x2;
                y[i] = t[i] + 0.5 * gaussian(r);
            }
        }
        return new Planted(m, y, t);
    }

    /** Box-Muller. */
    public static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Labels as 0/1 ints. */
    public int[] truthInts() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) labels[i];
        }
        return out;
    }
}
