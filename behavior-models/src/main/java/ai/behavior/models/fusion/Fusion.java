package ai.behavior.models.fusion;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FeatureSpec;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.metric.RocAuc;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.Losses;
import ai.behavior.models.train.TrainingLoop;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.models.train.TrainingTask;
import ai.behavior.models.train.Validation;
import ai.djl.ndarray.types.Shape;

/**
 * Trains a binary classifier that fuses a sequence representation (any {@link SequenceEncoderFactory}) with
 * attributes (the dense and categorical columns of the same feature matrix) by concatenation, weighted sum or
 * attention ({@link FusionOptions#mode()}), on the shared {@link TrainingLoop}: sigmoid output, binary
 * cross-entropy, validation ROC AUC with early stopping and restore of the best epoch.
 *
 * <pre>{@code
 * SequenceEncoderFactory encoder = SequenceEncoderFactory.meanPool(32);
 * try (FusionModel m = Fusion.fit(train, y, valid, validY, encoder, FusionOptions.defaults())) { p = m.predict(test); }
 * }</pre>
 *
 * <p>The feature matrix holds the attributes (dense and categorical columns) and the sequence (one sequence
 * feature: ids and mask, as {@link ai.behavior.feature.sequence.SequenceEncoder} writes them). Every input is
 * checked before training: a non-finite dense value, an index out of range, a mask value other than 0 or 1,
 * or a label other than 0 or 1 is an {@link IllegalArgumentException} naming the column and row.
 */
public final class Fusion {
    /** Rows per batch when predicting and validating. */
    static final int INFERENCE_BATCH = 2048;

    private Fusion() {
    }

    /**
     * Trains on {@code train} and {@code labels}, validating on {@code validation} (may be null, then
     * {@code validationLabels} must be null too and every epoch runs, the last one kept).
     */
    public static FusionModel fit(FeatureMatrix train, double[] labels, FeatureMatrix validation,
                                  double[] validationLabels, SequenceEncoderFactory encoder, FusionOptions options) {
        return fit(train, labels, validation, validationLabels, encoder, options, null);
    }

    /**
     * As {@link #fit(FeatureMatrix, double[], FeatureMatrix, double[], SequenceEncoderFactory, FusionOptions)}, with
     * the fitted {@code pipeline} that made the rows (may be null): it travels inside the model, is saved with it,
     * and lets the model predict raw frames. Its output schema must be the training rows' schema.
     */
    public static FusionModel fit(FeatureMatrix train, double[] labels, FeatureMatrix validation,
                                  double[] validationLabels, SequenceEncoderFactory encoder, FusionOptions options,
                                  FittedPipeline pipeline) {
        if (pipeline != null && train != null
                && !pipeline.schema().features().equals(train.schema().features())) {
            throw new IllegalArgumentException("the pipeline's output " + pipeline.schema().features()
                    + " differs from the training rows' features " + train.schema().features());
        }
        if (train == null || encoder == null || options == null) {
            throw new IllegalArgumentException("train, encoder and options must not be null");
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot train on an empty training set");
        }
        int s = FusionInputs.sequenceIndex(train.schema(), options.sequenceFeature());
        FeatureSpec.Sequence spec = train.schema().sequences().get(s);
        AttributeLayout layout = AttributeLayout.of(train.schema(), options.maxEmbeddingDim());
        float[] y = FusionInputs.binaryLabels(labels, train.rows(), "training");
        FusionInputs.check(train, "training");
        if ((validation == null) != (validationLabels == null)) {
            throw new IllegalArgumentException("give validation rows and validation labels together (or neither)");
        }
        Validation metric = null;
        if (validation != null) {
            if (!validation.schema().features().equals(train.schema().features())) {
                throw new IllegalArgumentException("the validation matrix's features " + validation.schema().features()
                        + " differ from the training matrix's " + train.schema().features());
            }
            FusionInputs.check(validation, "validation");
            metric = auc(validation, s, FusionInputs.binaryLabels(validationLabels, validation.rows(), "validation"));
        }
        Shape[] shapes = FusedNetwork.inputShapes(layout, spec);
        TrainingTask task = new TrainingTask("fusion-" + options.mode().name().toLowerCase(java.util.Locale.ROOT),
                () -> new FusedNetwork(layout, spec, encoder, options), shapes, new FusedBatches(train, s, y),
                Losses::binaryCrossEntropyOnLogits, metric);
        DeviceChoice device = DeviceSelector.choose(options.training().device(), EngineFacts.detect());
        TrainingResult result = TrainingLoop.run(task, options.training(), device);
        Network net = Network.create(() -> new FusedNetwork(layout, spec, encoder, options), shapes,
                result.parameters(), device);
        return new FusionModel(net, train.schema(), s, encoder, options, result, pipeline);
    }

    private static Validation auc(FeatureMatrix rows, int sequence, float[] labels) {
        int[] truth = new int[labels.length];
        boolean zero = false;
        boolean one = false;
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (int) labels[i];
            zero |= truth[i] == 0;
            one |= truth[i] == 1;
        }
        if (!zero || !one) {
            throw new IllegalArgumentException("validation labels hold only class " + (one ? 1 : 0)
                    + "; AUC is undefined: give validation rows of both classes (or none)");
        }
        FusedBatches source = new FusedBatches(rows, sequence, null);
        return Validation.of("val_auc", true, net -> {
            float[] z = net.outputs(source, INFERENCE_BATCH);
            double[] scores = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                scores[i] = z[i]; // the sigmoid keeps the order
            }
            return RocAuc.of(truth, scores);
        });
    }
}
