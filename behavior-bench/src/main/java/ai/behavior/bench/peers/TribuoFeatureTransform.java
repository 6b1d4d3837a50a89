package ai.behavior.bench.peers;

import ai.behavior.feature.FeatureFrame;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Peer for the feature benchmark: Oracle Tribuo's transformations on the same rows. Tribuo has no imputation,
 * encoders or time features, so the peer does what it can express: every numeric column becomes a feature
 * (missing values left out, as Tribuo's sparse examples do), standardised with {@link MeanStdDevTransformation};
 * every categorical column becomes a one-hot feature {@code column@label} with value 1, passed through.
 * Transforming an example builds a new one, which is Tribuo's API.
 */
public final class TribuoFeatureTransform {
    private final List<Example<Label>> examples;
    private final TransformerMap transformers;

    private TribuoFeatureTransform(List<Example<Label>> examples, TransformerMap transformers) {
        this.examples = examples;
        this.transformers = transformers;
    }

    /** Fits the standardisation on {@code train} and prepares {@code rows} as Tribuo examples. */
    public static TribuoFeatureTransform fit(FeatureFrame train, FeatureFrame rows) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("fixture",
                OffsetDateTime.now(), new LabelFactory()), new LabelFactory());
        for (Example<Label> e : examples(train)) {
            data.add(e);
        }
        Map<String, List<org.tribuo.transform.Transformation>> perFeature = new java.util.HashMap<>();
        for (String c : train.columnNames()) {
            if (train.type(c) == ai.behavior.feature.ColumnType.NUMERIC) {
                perFeature.put(c, List.of(new MeanStdDevTransformation()));
            }
        }
        TransformationMap map = new TransformationMap(List.of(), perFeature);
        return new TribuoFeatureTransform(examples(rows), data.createTransformers(map));
    }

    /** Number of prepared rows. */
    public int size() {
        return examples.size();
    }

    /** Transforms row {@code i}. */
    public Example<Label> transform(int i) {
        return transformers.transformExample(examples.get(i));
    }

    private static List<Example<Label>> examples(FeatureFrame f) {
        List<Example<Label>> out = new ArrayList<>(f.rows());
        Label label = new Label("0");
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (String c : f.columnNames()) {
            switch (f.type(c)) {
                case NUMERIC -> numeric.add(c);
                case CATEGORICAL -> categorical.add(c);
                default -> { }
            }
        }
        for (int r = 0; r < f.rows(); r++) {
            List<Feature> features = new ArrayList<>(numeric.size() + categorical.size());
            for (String c : numeric) {
                double v = f.numeric(c)[r];
                if (Double.isFinite(v)) {
                    features.add(new Feature(c, v));
                }
            }
            for (String c : categorical) {
                String l = f.label(c, r);
                if (l != null) {
                    features.add(new Feature(c + "@" + l, 1));
                }
            }
            out.add(new ArrayExample<>(label, features));
        }
        return out;
    }
}
