package ai.behavior.models.train;

import java.util.OptionalDouble;

/**
 * What one epoch did.
 *
 * <pre>{@code
 * for (EpochStats e : result.epochs()) System.out.println(e.epoch() + " " + e.trainLoss() + " " + e.validation());
 * }</pre>
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean training loss over the epoch's rows
 * @param validation    the validation metric after the epoch, empty without validation
 * @param learningRate  the learning rate of the epoch's last step
 * @param rows          training rows seen in the epoch
 * @param trainSeconds  seconds spent on training steps (validation excluded)
 * @param rowsPerSecond training rows per second of {@code trainSeconds}
 * @param liveArrays    native arrays alive in the training manager at the end of the epoch (parameters,
 *                      optimizer state); flat from epoch to epoch when every batch frees what it made
 */
public record EpochStats(int epoch, double trainLoss, OptionalDouble validation, double learningRate, long rows,
                         double trainSeconds, double rowsPerSecond, int liveArrays) {
}
