package ai.behavior.models.train;

import ai.behavior.models.device.DevicePolicy;
import ai.behavior.progress.ProgressListener;
import com.google.gson.JsonObject;

import java.util.Objects;

/**
 * How the shared {@link TrainingLoop} trains any network: epochs, batch size, optimizer, learning-rate schedule,
 * weight decay, gradient clipping, early stopping, seed, device and progress reporting.
 *
 * <pre>{@code
 * TrainingOptions o = TrainingOptions.defaults().withEpochs(20).withOptimizer(OptimizerKind.ADAMW)
 *         .withWeightDecay(1e-4).withProgress(ProgressListener.console(System.err));
 * }</pre>
 *
 * @param epochs                 passes over the training rows, at least 1 (default 10)
 * @param batchSize              rows per optimizer step, at least 1 (default 1024)
 * @param optimizer              the optimizer (default {@link OptimizerKind#ADAM})
 * @param learningRate           the peak learning rate, finite and &gt; 0 (default 1e-3)
 * @param momentum               SGD momentum in [0, 1) (default 0.9; ignored by Adam and AdamW)
 * @param weightDecay            weight decay &gt;= 0, applied to every parameter (default 0)
 * @param clipNorm               clip the global L2 norm of all gradients to this value; 0 = off (default 0)
 * @param warmupSteps            optimizer steps of linear warm-up, &gt;= 0 (default 0)
 * @param decay                  decay after warm-up (default {@link LearningRateDecay#COSINE})
 * @param finalLearningRate      the rate at the end of decay as a fraction of the peak, in [0, 1] (default 0.01)
 * @param patience               stop after this many epochs without a better validation metric; 0 = never stop
 *                               early (the best epoch's parameters are restored either way) (default 3)
 * @param seed                   seeds parameter initialisation, dropout (PyTorch's global generator) and the
 *                               shuffling; the same seed gives the same model on the CPU (default 42)
 * @param device                 the device policy; {@code null} = resolve from the {@code behavior.device}
 *                               property, the {@code BEHAVIOR_DEVICE} variable, else AUTO (default null)
 * @param progress               receives one update per epoch (default quiet)
 */
public record TrainingOptions(int epochs, int batchSize, OptimizerKind optimizer, double learningRate, double momentum,
                              double weightDecay, double clipNorm, int warmupSteps, LearningRateDecay decay,
                              double finalLearningRate, int patience, long seed, DevicePolicy device,
                              ProgressListener progress) {
    /** Checks every option, naming the bad one. */
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and >= 0 (0 = off), got " + clipNorm);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        Objects.requireNonNull(decay, "decay");
        if (!(finalLearningRate >= 0 && finalLearningRate <= 1)) {
            throw new IllegalArgumentException("finalLearningRate must be in [0, 1], got " + finalLearningRate);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0 (0 = never stop early), got " + patience);
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null (use ProgressListener.quiet())");
        }
    }

    /** The documented defaults. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(10, 1024, OptimizerKind.ADAM, 1e-3, 0.9, 0, 0, 0, LearningRateDecay.COSINE, 0.01,
                3, 42, null, ProgressListener.quiet());
    }

    /** A copy with {@link #epochs()} replaced. */
    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(value, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #batchSize()} replaced. */
    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(epochs, value, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #optimizer()} replaced. */
    public TrainingOptions withOptimizer(OptimizerKind value) {
        return new TrainingOptions(epochs, batchSize, value, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #learningRate()} replaced. */
    public TrainingOptions withLearningRate(double value) {
        return new TrainingOptions(epochs, batchSize, optimizer, value, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #momentum()} replaced. */
    public TrainingOptions withMomentum(double value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, value, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #weightDecay()} replaced. */
    public TrainingOptions withWeightDecay(double value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, value, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #clipNorm()} replaced. */
    public TrainingOptions withClipNorm(double value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, value,
                warmupSteps, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #warmupSteps()} replaced. */
    public TrainingOptions withWarmupSteps(int value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                value, decay, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #decay()} replaced. */
    public TrainingOptions withDecay(LearningRateDecay value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, value, finalLearningRate, patience, seed, device, progress);
    }

    /** A copy with {@link #finalLearningRate()} replaced. */
    public TrainingOptions withFinalLearningRate(double value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, value, patience, seed, device, progress);
    }

    /** A copy with {@link #patience()} replaced. */
    public TrainingOptions withPatience(int value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, value, seed, device, progress);
    }

    /** A copy with {@link #seed()} replaced. */
    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, value, device, progress);
    }

    /** A copy with {@link #device()} replaced ({@code null} = from property, environment or AUTO). */
    public TrainingOptions withDevice(DevicePolicy value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, value, progress);
    }

    /** A copy with {@link #progress()} replaced. */
    public TrainingOptions withProgress(ProgressListener value) {
        return new TrainingOptions(epochs, batchSize, optimizer, learningRate, momentum, weightDecay, clipNorm,
                warmupSteps, decay, finalLearningRate, patience, seed, device, value);
    }

    /** The options as JSON for a model manifest (the progress listener is not stored). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("epochs", epochs);
        o.addProperty("batchSize", batchSize);
        o.addProperty("optimizer", optimizer.name());
        o.addProperty("learningRate", learningRate);
        o.addProperty("momentum", momentum);
        o.addProperty("weightDecay", weightDecay);
        o.addProperty("clipNorm", clipNorm);
        o.addProperty("warmupSteps", warmupSteps);
        o.addProperty("decay", decay.name());
        o.addProperty("finalLearningRate", finalLearningRate);
        o.addProperty("patience", patience);
        o.addProperty("seed", seed);
        o.addProperty("device", device == null ? null : device.toString());
        return o;
    }

    /** Reads {@link #toJson()} back, with a quiet progress listener. */
    public static TrainingOptions fromJson(JsonObject o) {
        String dev = o.has("device") && !o.get("device").isJsonNull() ? o.get("device").getAsString() : null;
        return new TrainingOptions(o.get("epochs").getAsInt(), o.get("batchSize").getAsInt(),
                OptimizerKind.valueOf(o.get("optimizer").getAsString()), o.get("learningRate").getAsDouble(),
                o.get("momentum").getAsDouble(), o.get("weightDecay").getAsDouble(), o.get("clipNorm").getAsDouble(),
                o.get("warmupSteps").getAsInt(), LearningRateDecay.valueOf(o.get("decay").getAsString()),
                o.get("finalLearningRate").getAsDouble(), o.get("patience").getAsInt(), o.get("seed").getAsLong(),
                dev == null ? null : DevicePolicy.parse(dev), ProgressListener.quiet());
    }
}
