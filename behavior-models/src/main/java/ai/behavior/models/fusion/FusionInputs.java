package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSchema;
import ai.behavior.feature.FeatureSpec;

import java.util.List;

/**
 * Checks of model inputs in Java, so that a bad value fails with its column and row named instead of deep in
 * native code: dense values finite, categorical indices within their cardinality, sequence ids within the
 * vocabulary and mask values 0 or 1. Shared by the fused classifier and the two-tower model.
 *
 * <pre>{@code
 * FusionInputs.check(train, "training");
 * int s = FusionInputs.sequenceIndex(train.schema(), null);   // the only sequence feature
 * }</pre>
 */
public final class FusionInputs {
    private FusionInputs() {
    }

    /** Checks every dense, categorical and sequence value of {@code m}; {@code what} names the matrix. */
    public static void check(FeatureMatrix m, String what) {
        FeatureSchema schema = m.schema();
        int d = schema.denseWidth();
        float[] dense = m.denseBlock();
        for (int i = 0; i < dense.length; i++) {
            if (!Float.isFinite(dense[i])) {
                throw new IllegalArgumentException(what + ": dense feature '" + schema.dense().get(i % d).name()
                        + "' is " + dense[i] + " at row " + i / d + "; inputs must be finite");
            }
        }
        List<FeatureSpec.Categorical> cats = schema.categorical();
        int k = cats.size();
        int[] codes = m.categoricalBlock();
        for (int i = 0; i < codes.length; i++) {
            int c = i % k;
            if (codes[i] < 0 || codes[i] >= cats.get(c).cardinality()) {
                throw new IllegalArgumentException(what + ": categorical feature '" + cats.get(c).name() + "' is "
                        + codes[i] + " at row " + i / k + "; indices must be in [0, " + cats.get(c).cardinality()
                        + ")");
            }
        }
        List<FeatureSpec.Sequence> seqs = schema.sequences();
        for (int s = 0; s < seqs.size(); s++) {
            FeatureSpec.Sequence spec = seqs.get(s);
            int[] ids = m.sequenceIds(s);
            float[] mask = m.sequenceMask(s);
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0 || ids[i] >= spec.vocabularySize()) {
                    throw new IllegalArgumentException(what + ": sequence '" + spec.name() + "' has id " + ids[i]
                            + " at row " + i / spec.maxLength() + ", position " + i % spec.maxLength()
                            + "; ids must be in [0, " + spec.vocabularySize() + ")");
                }
                if (mask[i] != 0f && mask[i] != 1f) {
                    throw new IllegalArgumentException(what + ": sequence '" + spec.name() + "' has mask " + mask[i]
                            + " at row " + i / spec.maxLength() + ", position " + i % spec.maxLength()
                            + "; the mask must be 0 or 1");
                }
            }
        }
    }

    /**
     * Position of the sequence feature called {@code name} among the schema's sequences, or of its only one when
     * {@code name} is null.
     *
     * @throws IllegalArgumentException when there is no such feature, or none or several with a null name
     */
    public static int sequenceIndex(FeatureSchema schema, String name) {
        if (name != null) {
            return schema.sequenceIndex(name);
        }
        List<FeatureSpec.Sequence> seqs = schema.sequences();
        if (seqs.size() != 1) {
            throw new IllegalArgumentException("the features hold " + seqs.size() + " sequence features "
                    + seqs.stream().map(FeatureSpec::name).toList() + "; name the one to encode "
                    + "(withSequenceFeature)");
        }
        return 0;
    }

    /** 0/1 labels as floats, one per row, checked. */
    public static float[] binaryLabels(double[] labels, int rows, String what) {
        if (labels == null) {
            throw new IllegalArgumentException(what + " labels are null");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(what + ": " + labels.length + " labels for " + rows + " rows");
        }
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(what + " label " + i + " is " + labels[i]
                        + "; labels must be 0 or 1");
            }
            out[i] = (float) labels[i];
        }
        return out;
    }
}
