package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.Padding;
import ai.behavior.models.Planted;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A planted task whose label needs BOTH a sequence and an attribute. Each row has a left-padded sequence of 1..8
 * ids drawn uniformly from 2..11 (ids 2..6 "good", 7..11 "bad"), a standard-normal dense attribute {@code x} and a
 * categorical attribute {@code c} in 1..3; {@code logit = 3.5 (good share - 0.5) + 1.3 x + effect[c] - 0.5} with
 * {@code effect = {0, -0.9, 0, 0.9}}, label ~ Bernoulli(sigmoid(logit)).
 *
 * @param both       dense x, categorical c and the sequence
 * @param attributes the same rows without the sequence (dense x, categorical c)
 * @param sequence   the same rows with the sequence and a constant dense column only
 * @param labels     drawn labels
 * @param truth      planted probabilities
 */
record PlantedSequences(FeatureMatrix both, FeatureMatrix attributes, FeatureMatrix sequence, double[] labels,
                        double[] truth) {
    static final int LENGTH = 8;
    static final FeatureSchema BOTH = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
            new FeatureSpec.Categorical("c", 4), new FeatureSpec.Sequence("history", 12, LENGTH, Padding.LEFT)));
    static final FeatureSchema ATTRIBUTES = new FeatureSchema(List.of(new FeatureSpec.Dense("x"),
            new FeatureSpec.Categorical("c", 4)));
    static final FeatureSchema SEQUENCE = new FeatureSchema(List.of(new FeatureSpec.Dense("constant"),
            new FeatureSpec.Sequence("history", 12, LENGTH, Padding.LEFT)));
    private static final double[] EFFECT = {0, -0.9, 0, 0.9};

    static PlantedSequences draw(int rows, long seed) {
        return draw(rows, seed, Padding.LEFT);
    }

    /** The same rows with the sequences padded on {@code side}. */
    static PlantedSequences draw(int rows, long seed, Padding side) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix both = new FeatureMatrix(side == Padding.LEFT ? BOTH : new FeatureSchema(List.of(
                new FeatureSpec.Dense("x"), new FeatureSpec.Categorical("c", 4),
                new FeatureSpec.Sequence("history", 12, LENGTH, Padding.RIGHT))), rows);
        FeatureMatrix attrs = new FeatureMatrix(ATTRIBUTES, rows);
        FeatureMatrix seq = new FeatureMatrix(SEQUENCE, rows);
        double[] y = new double[rows];
        double[] t = new double[rows];
        for (int i = 0; i < rows; i++) {
            int len = 1 + r.nextInt(LENGTH);
            int good = 0;
            for (int k = 0; k < len; k++) {
                int id = 2 + r.nextInt(10);
                good += id <= 6 ? 1 : 0;
                int p = side == Padding.LEFT ? LENGTH - len + k : k;
                for (FeatureMatrix m : new FeatureMatrix[] {both, seq}) {
                    m.sequenceIds(0)[i * LENGTH + p] = id;
                    m.sequenceMask(0)[i * LENGTH + p] = 1;
                }
            }
            double x = Planted.gaussian(r);
            int c = 1 + r.nextInt(3);
            both.denseBlock()[i] = (float) x;
            both.categoricalBlock()[i] = c;
            attrs.denseBlock()[i] = (float) x;
            attrs.categoricalBlock()[i] = c;
            seq.denseBlock()[i] = 1f;
            double logit = 3.5 * ((double) good / len - 0.5) + 1.3 * x + EFFECT[c] - 0.5;
            t[i] = 1 / (1 + Math.exp(-logit));
            y[i] = r.nextDouble() < t[i] ? 1 : 0;
        }
        return new PlantedSequences(both, attrs, seq, y, t);
    }

    int[] truthInts() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) labels[i];
        }
        return out;
    }
}
