package ai.behavior.models.train;

import ai.behavior.models.device.DeviceReport;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of {@link TrainingLoop#run}: the best epoch's parameters (already restored), the per-epoch
 * history, throughput and the device report.
 *
 * <pre>{@code
 * TrainingResult r = TrainingLoop.run(task, options);
 * System.out.printf("best epoch %d of %d, %s %.4f%n", r.bestEpoch(), r.epochs().size(), r.metricName(), r.bestMetric().orElse(0));
 * }</pre>
 *
 * @param task           task name
 * @param metricName     the validation metric's name, or "train_loss" without validation
 * @param bestEpoch      the epoch whose parameters were kept (the last one without validation)
 * @param bestMetric     the validation metric of that epoch, empty without validation
 * @param stoppedEarly   whether patience ran out before the last epoch
 * @param epochs         per-epoch statistics
 * @param rowsPerSecond  training throughput over all epochs (validation excluded)
 * @param seconds        wall-clock seconds of the whole run
 * @param device         what was asked, found and used
 * @param parameters     the kept parameters
 */
public record TrainingResult(String task, String metricName, int bestEpoch, OptionalDouble bestMetric,
                             boolean stoppedEarly, List<EpochStats> epochs, double rowsPerSecond, double seconds,
                             DeviceReport device, TrainedParameters parameters) {
    /** Copies the history. */
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
