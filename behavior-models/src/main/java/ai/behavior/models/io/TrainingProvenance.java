package ai.behavior.models.io;

import ai.behavior.modelfile.ModelWriter;
import ai.behavior.models.device.DeviceReport;
import ai.behavior.models.train.TrainingResult;

import java.util.Locale;

/**
 * The provenance every saved neural model carries in its manifest: the device report of training ({@code device},
 * {@code device.asked}, {@code device.used}, {@code engine}) and, when the model was trained in this process, the
 * kept epoch, epochs run, validation metric and training speed ({@code training.*}).
 *
 * <pre>{@code
 * DeviceReport trainedOn = TrainingProvenance.write(writer, model.training().orElse(null), model.device());
 * writer.json("device.json", trainedOn.toJson());
 * }</pre>
 */
public final class TrainingProvenance {
    private TrainingProvenance() {
    }

    /**
     * Writes the provenance of {@code training} (null for a loaded model: then {@code current} is the device
     * reported) and returns the device report written.
     */
    public static DeviceReport write(ModelWriter w, TrainingResult training, DeviceReport current) {
        DeviceReport trainedOn = training != null ? training.device() : current;
        w.provenance("device", trainedOn.summary())
                .provenance("device.asked", trainedOn.asked().toString())
                .provenance("device.used", trainedOn.used())
                .provenance("engine", trainedOn.engine() + " " + trainedOn.engineVersion() + " (" + trainedOn.flavour()
                        + "), DJL " + trainedOn.djlVersion());
        if (training != null) {
            w.provenance("training.kept_epoch", Integer.toString(training.bestEpoch()))
                    .provenance("training.epochs_run", Integer.toString(training.epochs().size()))
                    .provenance("training.metric", training.metricName() + " " + (training.bestMetric().isPresent()
                            ? String.format(Locale.ROOT, "%.6f", training.bestMetric().getAsDouble()) : "n/a"))
                    .provenance("training.rows_per_second", String.format(Locale.ROOT, "%.0f",
                            training.rowsPerSecond()));
        }
        return trainedOn;
    }
}
