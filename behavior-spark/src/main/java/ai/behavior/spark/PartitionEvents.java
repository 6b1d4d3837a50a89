package ai.behavior.spark;

import ai.behavior.data.Interactions;

/**
 * One DataFrame partition's rows as the SDK's {@link Interactions}, on the executor that holds them: what a
 * {@link SparkEvents#perPartition} function receives. Ids are interned per partition, so index {@code 3} in
 * one partition and in another are unrelated; map through {@link Interactions#users()} / {@code items()}.
 *
 * <pre>{@code
 * JavaRDD<Integer> users = SparkEvents.perPartition(frame, cols, ReadPolicy.FAIL, p -> p.events().activeUsers());
 * }</pre>
 *
 * @param partition the partition index
 * @param events    its events, in row order
 * @param report    what was read and skipped in this partition
 */
public record PartitionEvents(int partition, Interactions events, ConversionReport report) {
}
