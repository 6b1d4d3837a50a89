package ai.behavior.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a training loop records per epoch: the training loss and a validation metric, for the
 * {@link Plots#trainingHistory} plot.
 *
 * <pre>{@code
 * TrainingHistory h = TrainingHistory.builder("log-loss", "AUC").epoch(1, 0.62, 0.71).epoch(2, 0.55, 0.74).build();
 * Plots.trainingHistory(h).savePng(Path.of("training.png"));
 * }</pre>
 *
 * @param lossName   name of the training loss, e.g. {@code "log-loss"}
 * @param metricName name of the validation metric, e.g. {@code "validation AUC"}
 * @param epochs     one entry per epoch, epoch numbers strictly increasing
 */
public record TrainingHistory(String lossName, String metricName, List<Epoch> epochs) {
    /**
     * One epoch.
     *
     * @param epoch            epoch number ({@code >= 0})
     * @param trainingLoss     mean training loss over the epoch (finite)
     * @param validationMetric validation metric after the epoch (finite)
     */
    public record Epoch(int epoch, double trainingLoss, double validationMetric) {
        /** Checks the values, naming the epoch. */
        public Epoch {
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch number must be >= 0, got " + epoch);
            }
            if (!Double.isFinite(trainingLoss) || !Double.isFinite(validationMetric)) {
                throw new IllegalArgumentException("epoch " + epoch + ": training loss " + trainingLoss
                        + " and validation metric " + validationMetric + " must both be finite");
            }
        }
    }

    /** Validates and copies. */
    public TrainingHistory {
        if (lossName == null || lossName.isBlank() || metricName == null || metricName.isBlank()) {
            throw new IllegalArgumentException("loss and metric names must not be blank");
        }
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a training history needs at least one epoch");
        }
        for (int i = 1; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
                throw new IllegalArgumentException("epoch " + epochs.get(i).epoch() + " follows epoch "
                        + epochs.get(i - 1).epoch() + "; epoch numbers must increase");
            }
        }
        epochs = List.copyOf(epochs);
    }

    /** A builder for a history of {@code lossName} and {@code metricName}. */
    public static Builder builder(String lossName, String metricName) {
        return new Builder(lossName, metricName);
    }

    /** Collects epochs in order. Not thread-safe. */
    public static final class Builder {
        private final String lossName;
        private final String metricName;
        private final List<Epoch> epochs = new ArrayList<>();

        private Builder(String lossName, String metricName) {
            this.lossName = lossName;
            this.metricName = metricName;
        }

        /** Adds one epoch. */
        public Builder epoch(int epoch, double trainingLoss, double validationMetric) {
            epochs.add(new Epoch(epoch, trainingLoss, validationMetric));
            return this;
        }

        /** The history. */
        public TrainingHistory build() {
            return new TrainingHistory(lossName, metricName, epochs);
        }
    }
}
