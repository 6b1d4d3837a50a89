package ai.behavior.models.mlp;

import ai.behavior.feature.FeatureMatrix;
import ai.behavior.feature.FittedPipeline;
import ai.behavior.metric.RegressionMetrics;
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

/**
 * Trains a tabular MLP on the output of a feature pipeline: dense columns plus one embedding per categorical
 * column, for binary classification (sigmoid, binary cross-entropy, validation ROC AUC) or regression (mean
 * squared error on standardised labels, validation RMSE in label units).
 *
 * <pre>{@code
 * try (MlpModel m = Mlp.fit(train, labels, valid, validLabels, MlpOptions.binary(), pipeline)) {
 *     double[] p = m.predict(test); m.save(dir); }
 * }</pre>
 *
 * <p>Training runs on the shared {@link TrainingLoop} (device policy, seed, early stopping on the validation
 * metric with restore of the best epoch). Every dense value must be finite, every categorical index within its
 * feature's cardinality, and binary labels 0 or 1; anything else is an {@link IllegalArgumentException} naming
 * the column and row.
 */
public final class Mlp {
    /** Rows per batch when predicting and validating. */
    static final int INFERENCE_BATCH = 4096;

    private Mlp() {
    }

    /** Trains without validation (every epoch runs; the last one is kept). */
    public static MlpModel fit(FeatureMatrix train, double[] labels, MlpOptions options, FittedPipeline pipeline) {
        return fit(train, labels, null, null, options, pipeline);
    }

    /**
     * Trains on {@code train} and {@code labels}, validating after every epoch on {@code validation} (may be null,
     * then {@code validationLabels} must be null too). {@code pipeline} (may be null) is the fitted pipeline that
     * made the matrices; it travels inside the model and must have the same output schema.
     */
    public static MlpModel fit(FeatureMatrix train, double[] labels, FeatureMatrix validation,
                               double[] validationLabels, MlpOptions options, FittedPipeline pipeline) {
        if (train == null || options == null) {
            throw new IllegalArgumentException("train and options must not be null");
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot train an MLP on an empty training set");
        }
        MlpArchitecture arch = MlpArchitecture.of(train.schema(), options);
        MlpInputs.checkLabels(labels, train.rows(), options.task(), "training");
        MlpInputs.check(train, arch, "training", 0, train.rows());
        if ((validation == null) != (validationLabels == null)) {
            throw new IllegalArgumentException("give validation rows and validation labels together (or neither)");
        }
        if (validation != null) {
            arch.check(validation.schema(), "the validation matrix");
            if (validation.rows() == 0) {
                throw new IllegalArgumentException("the validation matrix is empty; pass null for no validation");
            }
            MlpInputs.checkLabels(validationLabels, validation.rows(), options.task(), "validation");
            MlpInputs.check(validation, arch, "validation", 0, validation.rows());
            if (options.task() == MlpTask.BINARY) {
                MlpInputs.checkBothClasses(validationLabels, "validation");
            }
        }
        if (pipeline != null) {
            arch.check(pipeline.schema(), "the pipeline's output");
        }

        double[] scaling = labelScaling(labels, options.task());
        double mean = scaling[0];
        double scale = scaling[1];
        Validation metric = validation == null ? null
                : validation(options.task(), validation, validationLabels, arch, mean, scale);
        TrainingTask task = task(arch, train, targets(labels, mean, scale), options.task(), metric);
        DeviceChoice device = DeviceSelector.choose(options.training().device(), EngineFacts.detect());
        TrainingResult result = TrainingLoop.run(task, options.training(), device);
        Network net = Network.create(() -> new MlpBlock(arch), arch.inputShapes(), result.parameters(), device);
        return new MlpModel(net, arch, options, mean, scale, pipeline, result);
    }

    /**
     * The training task {@link #fit} runs, without validation: the MLP network for {@code train}'s schema, its
     * rows and labels (standardised for regression), and the task's loss. For benchmarks and custom loops that
     * drive a {@link ai.behavior.models.train.TrainingSession} themselves.
     *
     * <pre>{@code
     * TrainingTask task = Mlp.trainingTask(x, y, options);
     * try (TrainingSession s = TrainingSession.open(task, options.training(), device, 100)) { s.step(null, 0, 1024); }
     * }</pre>
     */
    public static TrainingTask trainingTask(FeatureMatrix train, double[] labels, MlpOptions options) {
        if (train == null || options == null) {
            throw new IllegalArgumentException("train and options must not be null");
        }
        if (train.rows() == 0) {
            throw new IllegalArgumentException("cannot train an MLP on an empty training set");
        }
        MlpArchitecture arch = MlpArchitecture.of(train.schema(), options);
        MlpInputs.checkLabels(labels, train.rows(), options.task(), "training");
        MlpInputs.check(train, arch, "training", 0, train.rows());
        double[] scaling = labelScaling(labels, options.task());
        return task(arch, train, targets(labels, scaling[0], scaling[1]), options.task(), null);
    }

    private static TrainingTask task(MlpArchitecture arch, FeatureMatrix train, float[] targets, MlpTask kind,
                                     Validation metric) {
        return new TrainingTask("mlp", () -> new MlpBlock(arch), arch.inputShapes(),
                new TabularBatches(train, targets), kind == MlpTask.BINARY
                ? Losses::binaryCrossEntropyOnLogits : Losses::meanSquaredError, metric);
    }

    /**
     * {mean, scale} of the labels for regression (standardised targets keep the default learning rate sensible
     * whatever the label's unit); {0, 1} for binary tasks.
     */
    private static double[] labelScaling(double[] labels, MlpTask task) {
        double mean = 0;
        double scale = 1;
        if (task == MlpTask.REGRESSION) {
            for (double y : labels) {
                mean += y;
            }
            mean /= labels.length;
            double ss = 0;
            for (double y : labels) {
                ss += (y - mean) * (y - mean);
            }
            double sd = Math.sqrt(ss / labels.length);
            scale = sd > 0 ? sd : 1;
        }
        return new double[] {mean, scale};
    }

    private static float[] targets(double[] labels, double mean, double scale) {
        float[] targets = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = (float) ((labels[i] - mean) / scale);
        }
        return targets;
    }

    private static Validation validation(MlpTask task, FeatureMatrix rows, double[] labels, MlpArchitecture arch,
                                         double mean, double scale) {
        TabularBatches source = new TabularBatches(rows, null);
        if (task == MlpTask.BINARY) {
            int[] truth = new int[labels.length];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = (int) labels[i];
            }
            return Validation.of("val_auc", true, net -> {
                float[] z = net.outputs(source, INFERENCE_BATCH);
                double[] s = new double[z.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = z[i]; // AUC depends on the order only, and the sigmoid keeps it
                }
                return RocAuc.of(truth, s);
            });
        }
        return Validation.of("val_rmse", false, net -> {
            float[] z = net.outputs(source, INFERENCE_BATCH);
            double[] p = new double[z.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = z[i] * scale + mean;
            }
            return RegressionMetrics.rmse(labels, p);
        });
    }
}
