package ai.behavior.models.sequence;

import ai.behavior.metric.RocAuc;
import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.models.predict.Network;
import ai.behavior.models.train.TrainingLoop;
import ai.behavior.models.train.TrainingResult;
import ai.behavior.models.train.TrainingTask;
import ai.behavior.models.train.Validation;

/**
 * Trains a sequence classifier: will this session or history end in the outcome (a purchase, say)? The encoder's
 * state after the last event goes through dropout and {@code Linear(1)} to a logit; the loss is binary
 * cross-entropy and the validation metric ROC AUC ({@code val_auc}), which drives early stopping.
 *
 * <pre>{@code
 * EventSequences s = EventSequences.of(SequenceBuilder.lastEvents(50).build(log, cutoff));
 * try (SequenceModel m = SequenceClassifier.fit(train, labels, valid, validLabels, SequenceOptions.gru())) {
 *     double[] p = m.predict(test); }
 * }</pre>
 *
 * <p>Each sequence keeps its last {@code maxLength} events; item (and category) vocabularies are those of the
 * training sequences. Labels must be 0 or 1, and the validation labels must hold both classes.
 */
public final class SequenceClassifier {
    private static final int VALIDATION_BATCH = 1024;

    private SequenceClassifier() {
    }

    /**
     * Trains on {@code train} with {@code labels}, validating after every epoch on {@code validation} (null, with
     * null labels, for none: every epoch runs and the last is kept).
     */
    public static SequenceModel fit(EventSequences train, double[] labels, EventSequences validation,
                                    double[] validationLabels, SequenceOptions options) {
        if (train == null || options == null) {
            throw new IllegalArgumentException("train and options must not be null");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train a sequence classifier on no sequences");
        }
        float[] y = checkLabels(labels, train.size(), "training");
        if ((validation == null) != (validationLabels == null)) {
            throw new IllegalArgumentException("give validation sequences and validation labels together (or neither)");
        }
        boolean categories = options.features().contains(EventFeature.CATEGORY);
        if (categories && train.categories() == null) {
            throw new IllegalArgumentException("the options embed categories but the training sequences have none");
        }
        SequenceArchitecture arch = SequenceArchitecture.of(SequenceTask.CLASSIFICATION, options,
                train.itemVocabulary().size(), categories ? train.categoryVocabulary().size() : 0);
        var itemVocabulary = train.itemVocabulary();
        var categoryVocabulary = categories ? train.categoryVocabulary() : null;
        SequenceBatches rows = SequenceBatches.lastEvents(
                new SequenceRows(arch, itemVocabulary, categoryVocabulary, null, train), y);
        Validation metric = null;
        if (validation != null) {
            checkLabels(validationLabels, validation.size(), "validation");
            int[] truth = new int[validationLabels.length];
            int positives = 0;
            for (int i = 0; i < truth.length; i++) {
                truth[i] = (int) validationLabels[i];
                positives += truth[i];
            }
            if (positives == 0 || positives == truth.length) {
                throw new IllegalArgumentException("the validation labels are all " + truth[0]
                        + "; AUC needs both classes");
            }
            SequenceBatches valid = SequenceBatches.lastEvents(
                    new SequenceRows(arch, itemVocabulary, categoryVocabulary, null, validation), null);
            metric = Validation.of("val_auc", true, net -> {
                float[] z = logits(net, valid);
                double[] s = new double[z.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = z[i]; // AUC depends on the order only, which the sigmoid keeps
                }
                return RocAuc.of(truth, s);
            });
        }
        TrainingTask task = new TrainingTask("sequence classifier " + options.encoder().name()
                .toLowerCase(java.util.Locale.ROOT), () -> new SequenceNetwork(arch), arch.inputShapes(), rows,
                SequenceLosses::binaryCrossEntropy, metric);
        DeviceChoice device = DeviceSelector.choose(options.training().device(), EngineFacts.detect());
        TrainingResult result = TrainingLoop.run(task, options.training(), device);
        Network net = Network.create(() -> new SequenceNetwork(arch), arch.inputShapes(), result.parameters(), device);
        return new SequenceModel(net, arch, options, itemVocabulary, categoryVocabulary, null, result);
    }

    private static float[] logits(ai.behavior.models.train.Inference net, SequenceBatches rows) {
        float[] out = new float[rows.size()];
        for (int start = 0; start < rows.size(); start += VALIDATION_BATCH) {
            int end = Math.min(rows.size(), start + VALIDATION_BATCH);
            try (var batch = net.newBatchManager()) {
                float[] z = net.forward(rows.inputs(batch, null, start, end)).get(2).toFloatArray();
                System.arraycopy(z, 0, out, start, z.length);
            }
        }
        return out;
    }

    private static float[] checkLabels(double[] labels, int rows, String what) {
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException(what + ": " + (labels == null ? "no" : labels.length) + " labels for "
                    + rows + " sequences");
        }
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(what + " label " + i + " is " + labels[i]
                        + "; labels must be 0 or 1");
            }
            y[i] = (float) labels[i];
        }
        return y;
    }
}
