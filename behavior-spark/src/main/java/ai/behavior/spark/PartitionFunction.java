package ai.behavior.spark;

import java.io.Serializable;

/**
 * Work done on each partition's events by {@link SparkEvents#perPartition}: runs on the executors, so it and
 * whatever it captures must be serializable by Spark (a lambda capturing only values qualifies).
 *
 * <pre>{@code
 * PartitionFunction<Long> purchases = p -> (long) p.events().ofTypes(EventType.PURCHASE).size();
 * }</pre>
 *
 * @param <R> the per-partition result, serializable by Spark
 */
@FunctionalInterface
public interface PartitionFunction<R> extends Serializable {
    /** The result for one partition. */
    R apply(PartitionEvents partition) throws Exception;
}
