package ai.behavior.bench.peers;

import ai.behavior.feature.FeatureMatrix;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.OffsetDateTime;

/**
 * The logistic-regression peer: Oracle Tribuo's {@code LogisticRegressionTrainer} with its defaults (AdaGrad,
 * 5 epochs, mini-batches of 1, Tribuo's default seed) on exactly the dense features our pipeline made, so the two
 * models differ only in the learner. Categorical outputs are not passed (the synthetic shop's default pipeline
 * one-hot encodes into the dense block, so there are none there).
 *
 * <pre>{@code
 * TribuoLogistic peer = TribuoLogistic.fit(fit.training(), labels);
 * double[] p = peer.predict(fit.pipeline().transform(test));
 * }</pre>
 */
public final class TribuoLogistic {
    private static final String POSITIVE = "1";
    private static final LabelFactory FACTORY = new LabelFactory();

    private final Model<Label> model;
    private final String[] names;

    private TribuoLogistic(Model<Label> model, String[] names) {
        this.model = model;
        this.names = names;
    }

    /** Trains on the dense block of {@code train} with 0/1 {@code labels} (one per row). */
    public static TribuoLogistic fit(FeatureMatrix train, double[] labels) {
        if (labels.length != train.rows()) {
            throw new IllegalArgumentException(train.rows() + " rows but " + labels.length + " labels");
        }
        String[] names = names(train.schema().denseWidth());
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("behavior features",
                OffsetDateTime.now(), FACTORY), FACTORY);
        for (int r = 0; r < train.rows(); r++) {
            data.add(new ArrayExample<>(new Label(labels[r] == 1 ? POSITIVE : "0"), names, row(train, r)));
        }
        return new TribuoLogistic(new LogisticRegressionTrainer().train(data), names);
    }

    /** The probability of the positive class for every row of {@code rows}. */
    public double[] predict(FeatureMatrix rows) {
        double[] out = new double[rows.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = model.predict(new ArrayExample<>(FACTORY.getUnknownOutput(), names, row(rows, r)))
                    .getOutputScores().get(POSITIVE).getScore();
        }
        return out;
    }

    private static String[] names(int width) {
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = String.format(java.util.Locale.ROOT, "f%04d", j); // sortable: Tribuo keeps our order
        }
        return names;
    }

    private static double[] row(FeatureMatrix m, int r) {
        float[] dense = m.denseRow(r);
        double[] values = new double[dense.length];
        for (int j = 0; j < dense.length; j++) {
            values[j] = dense[j];
        }
        return values;
    }
}
