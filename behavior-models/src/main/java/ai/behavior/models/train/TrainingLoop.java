package ai.behavior.models.train;

import ai.behavior.models.device.DeviceChoice;
import ai.behavior.models.device.DeviceSelector;
import ai.behavior.models.device.EngineFacts;
import ai.behavior.progress.Progress;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The one training loop every neural model here uses: shuffled mini-batches built by the task's
 * {@link BatchSource}, each scoped in its own sub-manager; Adam, AdamW or SGD with momentum; warm-up then cosine or
 * linear decay; global-norm gradient clipping; a validation metric after every epoch with early stopping and
 * restore of the best epoch's parameters; progress through the options' listener; a seed that makes CPU runs
 * reproducible.
 *
 * <pre>{@code
 * TrainingResult r = TrainingLoop.run(task, TrainingOptions.defaults().withEpochs(5));
 * Network net = Network.create(task.network(), task.inputShapes(), r.parameters(), device);
 * }</pre>
 *
 * <p>Each run is one {@link TrainingSession} (the network, its optimizer and their manager) driven through the
 * epochs; custom loops and benchmarks can drive a session step by step themselves.
 *
 * <h2>Memory</h2>
 * All training state (parameters, gradients, optimizer moments) lives in one manager that is closed when the
 * run ends; every batch's arrays live in a sub-manager closed after the step; gradient handles are closed after
 * each update. The result carries the kept parameters as Java arrays, so nothing native outlives the call.
 *
 * <h2>Reproducibility</h2>
 * The seed sets PyTorch's global generator (parameter initialisation, dropout) and the shuffling. With one
 * PyTorch thread on the CPU two runs with the same seed give bit-identical parameters. The generator is global
 * to the process: two trainings running at once in one JVM disturb each other's randomness (not their
 * correctness).
 *
 * <h2>Batches</h2>
 * Rows are reshuffled every epoch and cut into batches of {@link TrainingOptions#batchSize()}; the last, shorter
 * batch is kept, except that a last batch of one row is merged into the one before (batch norm cannot train on
 * one row).
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final int VALIDATION_BATCH = 4096;

    private TrainingLoop() {
    }

    /** Trains on the device chosen from the options' policy (see {@link DeviceSelector}). */
    public static TrainingResult run(TrainingTask task, TrainingOptions options) {
        DeviceChoice device = DeviceSelector.choose(options.device(), EngineFacts.detect());
        return run(task, options, device);
    }

    /** Trains on an already chosen device. */
    public static TrainingResult run(TrainingTask task, TrainingOptions options, DeviceChoice device) {
        long started = System.nanoTime();
        int n = task.training().size();
        int[] bounds = batchBounds(n, options.batchSize());
        int batchesPerEpoch = bounds.length - 1;
        long totalSteps = (long) batchesPerEpoch * options.epochs();
        LOG.info("training {}: {} rows, {} batches of up to {} per epoch, {} epochs, {} lr {} on {}", task.name(), n,
                batchesPerEpoch, options.batchSize(), options.epochs(), options.optimizer(), options.learningRate(),
                device.report().used());
        SplittableRandom shuffle = new SplittableRandom(options.seed());
        Validation validation = task.validation();
        String metricName = validation == null ? "train_loss" : validation.metricName();

        try (TrainingSession session = TrainingSession.open(task, options, device, totalSteps)) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            List<EpochStats> history = new ArrayList<>();
            TrainedParameters best = null;
            int bestEpoch = 0;
            double bestMetric = Double.NaN;
            int sinceBest = 0;
            boolean stoppedEarly = false;
            double trainNanos = 0;
            long rowsSeen = 0;
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                shuffle(order, shuffle);
                long epochStart = System.nanoTime();
                double lossSum = 0;
                for (int b = 0; b < batchesPerEpoch; b++) {
                    int from = bounds[b];
                    int to = bounds[b + 1];
                    double loss = session.step(order, from, to);
                    checkFinite(task, options, session, loss, epoch, b + 1, from, to);
                    lossSum += loss * (to - from);
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                trainNanos += System.nanoTime() - epochStart;
                rowsSeen += n;
                double trainLoss = lossSum / n;
                OptionalDouble metric = OptionalDouble.empty();
                boolean improved = true;
                if (validation != null) {
                    double m = validation.evaluate(session.inference());
                    if (!Double.isFinite(m)) {
                        throw new IllegalStateException(task.name() + ": validation metric " + metricName + " is " + m
                                + " after epoch " + epoch);
                    }
                    metric = OptionalDouble.of(m);
                    improved = best == null || (validation.higherIsBetter() ? m > bestMetric : m < bestMetric);
                }
                EpochStats stats = new EpochStats(epoch, trainLoss, metric, session.learningRate(), n, seconds,
                        n / Math.max(seconds, 1e-9), session.liveArrays());
                history.add(stats);
                if (improved) {
                    // The best checkpoint is a copy in Java memory: restoring it is building the model from it.
                    best = validation == null ? null : session.parameters();
                    if (best != null) {
                        requireFinite(task, best, epoch);
                    }
                    bestEpoch = epoch;
                    bestMetric = metric.orElse(Double.NaN);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                report(options, task, epoch, stats, metricName, started);
                if (validation != null && options.patience() > 0 && sinceBest >= options.patience()
                        && epoch < options.epochs()) {
                    stoppedEarly = true;
                    LOG.info("{}: early stop after epoch {}: {} has not improved for {} epochs (best {} at epoch {})",
                            task.name(), epoch, metricName, sinceBest, bestMetric, bestEpoch);
                    break;
                }
            }
            TrainedParameters kept = best != null ? best : session.parameters();
            if (best == null) {
                requireFinite(task, kept, history.size());
            }
            double total = (System.nanoTime() - started) / 1e9;
            double rate = rowsSeen / Math.max(trainNanos / 1e9, 1e-9);
            LOG.info(String.format(Locale.ROOT, "%s: kept epoch %d of %d (%s %s), %.0f rows/s, %.1f s", task.name(),
                    bestEpoch, history.size(), metricName,
                    validation == null ? "n/a" : String.format(Locale.ROOT, "%.5f", bestMetric), rate, total));
            return new TrainingResult(task.name(), metricName, bestEpoch,
                    validation == null ? OptionalDouble.empty() : OptionalDouble.of(bestMetric), stoppedEarly,
                    history, rate, total, device.report(), kept);
        }
    }

    /**
     * Scales every gradient by {@code min(1, maxNorm / globalNorm)} in place and returns the global norm (one
     * read of native memory).
     */
    static double clip(NDArray[] grads, double maxNorm) {
        try (NDManager scope = grads[0].getManager().newSubManager()) {
            double norm = Math.sqrt(TrainingSession.squaredNorm(grads, scope).getFloat());
            TrainingSession.scale(grads, norm, maxNorm);
            return norm;
        }
    }

    /** Stops a diverged run: a non-finite loss, or a non-finite gradient norm where clipping computed one. */
    private static void checkFinite(TrainingTask task, TrainingOptions options, TrainingSession session, double loss,
                                    int epoch, int batch, int from, int to) {
        OptionalDouble norm = session.gradientNorm();
        String what;
        if (!Double.isFinite(loss)) {
            what = "the loss is " + loss;
        } else if (norm.isPresent() && !Double.isFinite(norm.getAsDouble())) {
            what = String.format(Locale.ROOT, "the gradient norm is %s (loss %.6g)", norm.getAsDouble(), loss);
        } else {
            return;
        }
        throw new IllegalStateException(String.format(Locale.ROOT, "%s: training diverged: %s at epoch %d, batch %d "
                + "(rows %d..%d of the epoch's order); no parameter was updated by this batch; lower the learning "
                + "rate (now %.3g)%s", task.name(), what, epoch, batch, from, to - 1, session.learningRate(),
                norm.isPresent() ? " or clipNorm (now " + options.clipNorm() + ")" : " or set clipNorm; without "
                        + "clipNorm gradients are not checked, so an earlier batch's update may be the cause"));
    }

    /** Refuses parameters holding NaN or infinity (a last update that diverged), naming the parameter. */
    private static void requireFinite(TrainingTask task, TrainedParameters p, int epoch) {
        for (TrainedParameters.NamedArray a : p.arrays()) {
            float[] v = a.values();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalStateException(task.name() + ": training diverged: parameter '" + a.name()
                            + "' holds " + v[i] + " at value " + i + " after epoch " + epoch + " although every "
                            + "batch's loss was finite; lower the learning rate or set clipNorm");
                }
            }
        }
    }

    /**
     * Batch boundaries {@code 0 = b[0] < b[1] < ... < b[k] = n}: batches of {@code batchSize}, the last shorter,
     * and a last batch of one row merged into the one before.
     */
    static int[] batchBounds(int n, int batchSize) {
        int full = n / batchSize;
        int rest = n % batchSize;
        boolean mergeLast = rest == 1 && full > 0;
        int count = full + (rest > 0 && !mergeLast ? 1 : 0);
        int[] b = new int[count + 1];
        for (int i = 1; i <= count; i++) {
            b[i] = Math.min(n, i * batchSize);
        }
        b[count] = n;
        return b;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void report(TrainingOptions options, TrainingTask task, int epoch, EpochStats s, String metricName,
                               long started) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", s.trainLoss());
        s.validation().ifPresent(v -> m.put(metricName, v));
        m.put("lr", s.learningRate());
        m.put("rows_per_s", s.rowsPerSecond());
        options.progress().update(new Progress(task.name(), epoch, options.epochs(), m,
                (System.nanoTime() - started) / 1e9));
    }
}
